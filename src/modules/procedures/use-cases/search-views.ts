import { asc, eq } from 'drizzle-orm';
import { addCalendarDays, compareIsoDates } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { searchWarrantValidDays } from '../rules/audit-search.ts';
import type { TSearch } from '../search-contracts.ts';
import { searches } from '../search-tables.ts';

export type SearchRow = typeof searches.$inferSelect;

/** The search (locked for a change); 404 if none — its case's scope is checked next. */
export async function loadSearch(
  db: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<SearchRow> {
  if (!isUuid(id)) throw notFound('搜查', 'Search');
  const query = db.select().from(searches).where(eq(searches.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('搜查', 'Search');
  return row;
}

export function searchView(s: SearchRow, today: string): TSearch {
  return {
    id: s.id,
    caseId: s.caseId,
    caseNumber: s.caseNumber,
    respondent: { partyId: s.respondentPartyId, name: s.respondentName },
    places: s.places,
    reason: s.reason,
    state: s.state,
    requestedOn: s.requestedOn,
    requestedBy: s.requestedByName,
    approvalDueOn: s.approvalDueOn,
    isApprovalOverdue: compareIsoDates(s.approvedOn ?? today, s.approvalDueOn) > 0,
    approvedOn: s.approvedOn,
    approvedBy: s.approvedByName,
    approvalNote: s.approvalNote,
    warrantValidUntil: s.approvedOn === null ? null : addCalendarDays(s.approvedOn, searchWarrantValidDays),
    record:
      s.searchedOn !== null && s.recordedAt !== null
        ? {
            searchedOn: s.searchedOn,
            place: s.place ?? '',
            officers: s.officers ?? [],
            witnesses: s.witnesses ?? [],
            findings: s.findings ?? '',
            signatureNote: s.signatureNote,
            recordedAt: s.recordedAt.toISOString(),
            recordedBy: s.recordedByName ?? '',
            nodeId: s.nodeId,
          }
        : null,
  };
}

/** The case's searches, for those who see the case (404 outside the scope). */
export async function listCaseSearches(db: DbOrTx, actor: Actor, caseId: string): Promise<TSearch[]> {
  const c = await loadCaseContext(db, actor, caseId);
  const rows = await db
    .select()
    .from(searches)
    .where(eq(searches.caseId, c.id))
    .orderBy(asc(searches.requestedAt), asc(searches.id));
  const today = clock.today();
  return rows.map((s) => searchView(s, today));
}
