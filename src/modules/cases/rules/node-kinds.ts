/** The steps (节点) recorded on a case's timeline. Deadlines and the 终本 checklist read them. */
import type { Bilingual } from '../../../kernel/index.ts';

export const NodeKind = {
  filed: 'filed',
  officerAssigned: 'officerAssigned',
  enforcementNoticeSent: 'enforcementNoticeSent',
  propertyReportOrderIssued: 'propertyReportOrderIssued',
  applicantAskedForLeads: 'applicantAskedForLeads',
  leadProvided: 'leadProvided',
  leadVerified: 'leadVerified',
  investigationRequested: 'investigationRequested',
  investigationStarted: 'investigationStarted',
  onlineInquiryDone: 'onlineInquiryDone',
  onSiteInquiryDone: 'onSiteInquiryDone',
  consumptionRestrictionIssued: 'consumptionRestrictionIssued',
  dishonestListed: 'dishonestListed',
  debtorSearched: 'debtorSearched',
  obstructionSanctioned: 'obstructionSanctioned',
  assetControlled: 'assetControlled',
  referencePriceStarted: 'referencePriceStarted',
  auctionStarted: 'auctionStarted',
  paymentReceived: 'paymentReceived',
  paymentDisbursed: 'paymentDisbursed',
  payoutDelayApproved: 'payoutDelayApproved',
  payoutDelayEnded: 'payoutDelayEnded',
  applicantInterviewed: 'applicantInterviewed',
  applicantConfirmedTermination: 'applicantConfirmedTermination',
  collegialReview: 'collegialReview',
  extensionApproved: 'extensionApproved',
  suspended: 'suspended',
  resumed: 'resumed',
  settlementReached: 'settlementReached',
  respondentAdditionApplied: 'respondentAdditionApplied',
  respondentAdditionHeard: 'respondentAdditionHeard',
  respondentAdditionRuled: 'respondentAdditionRuled',
  respondentAdded: 'respondentAdded',
  other: 'other',
} as const;
export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

export const nodeKindLabels: Readonly<Record<NodeKind, Bilingual>> = {
  filed: { zh: '立案', en: 'Case filed' },
  officerAssigned: { zh: '确定承办人', en: 'Case officer assigned' },
  enforcementNoticeSent: { zh: '发出执行通知书', en: 'Enforcement notice sent' },
  propertyReportOrderIssued: { zh: '发出报告财产令', en: 'Property report order issued' },
  applicantAskedForLeads: { zh: '通知申请人提供财产线索', en: 'Applicant asked for asset leads' },
  leadProvided: { zh: '申请执行人提供财产线索', en: 'Applicant provided an asset lead' },
  leadVerified: { zh: '核查财产线索', en: 'Asset lead verified' },
  investigationRequested: { zh: '申请执行人申请法院调查', en: 'Applicant asked the court to investigate' },
  investigationStarted: { zh: '启动调查', en: 'Investigation started' },
  onlineInquiryDone: { zh: '网络查控完毕', en: 'Online inquiry completed' },
  onSiteInquiryDone: { zh: '现场调查', en: 'On-site inquiry done' },
  consumptionRestrictionIssued: { zh: '限制消费令', en: 'Consumption restriction ordered' },
  dishonestListed: { zh: '纳入失信名单', en: 'Listed as a dishonest debtor' },
  debtorSearched: { zh: '查找被执行人', en: 'Debtor searched for' },
  obstructionSanctioned: { zh: '妨害执行已处罚', en: 'Obstruction of enforcement sanctioned' },
  assetControlled: { zh: '财产控制', en: 'Assets sealed, seized or frozen' },
  referencePriceStarted: { zh: '启动询价评估', en: 'Reference-price process started' },
  auctionStarted: { zh: '启动拍卖', en: 'Auction started' },
  paymentReceived: { zh: '执行款到账', en: 'Payment received' },
  paymentDisbursed: { zh: '执行款发放', en: 'Payment disbursed' },
  payoutDelayApproved: { zh: '批准延期发放执行款', en: 'Payout delay approved' },
  payoutDelayEnded: { zh: '延期发放事由消除', en: 'Reason for the payout delay ended' },
  applicantInterviewed: { zh: '约谈申请执行人', en: 'Applicant interviewed' },
  applicantConfirmedTermination: {
    zh: '申请执行人签字确认终本',
    en: 'Applicant signed to confirm termination of this round',
  },
  collegialReview: { zh: '合议庭审查', en: 'Collegial panel review' },
  extensionApproved: { zh: '延长执行期限', en: 'Handling period extended' },
  suspended: { zh: '中止执行', en: 'Enforcement suspended' },
  resumed: { zh: '恢复', en: 'Enforcement resumed' },
  settlementReached: { zh: '执行和解', en: 'Settlement reached' },
  respondentAdditionApplied: {
    zh: '申请变更、追加被执行人',
    en: 'Application to add or substitute a respondent',
  },
  respondentAdditionHeard: {
    zh: '变更、追加被执行人听证',
    en: 'Hearing on adding or substituting a respondent',
  },
  respondentAdditionRuled: {
    zh: '变更、追加被执行人裁定',
    en: 'Ruling on adding or substituting a respondent',
  },
  respondentAdded: { zh: '追加被执行人', en: 'Respondent added' },
  other: { zh: '其他', en: 'Other' },
};

export const nodeKinds: readonly NodeKind[] = Object.values(NodeKind);

export function isNodeKind(s: string): s is NodeKind {
  return nodeKinds.some((k) => k === s);
}

/** The label of a stored kind; an unknown kind (from an older release) is shown as it is. */
export function nodeKindLabel(kind: string): Bilingual {
  return isNodeKind(kind) ? nodeKindLabels[kind] : { zh: kind, en: kind };
}

/**
 * Recorded from the funds module by a flow, with the key of what caused them, never by hand: a
 * payout from the bank's confirmation, a payout delay's approval and the end of its reason
 * (执行款物管理规定 art. 15) from the funds module's own records.
 */
const fundsRecordedKinds: readonly NodeKind[] = [
  NodeKind.paymentDisbursed,
  NodeKind.payoutDelayApproved,
  NodeKind.payoutDelayEnded,
];

export function isRecordedFromFunds(kind: string): boolean {
  return fundsRecordedKinds.some((k) => k === kind);
}

// Recorded by the system only: filing and assignment (their own use cases), the funds kinds, and a
// respondent's joining the case (joinRespondent, on a ruling to add: 变更追加规定 art. 28).
const systemRecordedKinds: readonly NodeKind[] = [
  NodeKind.filed,
  NodeKind.officerAssigned,
  ...fundsRecordedKinds,
  NodeKind.respondentAdded,
];

/** The kinds an officer may record by hand. */
export function recordableNodeKinds(): { kind: NodeKind; label: Bilingual }[] {
  return nodeKinds
    .filter((k) => !systemRecordedKinds.includes(k))
    .map((kind) => ({ kind, label: nodeKindLabels[kind] }));
}
