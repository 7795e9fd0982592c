import { sql } from 'drizzle-orm';
import { hasRole, Role } from '../identity/index.ts';
import { endOfChinaDate, type InboxEntry, type InboxSource } from '../inbox/index.ts';

/**
 * The command centre's asks of a court: supervisions (督办) of the user's own cases waiting for
 * the team's report, and matters entrusted to the user's court (事项委托) waiting to be taken in,
 * for the officers who dispatch them (the command centre and the court's leaders).
 */
export const commandInbox: InboxSource = async (db, actor, { limit }) => {
  const supervisions = await db.execute<{
    id: string;
    caseId: string;
    caseNumber: string;
    dueOn: string;
    createdAt: Date | string;
  }>(
    sql`select s.id, s.case_id as "caseId", s.case_number as "caseNumber", s.due_on::text as "dueOn", s.created_at as "createdAt"
      from command.supervisions s
      where s.state = 'open' and s.case_id in (select id from cases.cases where ${actor.userId}::uuid in (judge_id, assistant_id, bailiff_id, clerk_id))
      order by s.due_on asc limit ${limit}`,
  );
  const items: InboxEntry[] = supervisions.map((s) => ({
    id: `supervision:${s.id}`,
    kind: 'supervision',
    title: `督办待报告：${s.caseNumber}`,
    titleEn: `Supervision awaiting your report: ${s.caseNumber}`,
    link: `/cases/${s.caseId}?tab=command`,
    dueAt: endOfChinaDate(s.dueOn),
    createdAt: new Date(s.createdAt).toISOString(),
  }));
  if (hasRole(actor, Role.commandCentre, Role.courtLeader)) {
    const entrusted = await db.execute<{
      id: string;
      caseNumber: string;
      fromCourtName: string;
      dueOn: string;
      createdAt: Date | string;
    }>(
      sql`select e.id, e.case_number as "caseNumber", e.from_court_name as "fromCourtName", e.due_on::text as "dueOn", e.created_at as "createdAt"
        from command.entrustments e
        where e.to_court_path = ${actor.court.path} and e.state = 'sent'
        order by e.due_on asc limit ${limit}`,
    );
    for (const e of entrusted)
      items.push({
        id: `entrustment:${e.id}`,
        kind: 'entrustment',
        title: `委托事项待受理：${e.fromCourtName} ${e.caseNumber}`,
        titleEn: `Entrusted matter to take in: ${e.fromCourtName} ${e.caseNumber}`,
        link: '/command/entrustments',
        dueAt: endOfChinaDate(e.dueOn),
        createdAt: new Date(e.createdAt).toISOString(),
      });
  }
  return items;
};
