/**
 * The statutory deadlines of an enforcement case (DOMAIN §2) as data: which step, from when, how
 * long, met by which node. `deadlines.ts` computes where each one stands.
 */

import { addCalendarDays, type Bilingual, CaseType, compareIsoDates } from '../../../kernel/index.ts';
import { NodeKind } from './node-kinds.ts';

export type Period = { readonly days: number } | { readonly months: number };

export const DeadlineKind = {
  officerAssignment: 'officerAssignment',
  enforcementNotice: 'enforcementNotice',
  propertyReportOrder: 'propertyReportOrder',
  askApplicantForLeads: 'askApplicantForLeads',
  leadVerification: 'leadVerification',
  investigationStart: 'investigationStart',
  investigationFinished: 'investigationFinished',
  referencePriceStart: 'referencePriceStart',
  payout: 'payout',
  payoutAfterDelay: 'payoutAfterDelay',
  handlingPeriod: 'handlingPeriod',
} as const;
export type DeadlineKind = (typeof DeadlineKind)[keyof typeof DeadlineKind];

export const deadlineKindLabels: Readonly<Record<DeadlineKind, Bilingual>> = {
  officerAssignment: { zh: '确定承办人', en: 'Assign a case officer' },
  enforcementNotice: { zh: '发出执行通知书', en: 'Send the enforcement notice' },
  propertyReportOrder: { zh: '发出报告财产令', en: 'Issue the property report order' },
  askApplicantForLeads: { zh: '通知申请人提供财产线索', en: 'Ask the applicant for asset leads' },
  leadVerification: { zh: '核查财产线索', en: 'Verify the asset lead' },
  investigationStart: { zh: '启动调查', en: 'Start the court investigation' },
  investigationFinished: { zh: '完成财产调查', en: 'Finish the property investigation' },
  referencePriceStart: { zh: '启动询价评估', en: 'Start the reference-price process' },
  payout: { zh: '发放执行款', en: 'Pay out the money received' },
  payoutAfterDelay: { zh: '延期事由消除后发放执行款', en: 'Pay out once the delay’s reason has ended' },
  handlingPeriod: { zh: '执行期限', en: 'Handling period' },
};

export function deadlineKindLabel(kind: string): Bilingual {
  const known = Object.entries(deadlineKindLabels).find(([k]) => k === kind);
  return known ? known[1] : { zh: kind, en: kind };
}

/** Court-configurable choices (DOMAIN: items marked practice). */
export type DeadlineOptions = {
  readonly investigationPeriod: Period;
  readonly leadVerificationDays: number;
  readonly rollOverHolidays: boolean;
};

export const defaultDeadlineOptions: DeadlineOptions = {
  // 执行期限规定 (2006) art. 7: investigation finished within about 1 month (practice: 60 days of filing)
  investigationPeriod: { months: 1 },
  // 财产调查规定 (2020): verify a concrete lead within 7 days (5 under the 2006 rules art. 6)
  leadVerificationDays: 7,
  // CPL art. 85: a period whose last day is a statutory holiday ends on the next working day
  rollOverHolidays: true,
};

export type NodeDeadlineRule = {
  readonly kind: DeadlineKind;
  readonly source: string;
  readonly caseTypes: readonly CaseType[];
  /** The first of these present starts the clock; none present, the deadline is not running. */
  readonly startsAt: readonly ('filed' | NodeKind)[];
  readonly period: (options: DeadlineOptions) => Period;
  readonly metBy: readonly NodeKind[];
  readonly isMoneyOnly?: boolean;
};

const firstOrRestored: readonly CaseType[] = [CaseType.first, CaseType.restored];

