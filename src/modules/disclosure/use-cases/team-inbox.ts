import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import type { Actor } from '../../identity/index.ts';
import { requests } from '../tables.ts';
import { viewsOf } from './party-requests.ts';

/** The open requests on the cases the user works on, due date first (the workbench's to-do). */
export async function teamInbox(db: DbOrTx, actor: Actor, limit = 100) {
  const mine = sql`${requests.caseId} in (select id from cases.cases where ${actor.userId}::uuid in (judge_id, assistant_id, bailiff_id, clerk_id))`;
  const where = and(eq(requests.state, 'open'), mine);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(requests)
      .where(where)
      .orderBy(asc(requests.dueOn), asc(requests.submittedAt))
      .limit(limit),
    db.select({ n: count() }).from(requests).where(where),
  ]);
  const numbers = rows.length
    ? await db.execute<{ id: string; case_number: string }>(
        sql`select id, case_number from cases.cases where id = any(${`{${rows.map((r) => r.caseId).join(',')}}`}::uuid[])`,
      )
    : [];
  const numberOf = new Map(numbers.map((n) => [n.id, n.case_number]));
  const views = await viewsOf(db, rows);
  return {
    items: views.map((v, i) => ({
      ...v,
      caseId: rows[i]?.caseId ?? '',
      caseNumber: numberOf.get(rows[i]?.caseId ?? '') ?? '',
    })),
    total: total?.n ?? 0,
  };
}
