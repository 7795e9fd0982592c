import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { type Actor, getCourt, isInScope } from '../../identity/index.ts';
import { isTerminal, type RequestState, requestStateValues } from '../rules/request-states.ts';
import { batches } from '../tables.ts';

/**
 * A batch's progress: requests counted by state. Visible to its requester and to those whose data
 * scope covers its court — not to outside staff (grid workers), who see no case.
 */
export async function getBatchProgress(db: Db, actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound('查询批次', 'Batch');
  const [batch] = await db.select().from(batches).where(eq(batches.id, id));
  if (!batch) throw notFound('查询批次', 'Batch');
  if (batch.requestedBy !== actor.userId) {
    const court = batch.courtId ? await getCourt(db, batch.courtId) : null;
    if (!court || !isInScope(actor, court.path)) throw notFound('查询批次', 'Batch');
  }
  const rows = await db.execute<{ state: string; n: number }>(
    sql`select state, count(*)::int as n from inquiry.requests where batch_id = ${id}::uuid group by state`,
  );
  const byState: Record<RequestState, number> = {
    pending: 0,
    sending: 0,
    accepted: 0,
    answered: 0,
    failed: 0,
    expired: 0,
  };
  for (const r of rows) {
    const state = requestStateValues.find((s) => s === r.state);
    if (state) byState[state] = r.n;
  }
  const total = rows.reduce((n, r) => n + r.n, 0);
  const open = rows.filter((r) => !isTerminal(r.state)).reduce((n, r) => n + r.n, 0);
  return {
    id: batch.id,
    kind: batch.kind,
    purpose: batch.purpose,
    createdAt: batch.createdAt.toISOString(),
    caseCount: batch.caseCount,
    total,
    byState,
    done: open === 0,
  };
}
