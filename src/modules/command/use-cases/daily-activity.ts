import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { refreshCaseFacts } from './case-facts.ts';

export type Activity = 'filed' | 'closed' | 'inquiries' | 'listed' | 'receivedFen';

const columnOf: Record<Activity, ReturnType<typeof sql.raw>> = {
  filed: sql.raw('filed'),
  closed: sql.raw('closed'),
  inquiries: sql.raw('inquiries'),
  listed: sql.raw('listed'),
  receivedFen: sql.raw('received_fen'),
};

/**
 * Adds to a court's counter of the day. The court is the case's, from the command centre's own copy
 * of the case, brought in first when this event arrives before the case's own.
 */
export async function countActivity(
  tx: DbOrTx,
  input: { caseId: string; day: string; activity: Activity; amount?: number },
): Promise<void> {
  const column = columnOf[input.activity];
  const known = await tx.execute(sql`select 1 from command.case_facts where case_id = ${input.caseId}`);
  if (known.length === 0) await refreshCaseFacts(tx, [input.caseId]);
  const rows = await tx.execute<{
    n: number;
  }>(sql`insert into command.daily_activity as a (court_id, court_path, day, ${column})
      select court_id, court_path, ${input.day}::date, ${input.amount ?? 1} from command.case_facts where case_id = ${input.caseId}
      on conflict (court_id, day) do update set ${column} = a.${column} + excluded.${column}
      returning 1 as n`);
  if (rows.length === 0) throw new Error(`case ${input.caseId} is not published by the cases module`);
}

/** The counters of a court and every court below it on one day. */
export async function activityOn(db: DbOrTx, path: string, day: string) {
  const [row] = await db.execute<{
    filed: string;
    closed: string;
    inquiries: string;
    listed: string;
    received_fen: string;
  }>(sql`
    select coalesce(sum(filed), 0)::text as filed, coalesce(sum(closed), 0)::text as closed,
      coalesce(sum(inquiries), 0)::text as inquiries, coalesce(sum(listed), 0)::text as listed,
      coalesce(sum(received_fen), 0)::text as received_fen
    from command.daily_activity where day = ${day}::date and court_path like ${`${path}%`}`);
  return {
    filed: Number(row?.filed ?? 0),
    closed: Number(row?.closed ?? 0),
    inquiriesCompleted: Number(row?.inquiries ?? 0),
    listed: Number(row?.listed ?? 0),
    receivedFen: Number(row?.received_fen ?? 0),
  };
}
