/**
 * State judicial aid in enforcement (国家司法救助; 最高人民法院关于加强和规范人民法院国家司法救助
 * 工作的意见, 法发〔2016〕16号 — "意见"; 人民法院国家司法救助案件办理程序规定（试行）, 2019): who may
 * apply, the cap on the amount, the period for the decision, and how money recovered later is
 * applied. Pure.
 */
import { addWorkingDays, type Bilingual, formatYuan } from '../../../kernel/index.ts';

// 意见 part 3: the amount is normally at most 36 months of the average monthly wage of the previous year
export const aidCapMonths = 36;

/**
 * The average monthly wage of employees of the previous year where the court sits (意见 part 3: the
 * base of the amount). Each court sets its province's published figure; until it does, this demo
 * figure of 10,000 yuan is used — a round number for the demo, not an official statistic.
 */
export const demoMonthlyWageFen = 1_000_000;

// (practice) decided within 10 working days of filing the aid case — the 2019 procedure rules set
// periods for each step; the article has not been verified here, so it is kept as practice
export const decisionWorkingDays = 10;

/** The last day for the decision on an aid case filed on `filedOn`. */
export function decisionDueOn(filedOn: string): string {
  return addWorkingDays(filedOn, decisionWorkingDays);
}

/**
 * The most the court may grant (意见 part 3): 36 months of the monthly wage, and never more than
 * what was awarded but not recovered (the claim still outstanding).
 */
export function aidCapFen(monthlyWageFen: number, outstandingFen: number): number {
  return Math.max(0, Math.min(aidCapMonths * monthlyWageFen, outstandingFen));
}

export type AidCheck = { readonly ok: true } | ({ readonly ok: false; readonly path: string } & Bilingual);

/**
 * 意见 part 2: aid is for a party who cannot recover through enforcement because the respondent
 * cannot pay, and whose life has fallen into hardship — a person, not an organisation — and
 * something must still be outstanding.
 */
export function checkApplicant(partyKind: string, outstandingFen: number): AidCheck {
  if (partyKind !== 'natural') {
    return {
      ok: false,
      path: 'applicantPartyId',
      zh: '司法救助的对象为生活困难的自然人',
      en: 'Judicial aid is for natural persons in hardship',
    };
  }
  if (outstandingFen <= 0) {
    return {
      ok: false,
      path: 'applicantPartyId',
      zh: '本案已无未执行到位的款项',
      en: 'Nothing is outstanding in this case',
    };
  }
  return { ok: true };
}

/** An approval grants a positive amount within the cap. */
export function checkApprovedAmount(amountFen: number, capFen: number): AidCheck {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) {
    return {
      ok: false,
      path: 'amountFen',
      zh: '救助金额应为正整数（分）',
      en: 'The amount is a positive whole number of fen',
    };
  }
  if (amountFen > capFen) {
    return {
      ok: false,
      path: 'amountFen',
      zh: `救助金额不得超过${formatYuan(capFen)}元（上一年度职工月平均工资的${aidCapMonths}个月，且不超过未执行到位的标的）`,
      en: `The amount may not exceed ${formatYuan(capFen)} yuan (${aidCapMonths} months of the previous year's average monthly wage, and no more than what is outstanding)`,
    };
  }
  return { ok: true };
}

/**
 * Aid does not discharge the debt: the respondent still owes the whole claim, and money recovered
 * after the aid was paid repays the aid first (意见: 救助后执行到位的款项，应当优先偿还救助金), then goes
 * to the applicant.
 */
export function applyRecovery(
  recoveredFen: number,
  aidOutstandingFen: number,
): { toAidFundFen: number; toApplicantFen: number } {
  const toAidFundFen = Math.max(0, Math.min(recoveredFen, aidOutstandingFen));
  return { toAidFundFen, toApplicantFen: Math.max(0, recoveredFen - toAidFundFen) };
}

export const AidStatus = {
  pending: 'pending',
  approved: 'approved',
  rejected: 'rejected',
  paid: 'paid',
} as const;
export type AidStatus = (typeof AidStatus)[keyof typeof AidStatus];
export const aidStatusValues = Object.values(AidStatus) as [AidStatus, ...AidStatus[]];

export const aidStatusLabels: Readonly<Record<AidStatus, Bilingual>> = {
  pending: { zh: '待审批', en: 'Awaiting decision' },
  approved: { zh: '已批准，待发放', en: 'Approved; awaiting payment' },
  rejected: { zh: '不予救助', en: 'Rejected' },
  paid: { zh: '已发放', en: 'Paid' },
};

/** 意见 (一次性救助): one aid per party per case — a pending, approved or paid one bars another. */
export function barsNewApplication(status: string): boolean {
  return status !== AidStatus.rejected;
}
