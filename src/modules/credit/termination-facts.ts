import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import { loadCaseParties, type TerminationFactProvider } from '../cases/index.ts';
import { entries, noGroundFindings, restrictions } from './tables.ts';

/**
 * The 终本 checklist (终本规定 art. 1(2)) reads "restriction issued" and "listed where a ground
 * applies" from the credit records: every respondent has a consumption restriction order in the
 * case; every respondent is (or was) listed or the judge found no ground, and no listing awaits
 * signature. When the credit module knows nothing of a case, no fact is given and the case's own
 * nodes stand (orders made on paper before the module was used, recorded by hand).
 */
export const creditTerminationFacts: TerminationFactProvider = async (tx: DbOrTx, caseId: string) => {
  const [caseEntries, caseRestrictions, findings] = await Promise.all([
    tx
      .select({ party: entries.respondentPartyId, state: entries.state })
      .from(entries)
      .where(eq(entries.caseId, caseId)),
    tx
      .select({ party: restrictions.respondentPartyId })
      .from(restrictions)
      .where(eq(restrictions.caseId, caseId)),
    tx
      .select({ party: noGroundFindings.respondentPartyId })
      .from(noGroundFindings)
      .where(eq(noGroundFindings.caseId, caseId)),
  ]);
  if (caseEntries.length === 0 && caseRestrictions.length === 0 && findings.length === 0) return {};
  const respondents = (await loadCaseParties(tx, caseId))
    .filter((p) => p.role === 'respondent')
    .map((p) => p.id);
  const restricted = new Set(caseRestrictions.map((r) => r.party));
  const settled = new Set([
    ...findings.map((f) => f.party),
    ...caseEntries.filter((e) => e.state === 'listed' || e.state === 'deleted').map((e) => e.party),
  ]);
  const isPending = caseEntries.some((e) => e.state === 'pendingApproval');
  return {
    consumptionRestricted: respondents.every((p) => restricted.has(p)),
    dishonestListedOrNoGround: !isPending && respondents.every((p) => settled.has(p)),
  };
};
