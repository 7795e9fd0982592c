import type { Db, DbOrTx } from '../../../platform/db.ts';
import {
  type CaseContext,
  type CaseParty,
  countOtherCasesOfRespondents,
  loadCaseContext,
} from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { readAssetPositions } from '../../inquiry/index.ts';
import type { TCaseReferrals, TRespondentCriteria } from '../bankruptcy-contracts.ts';
import { type CriteriaCheck, checkReferralCriteria, type DebtorFacts } from '../rules/bankruptcy-referral.ts';
import { listCaseReferrals, outcomesOf, referralView } from './bankruptcy-referral-store.ts';

/**
 * The criteria of each respondent of a case (rules/bankruptcy-referral.ts), from what the other
 * modules know, read through their index.ts: inquiry's answers and assets for the case, and the
 * cases in any court against the same credit code (counts only). A person is judged on the
 * enterprise criterion alone, and none of their figures is shown.
 */
export async function criteriaOfRespondents(
  db: DbOrTx,
  c: CaseContext,
  respondents: readonly CaseParty[] = c.respondents,
): Promise<(TRespondentCriteria & { check: CriteriaCheck })[]> {
  const organisations = respondents.filter((p) => p.creditCode !== null);
  const [positions, otherCases] = await Promise.all([
    readAssetPositions(db, { caseId: c.id, caseNumber: c.caseNumber }),
    countOtherCasesOfRespondents(
      db,
      c.id,
      organisations.map((p) => ({ partyId: p.id, idNumber: null, creditCode: p.creditCode })),
    ),
  ]);
  const outstandingFen = Math.max(0, c.claimAmountFen - c.recoveredFen);
  return respondents.map((p) => {
    const position = positions.get(p.id);
    const counts = otherCases.get(p.id) ?? { open: 0, terminated: 0 };
    const attachableFen = position
      ? position.availableBalanceFen + position.frozenHereFen + position.thingsFirstFen
      : 0;
    const facts: DebtorFacts = {
      partyKind: p.kind,
      creditCode: p.creditCode,
      outstandingFen,
      inquiry: position
        ? {
            answeredQueries: position.answeredQueries,
            pendingQueries: position.pendingQueries,
            assetCount: position.assetCount,
            attachableFen,
          }
        : null,
      otherCases: counts,
    };
    const check = checkReferralCriteria(facts);
    const isOrganisation = p.creditCode !== null;
    return {
      partyId: p.id,
      name: p.name,
      creditCode: p.creditCode,
      meetsCriteria: check.meetsCriteria,
      criteria: isOrganisation ? [...check.criteria] : check.criteria.slice(0, 1),
      figures: isOrganisation
        ? {
            outstandingFen,
            answeredQueries: position?.answeredQueries ?? 0,
            pendingQueries: position?.pendingQueries ?? 0,
            assetCount: position?.assetCount ?? 0,
            attachableFen,
            otherOpenCases: counts.open,
            otherTerminatedCases: counts.terminated,
          }
        : null,
      check,
    };
  });
}

/**
 * `GET /cases/{id}/bankruptcy-referral`: each respondent's criteria with their reasons, and the
 * case's referrals. For anyone who sees the case (outside the data scope: 404).
 */
export async function readCaseReferrals(db: Db, actor: Actor, caseId: string): Promise<TCaseReferrals> {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    const respondents = (await criteriaOfRespondents(tx, c)).map(({ check: _check, ...r }) => r);
    const rows = await listCaseReferrals(tx, c.id);
    const outcomes = await outcomesOf(
      tx,
      rows.map((r) => r.id),
    );
    return {
      caseId: c.id,
      respondents,
      referrals: rows.map((r) => referralView(r, outcomes.get(r.id) ?? [])),
    };
  });
}
