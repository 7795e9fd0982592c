/**
 * The ability-to-perform rating (履行能力评估; seed 004 四(四): 被执行人信用及履行能力评级): an
 * explainable score 0–100 of one respondent's ability and willingness to pay what the case still
 * claims, from what the court already knows — the assets online inquiry found, the money recovered
 * and paid, the credit records, the other cases against the respondent. Every factor's signed
 * contribution is a reason, and the reasons add up to the score from `ratingBase`. Pure; amounts
 * are integer fen.
 */
import { type Bilingual, formatYuan } from '../../../kernel/index.ts';
import { type ProposedMeasure, proposeMeasures, type Track, triage } from './proposals.ts';

/** Where every rating starts: nothing known either way. */
export const ratingBase = 50;

/**
 * Rated able to pay at or above this score: what a respondent scores whose assets found cover the
 * outstanding amount (coverage +20) when nothing else is known of them. It follows from the rule's
 * own arithmetic and is not fitted to any data; bench/rating.bench.ts measures it against the
 * simulator's ground truth.
 */
export const ableToPayThreshold = 70;

// 网拍规定 art. 10: the first auction round starts at no less than 70% of the reference price, so a
// registered thing counts for 70% of the value the registry reported.
export const thingValuePercent = 70;

// (practice) money that arrived within the last 3 months shows the case is moving.
export const recentRecoveryDays = 90;

/** The points each factor may give or take; ability spans −35…+35 and willingness −15…+15. */
export const factorPoints = {
  coverage: 20,
  liquidMoney: 10,
  recentRecovery: 5,
  otherOpenCase: -3,
  otherOpenCasesMax: -6,
  otherTerminatedCase: -3,
  otherTerminatedCasesMax: -9,
  voluntaryPayment: 10,
  listedDishonest: -5,
  pastBreach: -3,
  pastBreachesMax: -6,
  propertyReported: 5,
  propertyReportLate: -2,
  propertyNotReported: -4,
} as const;
const abilitySpan = 35;
const willingnessSpan = 15;

/** What the property report (报告财产令, CPL art. 252) shows, once the case records it. */
export type PropertyReportStatus = 'reported' | 'late' | 'notReported';

export type RatingInput = {
  /** The claim of the case, fen. */
  claimFen: number;
  /** What the case still claims: the claim less what was recovered, fen. */
  outstandingFen: number;
  /** An online inquiry of the respondent has answered (otherwise nothing is known of assets). */
  isSearched: boolean;
  /** Money in the respondent's accounts that nobody has frozen (the institutions' `availableFen`). */
  availableBalanceFen: number;
  /** Money frozen for this case and still held (freezes in force). */
  frozenHereFen: number;
  /** Registered things (real estate, vehicles, ships, equity) where this case is first in line: their reported value. */
  thingsFirstFen: number;
  /** Registered things behind another court's earlier seal (轮候查封): their reported value. */
  thingsQueuedFen: number;
  /** Registered things found that this case has not sealed or seized. */
  thingsUnsealedCount: number;
  /** Registered things this case holds under seal or seizure. */
  thingsSealedHereCount: number;
  /** Days since money last arrived for the case; null when none has. */
  daysSinceLastRecovery: number | null;
  /** Paid into the case account by the respondent, not taken by deduction, fen. */
  voluntaryPaidFen: number;
  /** On the dishonest list now, in any case. */
  isListed: boolean;
  /** Listings on grounds (2)–(6) of 失信规定 art. 1 (obstruction, evasion, reporting, restriction, settlement), in force or ended. */
  breachCount: number;
  /** A consumption restriction in force in this case. */
  isRestrictedHere: boolean;
  /** Listed, or proposed for listing, in this case. */
  isListedHere: boolean;
  /** Other open cases against the same respondent. */
  otherOpenCases: number;
  /** Other cases against the respondent closed by 终本 and not restored. */
  otherTerminatedCases: number;
  /** Null until the case records the property report. */
  propertyReport: PropertyReportStatus | null;
};

