/**
 * Audit investigation (审计调查; 最高人民法院关于民事执行中财产调查若干问题的规定, 2017, amended 2020 —
 * "财产调查规定" below — arts. 17–21; DOMAIN.md §9) and search (搜查; CPL art. 259; CPL-I arts.
 * 494–497): who may be audited and on what grounds, the decision's period, the random choice of
 * the auditor, who bears the fee, the approval of a search warrant and the date of its record. Pure.
 */
import {
  addCalendarDays,
  type Bilingual,
  calendarDaysBetween,
  compareIsoDates,
} from '../../../kernel/index.ts';

// 财产调查规定 art. 17 (DOMAIN §9): the court decides within 10 days of receiving the written application
export const auditDecisionDays = 10;

/** The last day of the decision on an audit application received on `receivedOn`. */
export function auditDecisionDueOn(receivedOn: string): string {
  return addCalendarDays(receivedOn, auditDecisionDays);
}

/** Whether a decision made (or not yet made) on `decidedOn` is past the period. */
export function isAuditDecisionLate(dueOn: string, decidedOn: string): boolean {
  return compareIsoDates(decidedOn, dueOn) > 0;
}

/** 财产调查规定 art. 17: the applicant's grounds for asking the court to audit a respondent. */
export const auditGroundValues = [
  'refusedOrFalseReport',
  'hidingOrTransferringAssets',
  'capitalNotPaidOrWithdrawn',
] as const;
export type AuditGround = (typeof auditGroundValues)[number];

export const auditGroundLabels: Readonly<Record<AuditGround, Bilingual>> = {
  refusedOrFalseReport: { zh: '拒绝报告或虚假报告财产情况', en: 'Refused to report, or reported falsely' },
  hidingOrTransferringAssets: {
    zh: '隐匿、转移财产等逃避债务情形',
    en: 'Hiding or transferring assets to evade the debt',
  },
  capitalNotPaidOrWithdrawn: {
    zh: '股东、出资人出资不实、抽逃出资',
    en: 'Shareholders did not pay in, or withdrew, their capital',
  },
};

/**
 * 财产调查规定 art. 17: only a respondent that is a legal person or an unincorporated organisation
 * (法人或非法人组织) is audited — a natural person keeps no company accounts.
 */
export function auditRespondentProblem(partyKind: string): Bilingual | null {
  if (partyKind === 'natural') {
    return {
      zh: '审计仅适用于作为被执行人的法人或非法人组织',
      en: 'Only a respondent that is a legal person or an organisation may be audited',
    };
  }
  return null;
}

// 财产调查规定 art. 18: the court chooses one qualified audit institution at random
export const auditorsDrawn = 1;

// 财产调查规定 art. 21: the applicant advances the audit fee
export const auditFeeAdvancedBy = 'applicant';

/**
 * 财产调查规定 art. 21: the respondent bears the fee if the audit shows it refused to report, reported
 * falsely, hid or transferred assets or otherwise evaded the debt; otherwise the applicant does.
 */
export function auditFeeBorneBy(isEvasionFound: boolean): 'respondent' | 'applicant' {
  return isEvasionFound ? 'respondent' : 'applicant';
}

// DOMAIN §2: an approval is given within 7 days — here the court president's signature on the warrant
export const searchApprovalDays = 7;

/** The last day for the court president to sign (or refuse) a warrant requested on `requestedOn`. */
export function searchApprovalDueOn(requestedOn: string): string {
  return addCalendarDays(requestedOn, searchApprovalDays);
}

// (practice) a warrant is executed within 30 days of being signed; after that it is signed afresh
export const searchWarrantValidDays = 30;

export type DateProblem = { zh: string; en: string };

/**
 * The date of a search record (搜查笔录, CPL-I arts. 494–497): the search is made under the warrant, so
 * not before it was signed, nor after it lapsed (practice: 30 days), nor in the future.
 */
export function searchDateProblem(searchedOn: string, approvedOn: string, today: string): DateProblem | null {
  if (compareIsoDates(searchedOn, today) > 0)
    return { zh: '搜查日期不能晚于今天', en: 'The search date cannot be in the future' };
  if (compareIsoDates(searchedOn, approvedOn) < 0)
    return { zh: '搜查日期不能早于搜查令签发日期', en: 'The search cannot precede the signed warrant' };
  if (calendarDaysBetween(approvedOn, searchedOn) > searchWarrantValidDays)
    return {
      zh: `搜查令签发后${searchWarrantValidDays}日内未执行，应重新签发`,
      en: `The warrant lapsed ${searchWarrantValidDays} days after it was signed; it must be signed again`,
    };
  return null;
}
