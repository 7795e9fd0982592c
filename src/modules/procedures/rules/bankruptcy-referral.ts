/**
 * Execution to bankruptcy (执转破; DOMAIN.md §5; CPL-I arts. 511–514; 最高人民法院关于执行案件移送
 * 破产审查若干问题的指导意见, 法发〔2017〕2号): which respondent may be referred, the periods of the
 * referral, and what the receiving court's ruling does to the enforcement case. Pure.
 */
import { addCalendarDays, type Bilingual, rollForwardToWorkingDay } from '../../../kernel/index.ts';

export const ReferralCriterion = {
  enterpriseLegalPerson: 'enterpriseLegalPerson',
  inquiryShowsTooLittle: 'inquiryShowsTooLittle',
  severalCases: 'severalCases',
} as const;
export type ReferralCriterion = (typeof ReferralCriterion)[keyof typeof ReferralCriterion];

/** Where a criterion comes from: the opinion itself, or court practice (configurable). */
export type CriterionBasis = 'law' | 'practice';

// (practice) "several cases" (多个执行案件、终本案件) as evidence of a clear lack of ability to pay:
// this case and at least one other, open or closed by 终本, against the same credit code
export const defaultMinCasesAgainstDebtor = 2;

// (practice) the materials go to the receiving court within 15 days of the written consent
export const transferDays = 15;
// 法发〔2017〕2号: the transfer decision is served on the applicant and the respondent within 5 days
export const serviceDays = 5;
// CPL-I art. 512: the receiving court rules whether to accept within 30 days of receiving the materials
export const acceptanceDays = 30;

/** What the system knows of one respondent when the court considers referring it. */
export type DebtorFacts = {
  readonly partyKind: string;
  readonly creditCode: string | null;
  /** The claim still outstanding in this case. */
  readonly outstandingFen: number;
  /** Online inquiry of this case for the respondent; null when none was run. */
  readonly inquiry: {
    readonly answeredQueries: number;
    readonly pendingQueries: number;
    readonly assetCount: number;
    /** What this case could take: balances not frozen by others, frozen here, things first in line. */
    readonly attachableFen: number;
  } | null;
  /** Other cases in any court against the same credit code: open, and closed by 终本 and not restored. */
  readonly otherCases: { readonly open: number; readonly terminated: number };
};

export type CriterionResult = {
  readonly criterion: ReferralCriterion;
  readonly isMet: boolean;
  readonly basis: CriterionBasis;
} & Bilingual;

export type CriteriaCheck = {
  readonly meetsCriteria: boolean;
  readonly criteria: readonly CriterionResult[];
};

/**
 * An enterprise legal person (法发〔2017〕2号 art. 2(1); CPL-I art. 511): a legal person whose unified
 * social credit code was issued by the market regulator for an enterprise — GB 32100 position 1
 * `9` (工商) and position 2 `1` (企业). Organs, public institutions and social organisations are
 * legal persons too, but never go bankrupt.
 */
export function isEnterpriseLegalPerson(partyKind: string, creditCode: string | null): boolean {
  return partyKind === 'legal' && creditCode !== null && creditCode.startsWith('91');
}

function enterpriseResult(f: DebtorFacts): CriterionResult {
  const isMet = isEnterpriseLegalPerson(f.partyKind, f.creditCode);
  return {
    criterion: ReferralCriterion.enterpriseLegalPerson,
    isMet,
    basis: 'law',
    zh: isMet ? '被执行人为企业法人' : '被执行人不是企业法人，不能移送破产审查',
    en: isMet
      ? 'The respondent is an enterprise legal person'
      : 'The respondent is not an enterprise legal person and cannot be referred for bankruptcy',
  };
}

/**
 * 法发〔2017〕2号 art. 2(3): unable to pay its debts, with assets insufficient or a clear lack of
 * ability to pay — evidenced here by the online inquiry: run, finished, and it found nothing or
 * less than what is outstanding.
 */
function inquiryResult(f: DebtorFacts): CriterionResult {
  const base = { criterion: ReferralCriterion.inquiryShowsTooLittle, basis: 'law' as const };
  const q = f.inquiry;
  if (q === null || q.answeredQueries === 0) {
    return {
      ...base,
      isMet: false,
      zh: '尚未进行网络查控，不能认定被执行人资产不足以清偿债务',
      en: 'No online inquiry has been run: insufficient assets are not shown',
    };
  }
  if (q.pendingQueries > 0) {
    return {
      ...base,
      isMet: false,
      zh: '网络查控尚未全部反馈',
      en: 'The online inquiry is still waiting for answers',
    };
  }
  if (q.assetCount === 0) {
    return {
      ...base,
      isMet: true,
      zh: '网络查控未发现可供执行的财产',
      en: 'Online inquiry found no assets to enforce against',
    };
  }
  const isMet = q.attachableFen < f.outstandingFen;
  return {
    ...base,
    isMet,
    zh: isMet
      ? '网络查控发现的财产不足以清偿未履行的债务'
      : '网络查控发现的财产足以清偿未履行的债务，应继续执行',
    en: isMet
      ? 'Online inquiry found too little to pay what is outstanding'
      : 'Online inquiry found enough to pay what is outstanding: enforce against it',
  };
}

