import type { Bilingual } from '../bilingual.ts';

/**
 * Changing and adding respondents (变更、追加被执行人, 变更追加规定) on the case page: the
 * applications, the application the team enters, the hearing, the president's extension, the ruling.
 */
export const additionMessages = {
  'additions.tab': { zh: '变更追加', en: 'Added respondents' },
  'additions.intro': {
    zh: '申请人申请变更、追加被执行人的，执行法院应当组成合议庭审查，除事实清楚、权利义务关系明确、争议不大的外，应当公开听证，并自收到书面申请之日起六十日内作出裁定；有特殊情况需要延长的，由本院院长批准（变更追加规定第二十八条）。',
    en: 'A collegial panel reviews the application, with a public hearing unless the facts are clear and undisputed, and rules within 60 days of the written application; the president may extend the period (art. 28).',
  },
  'additions.none': { zh: '暂无变更、追加申请', en: 'No application to add a respondent' },
  'additions.apply': { zh: '登记申请', en: 'Enter an application' },
  'additions.applied': { zh: '已登记变更、追加申请', en: 'Application entered' },

  'additions.col.ground': { zh: '申请事由', en: 'Ground' },
  'additions.col.party': { zh: '被申请人', en: 'Party to add' },
  'additions.col.limit': { zh: '责任限额', en: 'Limit' },
  'additions.col.dueOn': { zh: '裁定期限', en: 'Ruling due' },
  'additions.col.state': { zh: '状态', en: 'State' },
  'additions.col.hearing': { zh: '听证', en: 'Hearing' },
  'additions.col.ruling': { zh: '裁定', en: 'Ruling' },
  'additions.col.actions': { zh: '操作', en: 'Actions' },
  'additions.jointly': { zh: '连带责任（不设限额）', en: 'Jointly, no limit' },
  'additions.limitAmount': { zh: '¥{amount}', en: '¥{amount}' },
  'additions.overdue': { zh: '已超期', en: 'Overdue' },
  'additions.extended': { zh: '已延长 {days} 日', en: 'Extended by {days} days' },
  'additions.viaPortal': { zh: '网上申请', en: 'Filed on the portal' },
  'additions.appliedOn': { zh: '{date} 申请', en: 'Applied {date}' },
  'additions.noHearing': { zh: '未记录', en: 'Not recorded' },
  'additions.hearingHeld': { zh: '{date} 听证', en: 'Heard {date}' },
  'additions.hearingWaived': { zh: '{date} 免予听证', en: 'No hearing ({date})' },
  'additions.notRuled': { zh: '待裁定', en: 'Not ruled' },
  'additions.ruledAdd': { zh: '{date} 裁定追加', en: 'Added on {date}' },
  'additions.ruledReject': { zh: '{date} 裁定驳回', en: 'Rejected on {date}' },
  'additions.late': { zh: '超期裁定', en: 'Ruled late' },
  'additions.objectionDue': { zh: '异议期限至 {date}', en: 'Challenge by {date}' },

  'additions.state.underReview': { zh: '审查中', en: 'Under review' },
  'additions.state.added': { zh: '已追加', en: 'Added' },
  'additions.state.rejected': { zh: '已驳回', en: 'Rejected' },

  'additions.ground.heir': { zh: '继承人（在遗产范围内）', en: 'Heir, within the estate' },
  'additions.ground.soleProprietor': {
    zh: '个人独资企业出资人',
    en: 'Investor of a sole proprietorship',
  },
  'additions.ground.partner': { zh: '普通合伙人', en: 'General partner of a partnership' },
  'additions.ground.unpaidCapital': {
    zh: '未缴纳或未足额缴纳出资的股东（在未缴出资范围内）',
    en: 'Shareholder who has not paid in, within the unpaid capital',
  },
  'additions.ground.withdrawnCapital': {
    zh: '抽逃出资的股东（在抽逃出资范围内）',
    en: 'Shareholder who withdrew capital, within the amount withdrawn',
  },
  'additions.ground.transferBeforePaying': {
    zh: '未依法出资即转让股权的股东（在未依法出资范围内）',
    en: 'Shareholder who transferred shares before paying in, within the unpaid capital',
  },
  'additions.ground.onePersonCompany': {
    zh: '一人有限责任公司股东（连带责任）',
    en: 'Shareholder of a one-person company, jointly',
  },
  'additions.ground.deregisteredWithoutLiquidation': {
    zh: '未经清算即注销的公司的股东、董事、控股股东（连带责任）',
    en: 'Shareholder, director or controller of a company deregistered without liquidation, jointly',
  },
  'additions.ground.freeReceipt': {
    zh: '无偿接受财产的第三人（在所受财产范围内）',
    en: 'Who received property for free, within what was received',
  },

  // ——— 登记申请 ———
  'additions.form.ground': { zh: '申请事由', en: 'Ground' },
  'additions.form.groundRequired': { zh: '请选择申请事由', en: 'Choose the ground' },
  'additions.form.partyKind': { zh: '被申请人类型', en: 'Kind of party' },
  'additions.form.partyName': { zh: '被申请人名称', en: 'Name of the party' },
  'additions.form.partyNameRequired': { zh: '请填写被申请人名称', en: 'Enter the name' },
  'additions.form.idNumber': { zh: '身份证号', en: 'ID number' },
  'additions.form.idNumberRequired': { zh: '请填写身份证号', en: 'Enter the ID number' },
  'additions.form.creditCode': { zh: '统一社会信用代码', en: 'Unified social credit code' },
  'additions.form.creditCodeRequired': { zh: '请填写统一社会信用代码', en: 'Enter the credit code' },
  'additions.form.limit': { zh: '责任限额', en: 'Limit of liability' },
  'additions.form.limitRequired': {
    zh: '该事由下被追加人在限额内承担责任，请填写责任限额',
    en: 'Under this ground the added respondent answers within a limit: state it',
  },
  'additions.form.limitHint': {
    zh: '未缴、抽逃出资的数额，遗产或所受财产的价值（变更追加规定第十、十七至十九、二十二条）',
    en: 'The unpaid or withdrawn capital, the estate or what was received (arts. 10, 17–19, 22)',
  },
  'additions.form.facts': { zh: '事实与理由', en: 'Facts and evidence' },
  'additions.form.factsRequired': { zh: '请填写申请的事实与理由', en: 'State the facts' },

  // ——— 记录听证 ———
  'additions.hearing': { zh: '记录听证', en: 'Record the hearing' },
  'additions.hearingRecorded': { zh: '已记录听证', en: 'Hearing recorded' },
  'additions.hearing.heldOn': { zh: '听证日期', en: 'Day of the hearing' },
  'additions.hearing.heldOnRequired': { zh: '请选择日期', en: 'Choose the day' },
  'additions.hearing.waived': {
    zh: '事实清楚、权利义务关系明确、争议不大，不予听证（变更追加规定第二十八条）',
    en: 'No hearing: the facts are clear and undisputed (art. 28)',
  },
  'additions.hearing.record': { zh: '听证笔录', en: 'Hearing record' },
  'additions.hearing.waivedRecord': { zh: '不予听证的理由', en: 'Why no hearing is held' },
  'additions.hearing.recordRequired': { zh: '请填写笔录或理由', en: 'Enter the record' },

  // ——— 延长 ———
  'additions.extend': { zh: '延长期限', en: 'Extend' },
  'additions.extendedOk': { zh: '已延长审查期限', en: 'Period extended' },
  'additions.extend.days': { zh: '延长天数', en: 'Days' },
  'additions.extend.daysRequired': { zh: '请填写 1 至 365 天', en: 'Enter 1 to 365 days' },
  'additions.extend.reason': { zh: '延长理由', en: 'Reason' },
  'additions.extend.reasonRequired': { zh: '请填写延长理由', en: 'Enter the reason' },

  // ——— 裁定 ———
  'additions.rule': { zh: '裁定', en: 'Rule' },
  'additions.ruled': { zh: '已作出裁定', en: 'Ruling made' },
  'additions.rule.decision': { zh: '裁定结果', en: 'Decision' },
  'additions.rule.add': { zh: '追加为被执行人', en: 'Add as a respondent' },
  'additions.rule.reject': { zh: '驳回申请', en: 'Reject the application' },
  'additions.rule.reasons': { zh: '裁定理由', en: 'Reasons' },
  'additions.rule.reasonsRequired': { zh: '请填写裁定理由', en: 'Enter the reasons' },
  'additions.rule.noHearingHint': {
    zh: '尚未记录听证：裁定追加即视为合议庭认定事实清楚、争议不大，不予听证（变更追加规定第二十八条）。',
    en: 'No hearing on file: ruling to add records the finding that the facts are clear and undisputed (art. 28).',
  },
} satisfies Record<string, Bilingual>;
