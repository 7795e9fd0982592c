import { sql } from 'drizzle-orm';
import { endOfChinaDate, type InboxSource } from '../inbox/index.ts';

const kindLabel: Record<string, { zh: string; en: string }> = {
  clue: { zh: '财产线索', en: 'Asset lead' },
  message: { zh: '留言', en: 'Message' },
};

/** What the parties sent the team of the user's cases and nobody has answered yet, due date first. */
export const disclosureInbox: InboxSource = async (db, actor, { limit }) => {
  const rows = await db.execute<{
    id: string;
    caseId: string;
    caseNumber: string;
    kind: string;
    submitterName: string;
    dueOn: string;
    submittedAt: Date | string;
  }>(
    sql`select r.id, r.case_id as "caseId", c.case_number as "caseNumber", r.kind, r.submitter_name as "submitterName",
        r.due_on::text as "dueOn", r.submitted_at as "submittedAt"
      from disclosure.requests r join cases.cases c on c.id = r.case_id
      where r.state = 'open' and ${actor.userId}::uuid in (c.judge_id, c.assistant_id, c.bailiff_id, c.clerk_id)
      order by r.due_on asc, r.submitted_at asc limit ${limit}`,
  );
  return rows.map((r) => {
    const label = kindLabel[r.kind] ?? { zh: '当事人申请', en: 'Party application' };
    return {
      id: `partyMessage:${r.id}`,
      kind: 'partyMessage' as const,
      title: `${label.zh}待答复：${r.caseNumber}（${r.submitterName}）`,
      titleEn: `${label.en} to answer: ${r.caseNumber} (${r.submitterName})`,
      link: `/cases/${r.caseId}?tab=partyRequests`,
      dueAt: endOfChinaDate(r.dueOn),
      createdAt: new Date(r.submittedAt).toISOString(),
    };
  });
};
