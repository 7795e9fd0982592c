import {
  addCalendarDays,
  isIsoDate,
  rollForwardToWorkingDay,
  splitFenProRata,
} from '../../../kernel/index.ts';

/**
 * 参与分配 and the distribution plan (DOMAIN.md §8; 民诉法解释 = CPL-I arts. 506–510, 514).
 *
 * Order of payment (art. 508): the enforcement costs first, then the claims with a priority right
 * (优先受偿权, e.g. construction-price claims) and the secured claims (担保物权) in full, in that
 * order; then the ordinary claims. Against a natural person or a non-corporate organisation the
 * ordinary claims share what is left pro rata (art. 508: 按照其占全部申请参与分配债权数额的比例);
 * against a company that is not referred to bankruptcy they are paid in the order of seizure
 * (art. 514: 按照财产保全和执行中查封、扣押、冻结财产的先后顺序). What is left goes back to the respondent.
 *
 * Choices made here, where the law leaves the detail open:
 * - Pro rata of the claim amount (债权数额), principal and interest together, as art. 508 counts
 *   it; within a creditor's share the principal is satisfied before the interest (as the 2014
 *   delay-interest interpretation art. 4 orders a single claim).
 * - Within one rank that the money cannot pay in full (two secured claims, two seizures on the same
 *   day), the rank shares pro rata, as the ordinary claims do.
 * - Against a company, claims seized on the same date rank together; never-seized ordinary claims
 *   come after every seized one and share what is left pro rata among themselves.
 * - Rounding by the largest remainder in fen; ties go to the creditor whose id sorts first, so the
 *   result does not depend on the order in which the claims are listed.
 */

export const ClaimPriority = { priority: 'priority', secured: 'secured', ordinary: 'ordinary' } as const;
export type ClaimPriority = (typeof ClaimPriority)[keyof typeof ClaimPriority];
export const claimPriorityValues = ['priority', 'secured', 'ordinary'] as const;

/** Whose property is distributed: art. 506 (person, organisation) or art. 514 (company). */
export const RespondentKind = { person: 'person', organisation: 'organisation', company: 'company' } as const;
export type RespondentKind = (typeof RespondentKind)[keyof typeof RespondentKind];
export const respondentKindValues = ['person', 'organisation', 'company'] as const;

/** How the ordinary claims are paid: art. 508 (pro rata) or art. 514 (order of seizure). */
export type OrdinaryRule = 'proRata' | 'seizureOrder';

export type DistributionClaim = {
  creditorId: string;
  priority: ClaimPriority;
  principalFen: number;
  interestFen: number;
  /** The date the creditor's seizure (查封、扣押、冻结) took effect; only art. 514 reads it. */
  seizedAt?: string | null;
};

export type DistributionShare = {
  creditorId: string;
  priority: ClaimPriority;
  claimFen: number;
  amountFen: number;
  principalFen: number;
  interestFen: number;
};

export type DistributionPlan = {
  amountFen: number;
  costsFen: number;
  ordinaryRule: OrdinaryRule;
  /** In the order of the claims given. */
  shares: DistributionShare[];
  refundFen: number;
};

