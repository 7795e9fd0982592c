import { sql } from 'drizzle-orm';
import { clock } from '../../platform/clock.ts';
import type { InboxSource } from '../inbox/index.ts';

/** How long an answered inquiry stays in its officer's to-do: 3 days *(practice)*. */
export const answeredInboxDays = 3;

/** The online inquiries the user launched that were answered in the last three days, newest first. */
export const inquiryInbox: InboxSource = async (db, actor, { limit }) => {
  const rows = await db.execute<{
    id: string;
    caseId: string;
    caseNumber: string;
    answered: number;
    found: number;
    doneAt: Date | string;
  }>(sql`select id, case_id as "caseId", case_number as "caseNumber", coalesce(answered_count, 0) as answered,
      coalesce(found_count, 0) as found, done_at as "doneAt"
    from inquiry.case_inquiries
    where requested_by = ${actor.userId}::uuid and done_at is not null
      and done_at > ${clock.now().toISOString()}::timestamptz - make_interval(days => ${answeredInboxDays})
    order by done_at desc limit ${limit}`);
  return rows.map((r) => ({
    id: `inquiryAnswered:${r.id}`,
    kind: 'inquiryAnswered' as const,
    title: `网络查控已反馈：${r.caseNumber}，${r.answered} 项反馈，发现财产 ${r.found} 项`,
    titleEn: `Online inquiry answered: ${r.caseNumber}, ${r.answered} answers, ${r.found} assets found`,
    link: `/cases/${r.caseId}?tab=inquiry`,
    createdAt: new Date(r.doneAt).toISOString(),
  }));
};