export const nodeDeadlineRules: readonly NodeDeadlineRule[] = [
  {
    kind: DeadlineKind.officerAssignment,
    // 执行期限规定 (2006) art. 2: case officer within 7 days of filing
    source: '执行期限规定 art. 2',
    caseTypes: [CaseType.first, CaseType.restored, CaseType.preservation],
    startsAt: ['filed'],
    period: () => ({ days: 7 }),
    metBy: [NodeKind.officerAssigned],
  },
  {
    kind: DeadlineKind.enforcementNotice,
    // CPL-I art. 480: enforcement notice within 10 days of receiving the application
    source: 'CPL-I art. 480',
    caseTypes: [CaseType.first],
    startsAt: ['filed'],
    period: () => ({ days: 10 }),
    metBy: [NodeKind.enforcementNoticeSent],
  },
  {
    kind: DeadlineKind.propertyReportOrder,
    // CPL-I art. 480 with 执行期限规定 art. 4: in money cases the report order goes with the notice (10 days)
    source: 'CPL-I art. 480; 执行期限规定 art. 4',
    caseTypes: [CaseType.first],
    startsAt: ['filed'],
    period: () => ({ days: 10 }),
    metBy: [NodeKind.propertyReportOrderIssued],
    isMoneyOnly: true,
  },
  {
    kind: DeadlineKind.askApplicantForLeads,
    // 执行期限规定 (2006) art. 5: ask the applicant for leads within 3 days of receiving the file
    source: '执行期限规定 art. 5',
    caseTypes: [CaseType.first],
    startsAt: [NodeKind.officerAssigned, 'filed'],
    period: () => ({ days: 3 }),
    metBy: [NodeKind.applicantAskedForLeads],
  },
  {
    kind: DeadlineKind.leadVerification,
    // 执行期限规定 art. 6: verify a concrete lead within 5 days; 财产调查规定 (2020): 7 days
    source: '执行期限规定 art. 6; 财产调查规定 (2020)',
    caseTypes: firstOrRestored,
    startsAt: [NodeKind.leadProvided],
    period: (o) => ({ days: o.leadVerificationDays }),
    metBy: [NodeKind.leadVerified],
  },
  {
    kind: DeadlineKind.investigationStart,
    // 执行期限规定 (2006) art. 6: start an investigation within 10 days of the applicant's request
    source: '执行期限规定 art. 6',
    caseTypes: firstOrRestored,
    startsAt: [NodeKind.investigationRequested],
    period: () => ({ days: 10 }),
    metBy: [NodeKind.investigationStarted, NodeKind.onlineInquiryDone],
  },
  {
    kind: DeadlineKind.investigationFinished,
    // 执行期限规定 (2006) art. 7: property investigation within about 1 month (practice 60 days)
    source: '执行期限规定 art. 7',
    caseTypes: firstOrRestored,
    startsAt: ['filed'],
    period: (o) => o.investigationPeriod,
    metBy: [NodeKind.onlineInquiryDone],
  },
  {
    kind: DeadlineKind.referencePriceStart,
    // SPC enforcement rules (DOMAIN §2): reference-price process within 30 days of a seizure
    source: 'DOMAIN §2',
    caseTypes: firstOrRestored,
    startsAt: [NodeKind.assetControlled],
    period: () => ({ days: 30 }),
    metBy: [NodeKind.referencePriceStarted, NodeKind.auctionStarted],
  },
  {
    kind: DeadlineKind.payout,
    // 执行款物管理规定 (2017) art. 15: money paid out within 30 days of the arrival notice, or a delay approved
    source: '执行款物管理规定 art. 15',
    caseTypes: firstOrRestored,
    startsAt: [NodeKind.paymentReceived],
    period: () => ({ days: 30 }),
    metBy: [NodeKind.paymentDisbursed, NodeKind.payoutDelayApproved],
  },
  {
    kind: DeadlineKind.payoutAfterDelay,
    // 执行款物管理规定 (2017) art. 15: after the approved delay's reason ends, paid within 10 days
    source: '执行款物管理规定 art. 15',
    caseTypes: firstOrRestored,
    startsAt: [NodeKind.payoutDelayEnded],
    period: () => ({ days: 10 }),
    metBy: [NodeKind.paymentDisbursed],
  },
];

/** The handling period for a case type, or null when none is set by law. */
export function handlingPeriodOf(
  caseType: string,
  isNonLitigation: boolean,
): { period: Period; source: string } | null {
  if (caseType === CaseType.first || caseType === CaseType.restored) {
    // 执行期限规定 (2006) art. 1: 6 months from filing; non-litigation enforcement 3 months
    return isNonLitigation
      ? { period: { months: 3 }, source: '执行期限规定 art. 1' }
      : { period: { months: 6 }, source: '执行期限规定 art. 1' };
  }
  // CPL art. 236: an objection to enforcement is decided within 15 days
  if (caseType === CaseType.objection) return { period: { days: 15 }, source: 'CPL art. 236' };
  // 执行异议复议规定 (2015) art. 11: a review is decided within 30 days, extendable by 30
  if (caseType === CaseType.review) return { period: { days: 30 }, source: '执行异议复议规定 art. 11' };
  return null;
}

// 执行期限规定 (2006) art. 1: an extension is requested at least 5 days before expiry
export const extensionRequestLeadDays = 5;

export function latestExtensionRequestOn(dueOn: string): string {
  return addCalendarDays(dueOn, -extensionRequestLeadDays);
}

export function isExtensionRequestTimely(dueOn: string, requestedOn: string): boolean {
  return compareIsoDates(requestedOn, latestExtensionRequestOn(dueOn)) <= 0;
}