function requireFen(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be whole fen ≥ 0, got ${value}`);
}

export function claimFenOf(c: { principalFen: number; interestFen: number }): number {
  return c.principalFen + c.interestFen;
}

/** A creditor's share split principal first, then interest (2014 interpretation art. 4). */
export function splitShare(amountFen: number, principalClaimFen: number) {
  const principalFen = Math.min(amountFen, principalClaimFen);
  return { principalFen, interestFen: amountFen - principalFen };
}

export function ordinaryRuleFor(kind: RespondentKind): OrdinaryRule {
  return kind === RespondentKind.company ? 'seizureOrder' : 'proRata';
}

/**
 * Pays one rank from `availableFen`: every claim in full if the money suffices, else pro rata of
 * the claims by the largest remainder (ties to the creditor id that sorts first).
 */
function payRank(
  rank: readonly DistributionClaim[],
  availableFen: number,
  paid: Map<string, number>,
): number {
  const sorted = [...rank].sort((a, b) =>
    a.creditorId < b.creditorId ? -1 : a.creditorId > b.creditorId ? 1 : 0,
  );
  const total = sorted.reduce((sum, c) => sum + claimFenOf(c), 0);
  const parts =
    total <= availableFen ? sorted.map(claimFenOf) : splitFenProRata(availableFen, sorted.map(claimFenOf));
  sorted.forEach((c, i) => {
    paid.set(c.creditorId, parts[i] ?? 0);
  });
  return parts.reduce((a, b) => a + b, 0);
}

/** The ranks of the ordinary claims against a company (art. 514): by seizure date, then the never-seized. */
function seizureRanks(ordinary: readonly DistributionClaim[]): DistributionClaim[][] {
  const byDate = new Map<string, DistributionClaim[]>();
  const never: DistributionClaim[] = [];
  for (const c of ordinary) {
    if (!c.seizedAt) never.push(c);
    else byDate.set(c.seizedAt, [...(byDate.get(c.seizedAt) ?? []), c]);
  }
  const dates = [...byDate.keys()].sort();
  return [...dates.map((d) => byDate.get(d) ?? []), never];
}

/** The distribution plan of `amountFen` among `claims` (see the rules at the top of this file). */
export function planDistribution(input: {
  amountFen: number;
  respondentKind: RespondentKind;
  costsFen: number;
  claims: readonly DistributionClaim[];
}): DistributionPlan {
  requireFen(input.amountFen, 'amountFen');
  requireFen(input.costsFen, 'costsFen');
  const seen = new Set<string>();
  let claimsTotal = 0;
  for (const c of input.claims) {
    if (seen.has(c.creditorId)) throw new RangeError(`creditor ${c.creditorId} claims twice`);
    seen.add(c.creditorId);
    requireFen(c.principalFen, 'principalFen');
    requireFen(c.interestFen, 'interestFen');
    claimsTotal += claimFenOf(c);
    if (!Number.isSafeInteger(claimsTotal)) throw new RangeError('the claims together exceed 2^53 fen');
    if (c.seizedAt && !isIsoDate(c.seizedAt)) throw new RangeError(`seizedAt is not a date: ${c.seizedAt}`);
  }
  let left = input.amountFen;
  // art. 508: the enforcement costs come off first.
  const costsFen = Math.min(left, input.costsFen);
  left -= costsFen;
  const paid = new Map<string, number>();
  const of = (priority: ClaimPriority) => input.claims.filter((c) => c.priority === priority);
  // art. 508 (and 506 para. 2): priority and secured claims before the ordinary ones.
  left -= payRank(of(ClaimPriority.priority), left, paid);
  left -= payRank(of(ClaimPriority.secured), left, paid);
  const ordinaryRule = ordinaryRuleFor(input.respondentKind);
  const ordinaryRanks =
    ordinaryRule === 'proRata' ? [of(ClaimPriority.ordinary)] : seizureRanks(of(ClaimPriority.ordinary));
  for (const rank of ordinaryRanks) left -= payRank(rank, left, paid);
  return {
    amountFen: input.amountFen,
    costsFen,
    ordinaryRule,
    shares: input.claims.map((c) => {
      const amountFen = paid.get(c.creditorId) ?? 0;
      return {
        creditorId: c.creditorId,
        priority: c.priority,
        claimFen: claimFenOf(c),
        amountFen,
        ...splitShare(amountFen, c.principalFen),
      };
    }),
    refundFen: left,
  };
}

export type PlanObjection = {
  /** The objecting creditor, or null: the respondent. */
  objectorId: string | null;
  /** The creditor whose share the objection says is too large. */
  againstId: string;
  disputedFen: number;
};

/**
 * CPL-I art. 510: when nobody opposes an objection, the court revises the plan as the objector
 * says. An objection here says a share is too large by the disputed amount: that much comes off
 * it and goes to the objecting creditor, up to what its claim still lacks, and the rest (or all of
 * it, when the respondent objects) back to the respondent.
 */
export function reviseForObjections<S extends { creditorId: string; claimFen: number; amountFen: number }>(
  shares: readonly S[],
  refundFen: number,
  objections: readonly PlanObjection[],
): { shares: S[]; refundFen: number } {
  const revised = shares.map((s) => ({ ...s }));
  let refund = refundFen;
  for (const o of objections) {
    requireFen(o.disputedFen, 'disputedFen');
    const against = revised.find((s) => s.creditorId === o.againstId);
    if (!against) throw new RangeError(`no share of ${o.againstId}`);
    const taken = Math.min(o.disputedFen, against.amountFen);
    against.amountFen -= taken;
    const objector = o.objectorId === null ? undefined : revised.find((s) => s.creditorId === o.objectorId);
    const given = objector ? Math.min(taken, Math.max(0, objector.claimFen - objector.amountFen)) : 0;
    if (objector) objector.amountFen += given;
    refund += taken - given;
  }
  return { shares: revised, refundFen: refund };
}

// CPL-I art. 509: objection in writing within 15 days of receiving the plan
export const objectionPeriodDays = 15;
// CPL-I art. 510: the others may oppose within 15 days of being notified of the objection
export const oppositionPeriodDays = 15;
// CPL-I art. 510: the objector may sue within 15 days of being notified of the opposition
export const suitPeriodDays = 15;

/**
 * The last day of a period of `days` days from `from` (CPL art. 85: the first day is not counted;
 * a last day that is a statutory holiday moves to the next working day).
 */
function periodEndsOn(from: string, days: number): string {
  return rollForwardToWorkingDay(addCalendarDays(from, days));
}

export function objectionDueOn(servedOn: string): string {
  return periodEndsOn(servedOn, objectionPeriodDays);
}

export function oppositionDueOn(objectionNotifiedOn: string): string {
  return periodEndsOn(objectionNotifiedOn, oppositionPeriodDays);
}

export function suitDueOn(oppositionNotifiedOn: string): string {
  return periodEndsOn(oppositionNotifiedOn, suitPeriodDays);
}

/**
 * The plan's states: drafted → served → (objected → opposed → sued | unopposed) → final → executed;
 * a drafted or unopposed plan is superseded by a new draft (art. 510: revised on the objection).
 */
export const planStateValues = [
  'drafted',
  'served',
  'objected',
  'opposed',
  'unopposed',
  'sued',
  'final',
  'executed',
  'superseded',
] as const;
export type PlanState = (typeof planStateValues)[number];

/** The states in which a plan is the case's open plan (at most one at a time). */
export function isOpenPlan(state: PlanState): boolean {
  return state !== 'executed' && state !== 'superseded';
}