export const reasonCodes = [
  'nothingOutstanding',
  'notSearched',
  'noAssetsFound',
  'assetsCoverage',
  'liquidMoney',
  'queuedBehindOtherCourts',
  'recentRecovery',
  'otherOpenCases',
  'otherTerminatedCases',
  'voluntaryPayment',
  'listedDishonest',
  'pastBreaches',
  'propertyReported',
  'propertyReportLate',
  'propertyNotReported',
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

export type Reason = Bilingual & {
  code: ReasonCode;
  factor: 'ability' | 'willingness';
  /** The signed contribution to the score. */
  points: number;
};

export type Rating = {
  /** `ratingBase` plus the reasons' points, 0–100. */
  score: number;
  /** The ability reasons' points mapped onto 0–100 (50: nothing known). */
  ability: number;
  /** The willingness reasons' points mapped onto 0–100. */
  willingness: number;
  isAbleToPay: boolean;
  reasons: Reason[];
  track: Track;
  trackReason: Bilingual;
  proposedMeasures: ProposedMeasure[];
  /** The fen the coverage was computed from (found money and 70% of first-in-line things). */
  attachableFen: number;
};

const yuan = (fen: number) => `¥${formatYuan(fen)}`;

/** Money found that the court can take: available balances and what this case already froze. */
export function liquidFenOf(input: RatingInput): number {
  return input.availableBalanceFen + input.frozenHereFen;
}

/** What the coverage counts: money found and 70% of the things where this case is first in line. */
export function attachableFenOf(input: RatingInput): number {
  return liquidFenOf(input) + Math.floor((input.thingsFirstFen * thingValuePercent) / 100);
}

/** The share of the outstanding amount `fen` covers, capped at 1; 1 when nothing is outstanding. */
function shareOf(fen: number, outstandingFen: number): number {
  return outstandingFen <= 0 ? 1 : Math.min(1, fen / outstandingFen);
}

function abilityReasons(input: RatingInput): Reason[] {
  const reasons: Reason[] = [];
  const add = (code: ReasonCode, points: number, zh: string, en: string) =>
    reasons.push({ code, factor: 'ability', points, zh, en });
  if (input.outstandingFen <= 0) {
    add(
      'nothingOutstanding',
      factorPoints.coverage + factorPoints.liquidMoney,
      '本案已无未履行金额',
      'Nothing is outstanding in the case',
    );
  } else if (!input.isSearched) {
    add(
      'notSearched',
      0,
      '尚未完成网络查控，财产状况不明',
      'No online inquiry has answered yet: the assets are unknown',
    );
  } else {
    const attachable = attachableFenOf(input);
    const total = liquidFenOf(input) + input.thingsFirstFen + input.thingsQueuedFen;
    if (total === 0) {
      add(
        'noAssetsFound',
        -factorPoints.coverage,
        '网络查控未发现可供执行的财产',
        'Online inquiry found no assets to enforce against',
      );
    } else {
      const share = shareOf(attachable, input.outstandingFen);
      const percent = Math.floor((attachable * 100) / input.outstandingFen);
      // Linear from −20 (nothing attachable) through 0 (half covered) to +20 (all covered).
      add(
        'assetsCoverage',
        Math.round(factorPoints.coverage * (2 * share - 1)),
        `可供执行财产约${yuan(attachable)}（存款全额、登记财产按${thingValuePercent}%计），为未履行金额${yuan(input.outstandingFen)}的${percent}%`,
        `Attachable assets of about ${yuan(attachable)} (money in full, registered things at ${thingValuePercent}%): ${percent}% of the ${yuan(input.outstandingFen)} outstanding`,
      );
    }
    const liquid = liquidFenOf(input);
    if (liquid > 0) {
      add(
        'liquidMoney',
        Math.round(factorPoints.liquidMoney * shareOf(liquid, input.outstandingFen)),
        `存款等可直接扣划的资金${yuan(liquid)}（其中本案已冻结${yuan(input.frozenHereFen)}）`,
        `Money that can be deducted directly: ${yuan(liquid)} (${yuan(input.frozenHereFen)} of it frozen for this case)`,
      );
    }
    if (input.thingsQueuedFen > 0) {
      add(
        'queuedBehindOtherCourts',
        0,
        `价值${yuan(input.thingsQueuedFen)}的登记财产已被他案在先查封，本案轮候，未计入`,
        `Registered things worth ${yuan(input.thingsQueuedFen)} are sealed first by other cases; this case queues behind them and they are not counted`,
      );
    }
  }
  if (input.daysSinceLastRecovery !== null && input.daysSinceLastRecovery <= recentRecoveryDays) {
    add(
      'recentRecovery',
      factorPoints.recentRecovery,
      `近${recentRecoveryDays}日内有执行款到账`,
      `Money arrived for the case within the last ${recentRecoveryDays} days`,
    );
  }
  if (input.otherOpenCases > 0) {
    add(
      'otherOpenCases',
      Math.max(factorPoints.otherOpenCasesMax, factorPoints.otherOpenCase * input.otherOpenCases),
      `另有${input.otherOpenCases}件未结执行案件以其为被执行人`,
      `${input.otherOpenCases} other open enforcement case(s) against the same respondent`,
    );
  }
  if (input.otherTerminatedCases > 0) {
    add(
      'otherTerminatedCases',
      Math.max(
        factorPoints.otherTerminatedCasesMax,
        factorPoints.otherTerminatedCase * input.otherTerminatedCases,
      ),
      `另有${input.otherTerminatedCases}件案件因无财产可供执行终结本次执行程序`,
      `${input.otherTerminatedCases} other case(s) against the respondent closed by 终本 for want of assets`,
    );
  }
  return reasons;
}

function willingnessReasons(input: RatingInput): Reason[] {
  const reasons: Reason[] = [];
  const add = (code: ReasonCode, points: number, zh: string, en: string) =>
    reasons.push({ code, factor: 'willingness', points, zh, en });
  if (input.voluntaryPaidFen > 0) {
    // Half the claim paid voluntarily earns the full points.
    const share = input.claimFen <= 0 ? 1 : Math.min(1, (2 * input.voluntaryPaidFen) / input.claimFen);
    add(
      'voluntaryPayment',
      Math.max(1, Math.round(factorPoints.voluntaryPayment * share)),
      `已主动缴付${yuan(input.voluntaryPaidFen)}`,
      `Paid ${yuan(input.voluntaryPaidFen)} into the case account voluntarily`,
    );
  }
  if (input.isListed) {
    add(
      'listedDishonest',
      factorPoints.listedDishonest,
      '现被纳入失信被执行人名单',
      'On the list of dishonest debtors now',
    );
  }
  if (input.breachCount > 0) {
    add(
      'pastBreaches',
      Math.max(factorPoints.pastBreachesMax, factorPoints.pastBreach * input.breachCount),
      `曾${input.breachCount}次因妨碍执行、规避执行、违反财产报告制度或限制消费令等被纳入失信名单`,
      `Listed ${input.breachCount} time(s) for obstructing or evading enforcement, breaching the reporting duty or a consumption restriction, or defaulting on a settlement`,
    );
  }
  if (input.propertyReport === 'reported') {
    add('propertyReported', factorPoints.propertyReported, '已按期报告财产', 'Reported property on time');
  } else if (input.propertyReport === 'late') {
    add('propertyReportLate', factorPoints.propertyReportLate, '逾期报告财产', 'Reported property late');
  } else if (input.propertyReport === 'notReported') {
    add(
      'propertyNotReported',
      factorPoints.propertyNotReported,
      '拒不报告财产',
      'Has not reported property as ordered',
    );
  }
  return reasons;
}

const sumOf = (reasons: readonly Reason[]) => reasons.reduce((s, r) => s + r.points, 0);

/** Points in −span…+span onto 0–100. */
function subScore(points: number, span: number): number {
  return Math.round((100 * (points + span)) / (2 * span));
}

/** Rates one respondent: the score, its reasons, the track and the measures to propose. */
export function rateRespondent(input: RatingInput): Rating {
  const ability = abilityReasons(input);
  const willingness = willingnessReasons(input);
  const reasons = [...ability, ...willingness];
  const score = ratingBase + sumOf(reasons);
  const willingnessPoints = sumOf(willingness);
  const { track, reason: trackReason } = triage(input, willingnessPoints);
  return {
    score,
    ability: subScore(sumOf(ability), abilitySpan),
    willingness: subScore(willingnessPoints, willingnessSpan),
    isAbleToPay: score >= ableToPayThreshold,
    reasons,
    track,
    trackReason,
    proposedMeasures: proposeMeasures(input, { attachableFen: attachableFenOf(input), willingnessPoints }),
    attachableFen: attachableFenOf(input),
  };
}
