import { calendarDaysBetween } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import {
  type CaseContext,
  type CaseParty,
  countOtherCasesOfRespondents,
  loadCaseContext,
} from '../../cases/index.ts';
import { type CreditRecord, readCreditRecords } from '../../credit/index.ts';
import { type CaseReceipt, listCaseReceipts } from '../../funds/index.ts';
import type { Actor } from '../../identity/index.ts';
import { type AssetPosition, readAssetPositions } from '../../inquiry/index.ts';
import type { TCaseRating, TRespondentRating } from '../contracts.ts';
import { ableToPayThreshold, type RatingInput, rateRespondent, ratingBase } from '../rules/rating.ts';

/**
 * The ability-to-perform rating of a case, for anyone who may see the case (outside the data
 * scope it does not exist: 404). Each respondent is rated from what the other modules know —
 * inquiry's assets, the money funds booked, the credit records, the other cases against the same
 * respondent — read through their index.ts in one read-only transaction. The case's rating is its
 * best-rated respondent's: the court may enforce the whole claim against any respondent (joint
 * liability is the common case), so the case's prospects are those of the one most able to pay.
 * Amounts of a respondent's assets are personal data: each view is audited with its purpose.
 */
export async function rateCase(db: Db, actor: Actor, caseId: string, purpose: string): Promise<TCaseRating> {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    const subjects = c.respondents.map((p) => ({
      partyId: p.id,
      idNumber: p.idNumber,
      creditCode: p.creditCode,
    }));
    const [positions, receipts, credit, otherCases] = await Promise.all([
      readAssetPositions(tx, { caseId: c.id, caseNumber: c.caseNumber }),
      listCaseReceipts(tx, c.id),
      readCreditRecords(tx, c.id, subjects),
      countOtherCasesOfRespondents(tx, c.id, subjects),
    ]);
    const today = clock.today();
    const respondents = c.respondents.map((p) =>
      rateOne(p, {
        c,
        today,
        receipts,
        position: positions.get(p.id),
        credit: credit.get(p.id),
        otherCases: otherCases.get(p.id),
      }),
    );
    const best = respondents.reduce<TRespondentRating | undefined>(
      (top, r) => (top === undefined || r.score > top.score ? r : top),
      undefined,
    );
    if (!best) throw new AppError(ErrorCode.conflict, bi('案件没有被执行人', 'The case has no respondent'));
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'rating.view',
      objectType: 'case',
      objectId: c.id,
      purpose,
      detail: { score: best.score, ratedPartyId: best.partyId, respondents: respondents.length },
    });
    const { partyId, name: _name, figures: _figures, ...rating } = best;
    return {
      caseId: c.id,
      ...rating,
      base: ratingBase,
      threshold: ableToPayThreshold,
      ratedPartyId: partyId,
      respondents,
      ratedAt: clock.now().toISOString(),
    };
  });
}

type Known = {
  c: CaseContext;
  today: string;
  receipts: readonly CaseReceipt[];
  position: AssetPosition | undefined;
  credit: CreditRecord | undefined;
  otherCases: { open: number; terminated: number } | undefined;
};

function rateOne(p: CaseParty, k: Known): TRespondentRating {
  const input = inputOf(p, k);
  const { attachableFen, trackReason, ...rating } = rateRespondent(input);
  return {
    partyId: p.id,
    name: p.name,
    score: rating.score,
    ability: rating.ability,
    willingness: rating.willingness,
    isAbleToPay: rating.isAbleToPay,
    track: rating.track,
    trackReason,
    reasons: rating.reasons,
    proposedMeasures: rating.proposedMeasures,
    figures: {
      outstandingFen: input.outstandingFen,
      attachableFen,
      availableBalanceFen: input.availableBalanceFen,
      frozenHereFen: input.frozenHereFen,
      thingsFirstFen: input.thingsFirstFen,
      thingsQueuedFen: input.thingsQueuedFen,
      assetCount: k.position?.assetCount ?? 0,
      answeredQueries: k.position?.answeredQueries ?? 0,
      pendingQueries: k.position?.pendingQueries ?? 0,
      voluntaryPaidFen: input.voluntaryPaidFen,
      daysSinceLastRecovery: input.daysSinceLastRecovery,
      isListed: input.isListed,
      breachCount: input.breachCount,
      otherOpenCases: input.otherOpenCases,
      otherTerminatedCases: input.otherTerminatedCases,
    },
  };
}

/**
 * The rule's input for one respondent. A payment into the case account in the respondent's own
 * name is theirs; one in anybody else's name (a relative, a guarantor) counts for every respondent,
 * since the bank's notice does not say on whose behalf it was paid.
 */
function inputOf(p: CaseParty, k: Known): RatingInput {
  const { c, position } = k;
  const otherNames = new Set(k.c.respondents.filter((r) => r.id !== p.id).map((r) => r.name));
  const voluntaryPaidFen = k.receipts
    .filter((r) => r.source === 'bank' && !otherNames.has(r.payerName))
    .reduce((s, r) => s + r.amountFen, 0);
  const last = k.receipts.at(-1);
  return {
    claimFen: c.claimAmountFen,
    outstandingFen: Math.max(0, c.claimAmountFen - c.recoveredFen),
    isSearched: (position?.answeredQueries ?? 0) > 0,
    availableBalanceFen: position?.availableBalanceFen ?? 0,
    frozenHereFen: position?.frozenHereFen ?? 0,
    thingsFirstFen: position?.thingsFirstFen ?? 0,
    thingsQueuedFen: position?.thingsQueuedFen ?? 0,
    thingsUnsealedCount: position?.thingsUnsealedCount ?? 0,
    thingsSealedHereCount: position?.thingsSealedHereCount ?? 0,
    daysSinceLastRecovery: last ? Math.max(0, calendarDaysBetween(last.receivedOn, k.today)) : null,
    voluntaryPaidFen,
    isListed: k.credit?.isListed ?? false,
    breachCount: k.credit?.breachCount ?? 0,
    isRestrictedHere: k.credit?.isRestrictedHere ?? false,
    isListedHere: k.credit?.isListedHere ?? false,
    otherOpenCases: k.otherCases?.open ?? 0,
    otherTerminatedCases: k.otherCases?.terminated ?? 0,
    // The property report is not recorded as such yet: the rule takes it when it is.
    propertyReport: null,
  };
}