function severalCasesResult(f: DebtorFacts, minCases: number): CriterionResult {
  const total = 1 + f.otherCases.open + f.otherCases.terminated;
  const isMet = total >= minCases;
  return {
    criterion: ReferralCriterion.severalCases,
    isMet,
    basis: 'practice',
    zh: `以该被执行人为被执行人的执行案件共${total}件（含本案；其他在执${f.otherCases.open}件、终本${f.otherCases.terminated}件）${isMet ? '' : `，不足${minCases}件`}`,
    en: `${total} enforcement case(s) against the respondent (this one, ${f.otherCases.open} other open, ${f.otherCases.terminated} closed by 终本)${isMet ? '' : `, fewer than ${minCases}`}`,
  };
}

/**
 * Whether a respondent may be referred for bankruptcy review, criterion by criterion. The written
 * consent (法发〔2017〕2号 art. 2(2)) is the proposal's own input and is checked there.
 */
export function checkReferralCriteria(
  facts: DebtorFacts,
  opts: { minCasesAgainstDebtor?: number } = {},
): CriteriaCheck {
  const criteria = [
    enterpriseResult(facts),
    inquiryResult(facts),
    severalCasesResult(facts, opts.minCasesAgainstDebtor ?? defaultMinCasesAgainstDebtor),
  ];
  return { meetsCriteria: criteria.every((c) => c.isMet), criteria };
}

/** CPL art. 85: a period whose last day is a holiday ends on the next working day. */
function periodEnd(from: string, days: number): string {
  return rollForwardToWorkingDay(addCalendarDays(from, days));
}

export type ReferralDates = {
  /** The last day to transfer the materials (practice: 15 days from the consent). */
  readonly transferDueOn: string;
  /** The last day to serve the transfer decision on the applicant and the respondent. */
  readonly serviceDueOn: string;
  /** When the receiving court should have ruled on acceptance. */
  readonly acceptanceDueOn: string;
};

/**
 * The periods of a referral decided on `decidedOn` with the consent given on `consentedOn`. The
 * materials go with the decision (the package is the case's dossier), so the receiving court's 30
 * days are counted from the decision *(practice: the day it receives them is not known here)*.
 */
export function referralDates(consentedOn: string, decidedOn: string): ReferralDates {
  return {
    transferDueOn: periodEnd(consentedOn, transferDays),
    serviceDueOn: periodEnd(decidedOn, serviceDays),
    acceptanceDueOn: periodEnd(decidedOn, acceptanceDays),
  };
}

/** Whether the decision came later than the practice's 15 days from the consent. */
export function isTransferLate(consentedOn: string, decidedOn: string): boolean {
  return decidedOn > referralDates(consentedOn, decidedOn).transferDueOn;
}

export const ReferralStatus = {
  awaitingAcceptance: 'awaitingAcceptance',
  accepted: 'accepted',
  declaredBankrupt: 'declaredBankrupt',
  refused: 'refused',
} as const;
export type ReferralStatus = (typeof ReferralStatus)[keyof typeof ReferralStatus];
export const referralStatusValues = Object.values(ReferralStatus) as [ReferralStatus, ...ReferralStatus[]];

export const referralStatusLabels: Readonly<Record<ReferralStatus, Bilingual>> = {
  awaitingAcceptance: {
    zh: '已移送，待受移送法院裁定是否受理',
    en: 'Transferred; awaiting the ruling on acceptance',
  },
  accepted: { zh: '破产申请已受理（中止执行）', en: 'Bankruptcy petition accepted (enforcement suspended)' },
  declaredBankrupt: { zh: '已宣告破产，终结执行', en: 'Declared bankrupt; enforcement terminated' },
  refused: { zh: '不予受理，恢复执行', en: 'Not accepted; enforcement resumed' },
};

/** The receiving court's rulings the enforcing court records. */
export const ReferralOutcome = {
  accepted: 'accepted',
  declaredBankrupt: 'declaredBankrupt',
  refused: 'refused',
} as const;
export type ReferralOutcome = (typeof ReferralOutcome)[keyof typeof ReferralOutcome];
export const referralOutcomeValues = Object.values(ReferralOutcome) as [
  ReferralOutcome,
  ...ReferralOutcome[],
];

/** What an outcome does to the enforcement case. */
export type CaseEffect = 'staySuspended' | 'terminate' | 'resume';

/**
 * CPL-I art. 513: once the petition is accepted the preservation measures are released and
 * enforcement stays suspended; once the debtor is declared bankrupt enforcement is terminated
 * (终结执行); if the petition is not accepted (or dismissed after acceptance) enforcement resumes,
 * and ordinary claims are then paid in the order of seizure (art. 514).
 */
export const caseEffectOf: Readonly<Record<ReferralOutcome, CaseEffect>> = {
  accepted: 'staySuspended',
  declaredBankrupt: 'terminate',
  refused: 'resume',
};

/**
 * The status an outcome moves a referral to, or null when it cannot follow: a referral awaiting
 * the ruling may be accepted, refused, or (acceptance not recorded) declared bankrupt at once; an
 * accepted one may end in a declaration of bankruptcy, or be dismissed (refused) after all.
 */
export function statusAfterOutcome(current: string, outcome: ReferralOutcome): ReferralStatus | null {
  if (current === ReferralStatus.awaitingAcceptance) return outcome;
  if (current === ReferralStatus.accepted && outcome !== ReferralOutcome.accepted) return outcome;
  return null;
}

/** A referral still in the receiving court's hands: one per respondent of a case at a time. */
export function isReferralOpen(status: string): boolean {
  return status === ReferralStatus.awaitingAcceptance || status === ReferralStatus.accepted;
}
