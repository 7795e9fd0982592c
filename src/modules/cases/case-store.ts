import { and, asc, eq, like, type SQL } from 'drizzle-orm';
import { clock } from '../../platform/clock.ts';
import type { DbOrTx } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { type Actor, dataScopePrefix } from '../identity/index.ts';
import { computeDeadlines, DeadlineKind, type DeadlineView } from './rules/deadlines.ts';
import { cases, nodes, parties } from './tables.ts';

export type CaseRow = typeof cases.$inferSelect;
export type NodeRow = typeof nodes.$inferSelect;
export type PartyRow = typeof parties.$inferSelect;

/** Data scope for cases: the one condition every case query carries (identity's court-path rule). */
export function inScope(actor: Actor): SQL {
  return like(cases.courtPath, `${dataScopePrefix(actor)}%`);
}

/** A case the actor may see, or 404: outside the scope a case does not exist. */
export async function loadCaseInScope(
  db: DbOrTx,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CaseRow> {
  if (!isUuid(id)) throw notFound('案件', 'Case');
  const query = db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), inScope(actor)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('案件', 'Case');
  return row;
}

export async function loadNodes(db: DbOrTx, caseId: string): Promise<NodeRow[]> {
  return db
    .select()
    .from(nodes)
    .where(eq(nodes.caseId, caseId))
    .orderBy(asc(nodes.occurredOn), asc(nodes.recordedAt));
}

export async function loadParties(db: DbOrTx, caseId: string): Promise<PartyRow[]> {
  return db
    .select()
    .from(parties)
    .where(eq(parties.caseId, caseId))
    .orderBy(asc(parties.role), asc(parties.position));
}

export function deadlinesOf(c: CaseRow, caseNodes: NodeRow[], today: string): DeadlineView[] {
  return computeDeadlines({
    filedOn: c.filedOn,
    caseType: c.caseType,
    isNonLitigation: c.isNonLitigation,
    nodes: caseNodes.map((n) => ({ kind: n.kind, occurredOn: n.occurredOn })),
    today,
    closedOn: c.closedOn,
  });
}

/** The earliest deadline not yet met, kept on the case row for the workbench list. */
export function nextDeadlineOf(deadlines: DeadlineView[]): { kind: string; dueOn: string } | null {
  const open = deadlines.filter((d) => d.state !== 'met').sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const first = open[0];
  return first ? { kind: first.kind, dueOn: first.dueOn } : null;
}

/**
 * The handling period's due date (执行期限规定 art. 1), net of suspended days; null when the case
 * type has none, or while the period's clock is stopped (the date is not known yet).
 */
export function handlingDueOf(deadlines: DeadlineView[]): string | null {
  const handling = deadlines.find((d) => d.kind === DeadlineKind.handlingPeriod);
  return handling && !handling.isPaused ? handling.dueOn : null;
}

/** The next deadline and the handling period's due date, kept on the case row. */
export function scheduleOf(c: CaseRow, caseNodes: NodeRow[], today: string) {
  const deadlines = deadlinesOf(c, caseNodes, today);
  const next = c.status === 'closed' ? null : nextDeadlineOf(deadlines);
  return {
    nextDeadlineKind: next?.kind ?? null,
    nextDeadlineOn: next?.dueOn ?? null,
    handlingDueOn: handlingDueOf(deadlines),
  };
}

export async function refreshNextDeadline(tx: DbOrTx, c: CaseRow, today: string): Promise<void> {
  const caseNodes = await loadNodes(tx, c.id);
  await tx
    .update(cases)
    .set({ ...scheduleOf(c, caseNodes, today), updatedAt: clock.now() })
    .where(eq(cases.id, c.id));
}
