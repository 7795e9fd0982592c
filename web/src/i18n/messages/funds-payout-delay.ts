import type { Bilingual } from '../bilingual.ts';

/** 延期发放 (执行款物管理规定 art. 15) and 退还被执行人: the case's funds tab and the funds desk. */
export const fundsPayoutDelayMessages = {
  'funds.delay.title': { zh: '延期发放', en: 'Payout delays' },
  'funds.delay.request': { zh: '申请延期发放', en: 'Request a payout delay' },
  'funds.delay.rule': {
    zh: '执行款应于到账之日起30日内发放；确有法定事由的，经院领导批准可延期，事由消除后10日内发放（执行款物管理规定第15条）',
    en: 'Money is paid within 30 days of arrival; on a lawful reason a court leader may approve a delay, and the money is paid within 10 days after the reason ends (执行款物管理规定 art. 15)',
  },
  'funds.delay.reason': { zh: '延期事由', en: 'Reason' },
  'funds.delay.reasonRequired': { zh: '请选择延期事由', en: 'Choose the reason' },
  'funds.delay.note': { zh: '情况说明', en: 'Explanation' },
  'funds.delay.noteRequired': { zh: '请填写情况说明', en: 'Explain the circumstances' },
  'funds.delay.requested': {
    zh: '已提交延期申请，待院领导审批',
    en: 'Requested; waiting for a court leader',
  },
  'funds.delay.reason.distributionNeeded': {
    zh: '需要参与分配',
    en: 'A distribution among creditors is needed',
  },
  'funds.delay.reason.frozenInAnotherCase': {
    zh: '执行款被其他案件冻结',
    en: 'The money is frozen in another case',
  },
  'funds.delay.reason.applicantNotCollecting': {
    zh: '申请执行人未领取',
    en: 'The applicant does not collect it',
  },
  'funds.delay.reason.caseSuspended': { zh: '案件中止执行', en: 'Enforcement is suspended' },
  'funds.delay.state': { zh: '状态', en: 'State' },
  'funds.delay.state.pendingApproval': { zh: '待审批', en: 'Awaiting approval' },
  'funds.delay.state.approved': { zh: '延期中', en: 'In force' },
  'funds.delay.state.rejected': { zh: '不予批准', en: 'Rejected' },
  'funds.delay.state.ended': { zh: '事由已消除', en: 'Reason ended' },
  'funds.delay.requestedAt': { zh: '申请时间', en: 'Requested' },
  'funds.delay.approvedOn': { zh: '批准日期', en: 'Approved on' },
  'funds.delay.endedOn': { zh: '事由消除日期', en: 'Reason ended on' },
  'funds.delay.dueOn': { zh: '应发放日期', en: 'Pay by' },
  'funds.delay.empty': { zh: '暂无延期发放', en: 'No payout delays' },
  'funds.delay.approve': { zh: '批准', en: 'Approve' },
  'funds.delay.approveConfirm': {
    zh: '批准延期发放（{reason}）？批准后30日发放期限暂停计算。',
    en: 'Approve the delay ({reason})? The 30-day limit stops running.',
  },
  'funds.delay.approved': { zh: '已批准延期发放', en: 'Delay approved' },
  'funds.delay.reject': { zh: '不予批准', en: 'Reject' },
  'funds.delay.rejectReason': { zh: '不予批准的理由', en: 'Why it is rejected' },
  'funds.delay.rejectReasonRequired': { zh: '请填写理由', en: 'Give the reason' },
  'funds.delay.rejected': { zh: '已不予批准', en: 'Delay rejected' },
  'funds.delay.end': { zh: '事由消除', en: 'Reason ended' },
  'funds.delay.endConfirm': {
    zh: '确认延期事由已于今日消除？执行款须在10日内发放。',
    en: 'Record that the reason ended today? The money is then due within 10 days.',
  },
  'funds.delay.endedDue': { zh: '已记录事由消除，应于 {dueOn} 前发放', en: 'Recorded; pay by {dueOn}' },
  'funds.delay.inForce': {
    zh: '延期发放已批准（{reason}），事由消除后请及时记录',
    en: 'A payout delay is in force ({reason}); record when its reason ends',
  },
  'funds.delay.needLeader': {
    zh: '延期发放申请须经本院院领导审批',
    en: 'A leader of this court decides the delay',
  },
  'funds.delay.rejectionReason': { zh: '不予批准理由：{reason}', en: 'Rejected: {reason}' },

  'funds.desk.tab.delays': { zh: '延期审批', en: 'Payout delays' },
  'funds.desk.delaysHint': {
    zh: '本院执行团队提出的延期发放申请（执行款物管理规定第15条），由院领导审批',
    en: 'Payout delays the court’s teams request (执行款物管理规定 art. 15), decided by a leader',
  },
  'funds.desk.delaysEmpty': { zh: '暂无延期发放申请', en: 'No payout delays here' },

  'funds.refund.payee': { zh: '{name}（被执行人，退还 ¥{left}）', en: '{name} (respondent, refund ¥{left})' },
  'funds.refund.account': {
    zh: '退还被执行人：请填写其收款账户',
    en: 'Refund to the respondent: enter the account it is paid to',
  },
  'funds.refund.purpose': { zh: '退还被执行人', en: 'Refund to the respondent' },
  'funds.kind.refundPayout': { zh: '退还', en: 'Refund paid' },
} satisfies Record<string, Bilingual>;
