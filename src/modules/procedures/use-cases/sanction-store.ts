import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { type CaseContext, loadCaseContext, recordNode } from '../../cases/index.ts';
import { type Actor, loadActorByUserId } from '../../identity/index.ts';
import { formatDecisionNumber } from '../rules/sanctions.ts';
import { sanctions } from '../sanction-tables.ts';

export type SanctionRow = typeof sanctions.$inferSelect;

export function conflict(zh: string, en: string): AppError {
  return new AppError(ErrorCode.conflict, bi(zh, en));
}

export function auditActorOf(actor: Actor) {
  return { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id };
}

async function loadSanction(
  db: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<SanctionRow> {
  if (!isUuid(id)) throw notFound('司法制裁', 'Sanction');
  const query = db.select().from(sanctions).where(eq(sanctions.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('司法制裁', 'Sanction');
  return row;
}

/**
 * A sanction and its case, both locked for a change — the case first, as every use case that
 * writes to a case takes it; 404 when there is no such sanction or its case is outside the scope.
 */
export async function loadSanctionForChange(
  tx: DbOrTx,
  actor: Actor,
  id: string,
): Promise<{ s: SanctionRow; c: CaseContext }> {
  const found = await loadSanction(tx, id);
  const c = await loadCaseContext(tx, actor, found.caseId, { forUpdate: true });
  const s = await loadSanction(tx, id, { forUpdate: true });
  return { s, c };
}

/** 司惩: the next decision number of the court for the year, gap-free (taken inside the caller's transaction). */
export async function nextDecisionNumber(tx: DbOrTx, courtCode: string, year: number): Promise<string> {
  const rows = await tx.execute<{ last: number }>(sql`
    insert into procedures.sanction_numbers (court_code, year, last) values (${courtCode}, ${year}, 1)
    on conflict (court_code, year) do update set last = procedures.sanction_numbers.last + 1
    returning last`);
  const [row] = rows;
  if (!row) throw new Error('procedures: no decision number was taken');
  return formatDecisionNumber(year, courtCode, Number(row.last));
}

/**
 * 第N次拘留: the person's next detention number, under a lock on the person so that two decisions
 * at once cannot take the same number.
 */
export async function nextDetentionSequence(tx: DbOrTx, subjectKey: string): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`procedures.detention:${subjectKey}`}))`);
  const rows = await tx.execute<{ last: number | null }>(sql`
    select max(sequence) as last from procedures.sanctions where subject_key = ${subjectKey}`);
  return Number(rows[0]?.last ?? 0) + 1;
}

/**
 * A step of a sanction on the case timeline, in the case judge's name (the node's author is the
 * case team), keyed by what caused it. `isRequired`: a case that refuses the node (closed, no
 * judge) refuses the step; otherwise the step stands without its node.
 */
export async function recordSanctionNode(
  tx: DbOrTx,
  c: CaseContext,
  node: { kind: string; note: string; sourceKey: string },
  opts: { isRequired: boolean },
): Promise<void> {
  const judge = c.team.judgeId ? await loadActorByUserId(tx, c.team.judgeId) : null;
  if (!judge) {
    if (opts.isRequired) throw conflict('本案尚无承办法官', 'The case has no judge');
    return;
  }
  try {
    await recordNode(tx, judge, c.id, { kind: node.kind, note: node.note }, { sourceKey: node.sourceKey });
  } catch (err) {
    if (opts.isRequired || !(err instanceof AppError)) throw err;
  }
}
