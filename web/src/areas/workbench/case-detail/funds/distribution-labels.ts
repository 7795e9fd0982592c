import type { TClaimPriority, TPlanState } from '../../../../api/funds-distribution.ts';
import { type Bilingual, useI18n } from '../../../../i18n/index.ts';

/**
 * The words of the 参与分配 card, Chinese and English side by side (one shown at a time, as the
 * app's language says). Kept beside the card: the vocabulary belongs to this procedure alone.
 */
const texts = {
  title: { zh: '参与分配', en: 'Distribution' },
  rule: {
    zh: '执行费用优先，其次优先受偿与担保债权，普通债权按比例受偿；被执行人为企业法人的，普通债权按查封先后受偿（民诉法解释第506—510、514条）',
    en: 'Costs first, then priority and secured claims; ordinary claims pro rata — or, against a company, in order of seizure (CPL-I arts. 506–510, 514)',
  },
  ruleProRata: { zh: '普通债权按比例受偿', en: 'Ordinary claims pro rata' },
  ruleSeizureOrder: { zh: '普通债权按查封先后受偿', en: 'Ordinary claims in order of seizure' },
  unallocated: { zh: '未分配款项', en: 'Unallocated' },
  lodged: { zh: '已提存争议款', en: 'Lodged for a suit' },
  applications: { zh: '参与分配申请', en: 'Applications' },
  noApplications: { zh: '尚无参与分配申请', en: 'No applications yet' },
  add: { zh: '登记申请', en: 'Record an application' },
  creditor: { zh: '债权人', en: 'Creditor' },
  basis: { zh: '执行依据', en: 'Basis' },
  priority: { zh: '债权性质', en: 'Kind of claim' },
  principal: { zh: '本金', en: 'Principal' },
  interest: { zh: '利息', en: 'Interest' },
  claim: { zh: '债权额', en: 'Claim' },
  seizedAt: { zh: '查封日期', en: 'Seized on' },
  appliedOn: { zh: '申请日期', en: 'Applied on' },
  allocated: { zh: '已分得', en: 'Allocated' },
  payable: { zh: '待发放', en: 'Payable' },
  'priority.priority': { zh: '优先受偿', en: 'Priority' },
  'priority.secured': { zh: '担保物权', en: 'Secured' },
  'priority.ordinary': { zh: '普通债权', en: 'Ordinary' },
  applicantOfCase: { zh: '本案申请执行人', en: 'Applicant of this case' },
  outsideCreditor: { zh: '其他债权人（另有执行依据）', en: 'Another creditor (own basis)' },
  who: { zh: '申请人', en: 'Who applies' },
  party: { zh: '申请执行人', en: 'Applicant' },
  partyRequired: { zh: '请选择申请执行人', en: 'Choose the applicant' },
  creditorName: { zh: '债权人名称', en: 'Creditor’s name' },
  nameRequired: { zh: '请填写债权人名称', en: 'Name the creditor' },
  idNumber: { zh: '公民身份号码', en: 'ID number' },
  creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
  idHint: {
    zh: '自然人填身份证号，单位填信用代码，二者填一项',
    en: 'An ID number for a person, a credit code for an organisation',
  },
  basisRequired: { zh: '请填写执行依据', en: 'Describe the basis' },
  amountFormat: { zh: '请输入正确的金额', en: 'Enter a valid amount' },
  principalRequired: { zh: '请填写本金', en: 'Enter the principal' },
  optionalToday: { zh: '不填则为今天', en: 'Today if left empty' },
  recorded: { zh: '已登记参与分配申请', en: 'Application recorded' },
  plan: { zh: '分配方案', en: 'Distribution plan' },
  preview: { zh: '按现有申请测算', en: 'As the applications stand' },
  noPreview: {
    zh: '没有可分配的款项或尚无未受清偿的债权',
    en: 'Nothing to distribute, or no claim left unpaid',
  },
  costs: { zh: '执行费用', en: 'Costs' },
  refund: { zh: '退还被执行人', en: 'Back to the respondent' },
  share: { zh: '分配额', en: 'Share' },
  lodgedShare: { zh: '提存', en: 'Lodged' },
  state: { zh: '状态', en: 'State' },
  'state.drafted': { zh: '已制作', en: 'Drafted' },
  'state.served': { zh: '已送达', en: 'Served' },
  'state.objected': { zh: '有异议', en: 'Objected' },
  'state.opposed': { zh: '有反对意见', en: 'Opposed' },
  'state.unopposed': { zh: '无反对意见', en: 'Unopposed' },
  'state.sued': { zh: '已起诉', en: 'Suit filed' },
  'state.final': { zh: '已生效', en: 'Final' },
  'state.executed': { zh: '已分配', en: 'Executed' },
  'state.superseded': { zh: '已重新制作', en: 'Superseded' },
  servedOn: { zh: '送达日期', en: 'Served on' },
  objectionDue: { zh: '异议期至', en: 'Objections until' },
  oppositionDue: { zh: '反对期至', en: 'Opposition until' },
  suitDue: { zh: '起诉期至', en: 'Suit until' },
  objections: { zh: '异议', en: 'Objections' },
  objectionLine: {
    zh: '{objector}认为{against}的分配额多出 ¥{amount}（{filedOn}）：{reason}',
    en: '{objector} says {against}’s share is ¥{amount} too large ({filedOn}): {reason}',
  },
  respondent: { zh: '被执行人', en: 'The respondent' },
  draft: { zh: '制作分配方案', en: 'Draft the plan' },
  redraft: { zh: '重新制作', en: 'Draft again' },
  draftConfirm: {
    zh: '按现有申请和未分配款项制作分配方案？已制作未送达的方案将被替换。',
    en: 'Draft the plan from the applications and the unallocated money? A plan not yet served is replaced.',
  },
  respondentChoice: { zh: '分配哪一被执行人的财产', en: 'Whose property is distributed' },
  serve: { zh: '送达方案', en: 'Serve the plan' },
  serveConfirm: {
    zh: '以今天为送达日期？各债权人和被执行人可在15日内提出书面异议。',
    en: 'Serve today? The creditors and the respondent may object in writing within 15 days.',
  },
  object: { zh: '登记异议', en: 'Record an objection' },
  oppose: { zh: '登记反对意见', en: 'Record an opposition' },
  noOpposition: { zh: '登记无人反对', en: 'Record no opposition' },
  noOppositionConfirm: {
    zh: '反对期已届满且无人反对：方案将依异议人的意见修正。',
    en: 'The period has run and nobody opposed: the plan will be revised as the objector says.',
  },
  sue: { zh: '登记起诉', en: 'Record the suit' },
  finalise: { zh: '方案生效', en: 'Make final' },
  finaliseConfirm: {
    zh: '确认分配方案生效？有异议之诉的，争议金额将予提存。',
    en: 'Make the plan final? With a suit pending, the disputed amount is lodged.',
  },
  execute: { zh: '按方案分配', en: 'Execute the plan' },
  executeConfirm: {
    zh: '按生效方案记账：执行费、各债权人待发放款项及退还款项。此操作不可撤回。',
    en: 'Book the final plan: costs, each creditor’s payable share and the refund. This cannot be undone.',
  },
  done: { zh: '已办理', en: 'Done' },
  objector: { zh: '异议人', en: 'Objector' },
  against: { zh: '被异议的分配额', en: 'Share objected to' },
  againstRequired: { zh: '请选择被异议的分配额', en: 'Choose the share objected to' },
  disputed: { zh: '争议金额', en: 'Disputed amount' },
  disputedRequired: { zh: '请填写争议金额', en: 'Enter the disputed amount' },
  reason: { zh: '异议理由', en: 'Grounds' },
  reasonRequired: { zh: '请填写异议理由', en: 'State the grounds' },
  filedOn: { zh: '提出日期', en: 'Filed on' },
  note: { zh: '说明', en: 'Note' },
  filingNotice: {
    zh: '登记后即产生法律效果，期限按提出日期计算。',
    en: 'Recording it has legal effect; periods count from the filing date.',
  },
} satisfies Record<string, Bilingual>;

export type DistributionText = keyof typeof texts;

/** `tx('objectionLine', { … })`: the card's word in the app's language, `{name}` filled in. */
export function useDistributionText() {
  const { pick } = useI18n();
  return (key: DistributionText, vars: Record<string, string | number> = {}) =>
    pick(texts[key]).replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));
}

export const priorityText = (p: TClaimPriority): DistributionText => `priority.${p}`;
export const planStateText = (s: TPlanState): DistributionText => `state.${s}`;

export const planStateColor: Record<TPlanState, string> = {
  drafted: 'default',
  served: 'blue',
  objected: 'orange',
  opposed: 'red',
  unopposed: 'gold',
  sued: 'volcano',
  final: 'cyan',
  executed: 'green',
  superseded: 'default',
};
