import type { Bilingual } from '../bilingual.ts';

/** The public portal (执行信息公开): searching the dishonest list and the consumption-restricted. */
export const portalMessages = {
  'portal.title': { zh: '执行信息公开', en: 'Enforcement disclosure' },
  'portal.tab.dishonest': { zh: '失信被执行人', en: 'Dishonest debtors' },
  'portal.tab.restricted': { zh: '限制消费人员', en: 'Consumption-restricted' },
  'portal.searchPlaceholder': {
    zh: '输入姓名或单位名称（至少两个字），或完整的身份证号、统一社会信用代码',
    en: 'A name (at least two characters), or a whole ID number or credit code',
  },
  'portal.search': { zh: '查询', en: 'Search' },
  'portal.intro': {
    zh: '依据《最高人民法院关于公布失信被执行人名单信息的若干规定》公布。身份证号码中间部分已隐去；宽限期内及已删除的信息不予显示。',
    en: 'Published under the SPC provisions on the list of dishonest debtors. ID numbers are partly hidden; entries in a grace period or deleted are not shown.',
  },
  'portal.total': { zh: '共找到 {total} 条', en: '{total} found' },
  'portal.none': { zh: '未查询到相关信息', en: 'Nothing found' },
  'portal.sex.male': { zh: '男', en: 'Male' },
  'portal.sex.female': { zh: '女', en: 'Female' },
  'portal.age': { zh: '{age}岁', en: 'aged {age}' },
  'portal.idNumber': { zh: '身份证号码', en: 'ID number' },
  'portal.creditCode': { zh: '统一社会信用代码', en: 'Credit code' },
  'portal.legalRepresentative': { zh: '法定代表人或负责人', en: 'Legal representative' },
  'portal.obligation': { zh: '生效法律文书确定的义务', en: 'Obligation' },
  'portal.performance': { zh: '履行情况', en: 'Performance' },
  'portal.performedOf': { zh: '已履行 {performed}，标的 {claim}', en: '{performed} performed of {claim}' },
  'portal.conduct': { zh: '失信行为具体情形', en: 'Dishonest conduct' },
  'portal.basis': { zh: '执行依据文号 / 作出单位', en: 'Basis / issued by' },
  'portal.caseNumber': { zh: '案号', en: 'Case number' },
  'portal.court': { zh: '执行法院', en: 'Court' },
  'portal.filedOn': { zh: '立案时间', en: 'Filed' },
  'portal.listedOn': { zh: '发布时间', en: 'Published' },
  'portal.restrictedFrom': { zh: '限制起始', en: 'Restricted since' },
  'portal.debtor': { zh: '被执行人', en: 'Debtor' },
  'portal.role': { zh: '身份', en: 'Role' },
  'portal.behaviours': { zh: '限制事项', en: 'Restricted' },
  'portal.reference': { zh: '编号', en: 'Reference' },
  'portal.tooMany': {
    zh: '查询过于频繁，请一分钟后再试',
    en: 'Too many searches; try again in a minute',
  },
} satisfies Record<string, Bilingual>;
