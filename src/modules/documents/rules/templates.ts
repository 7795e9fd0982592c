/**
 * The documents a case's nodes issue (人民法院执行文书样式), filled from the case's facts. Pure: the
 * same facts give the same text, so a test reads the law's words and numbers here and nowhere else.
 */
import { type Bilingual, formatYuan } from '../../../kernel/index.ts';
import { arabicChineseDate } from './chinese-date.ts';
import { riskNoticeText } from './risk-notice-text.ts';

export const DocumentTemplate = {
  riskNotice: 'riskNotice',
  enforcementNotice: 'enforcementNotice',
  propertyReportOrder: 'propertyReportOrder',
  assistanceNotice: 'assistanceNotice',
  consumptionRestrictionOrder: 'consumptionRestrictionOrder',
  dishonestDecision: 'dishonestDecision',
  terminationRuling: 'terminationRuling',
} as const;
export type DocumentTemplate = (typeof DocumentTemplate)[keyof typeof DocumentTemplate];
export const documentTemplateValues = Object.values(DocumentTemplate) as [
  DocumentTemplate,
  ...DocumentTemplate[],
];

export function isDocumentTemplate(value: string): value is DocumentTemplate {
  return (documentTemplateValues as readonly string[]).includes(value);
}

export const documentTemplateLabels: Readonly<Record<DocumentTemplate, Bilingual>> = {
  riskNotice: { zh: '执行风险提示书', en: 'Enforcement-risk notice' },
  enforcementNotice: { zh: '执行通知书', en: 'Enforcement notice' },
  propertyReportOrder: { zh: '报告财产令', en: 'Property report order' },
  assistanceNotice: { zh: '协助执行通知书', en: 'Assistance notice' },
  consumptionRestrictionOrder: { zh: '限制消费令', en: 'Consumption restriction order' },
  dishonestDecision: { zh: '决定书（纳入失信被执行人名单）', en: 'Dishonest-listing decision' },
  terminationRuling: { zh: '执行裁定书（终结本次执行程序）', en: 'Ruling terminating this round' },
};

/**
 * The reporting period a property report order sets *(practice: five days; 财产调查规定 2017 art. 5
 * lets the order fix it)*. Later changes are reported within 10 days (CPL art. 252; DOMAIN §9).
 */
export const propertyReportPeriodDays = 5;
export const propertyChangeReportDays = 10;

export type DocumentParty = {
  name: string;
  kind: string;
  idNumber: string | null;
  creditCode: string | null;
  address: string | null;
  legalRepresentative: string | null;
};

export type DocumentFacts = {
  courtName: string;
  caseNumber: string;
  filedOn: string;
  /** The China date the document is issued on. */
  issuedOn: string;
  basis: { kind: string; documentNumber: string; issuedBy: string; effectiveDate: string };
  applicants: DocumentParty[];
  respondents: DocumentParty[];
  claimFen: number;
  recoveredFen: number;
  caseAccount: { number: string; bankName: string } | null;
  /** Measures in force or done on the case (inquiry and control), by kind. */
  measures: { kind: string; count: number; amountFen: number }[];
  inquiryRounds: number;
  lastInquiryOn: string | null;
  /** The dishonest-listing ground (失信规定 art. 1, 1–6) the court decided, when it has. */
  dishonestGround: number | null;
};

/** A document as the court lays it out: court, title, number, addressee, body, court and date at the foot. */
export type DocumentModel = {
  courtName: string;
  title: string;
  number: string;
  addressee: string | null;
  paragraphs: string[];
  closing: string | null;
  /** Lines under the foot (copies to, notes). */
  notes: string[];
  issuedOn: string;
};

const basisKindNames: Record<string, string> = {
  judgment: '民事判决书',
  mediation: '民事调解书',
  arbitration: '仲裁裁决书',
  notarizedDebt: '公证债权文书',
  paymentOrder: '支付令',
  other: '法律文书',
};

function namesOf(parties: readonly DocumentParty[]): string {
  return parties.map((p) => p.name).join('、');
}

function describeParty(p: DocumentParty, role: string): string {
  if (p.creditCode !== null) {
    const rep = p.legalRepresentative ? `，法定代表人${p.legalRepresentative}` : '';
    return `${role}：${p.name}，统一社会信用代码${p.creditCode}${p.address ? `，住所地${p.address}` : ''}${rep}。`;
  }
  return `${role}：${p.name}${p.idNumber ? `，公民身份号码${p.idNumber}` : ''}${p.address ? `，住${p.address}` : ''}。`;
}

function basisSentence(f: DocumentFacts): string {
  const kindName = basisKindNames[f.basis.kind] ?? '法律文书';
  return `${f.basis.issuedBy}作出的${f.basis.documentNumber}${kindName}已经发生法律效力`;
}

function outstandingFen(f: DocumentFacts): number {
  return Math.max(0, f.claimFen - f.recoveredFen);
}

function accountSentence(f: DocumentFacts): string {
  if (f.caseAccount === null) return '请将执行款交至本院执行款专户。';
  // 执行款物管理规定 2017 art. 5: one account number per case, stated in the notice.
  return `请将执行款汇入本案专属执行款账户（一案一账号）：开户行${f.caseAccount.bankName}，账号${f.caseAccount.number}，并注明本案案号。`;
}

/** 执行风险提示书: served on the applicants at filing (seed 003 item 19: 立案阶段提示执行不能风险). */
function riskNotice(f: DocumentFacts): Omit<DocumentModel, 'courtName' | 'number' | 'issuedOn'> {
  return riskNoticeText({
    applicants: namesOf(f.applicants),
    respondents: namesOf(f.respondents),
    basis: basisSentence(f),
    filedOn: f.filedOn,
    caseNumber: f.caseNumber,
  });
}

function enforcementNotice(f: DocumentFacts): Omit<DocumentModel, 'courtName' | 'number' | 'issuedOn'> {
  return {
    title: '执行通知书',
    addressee: `${namesOf(f.respondents)}：`,
    paragraphs: [
      `申请执行人${namesOf(f.applicants)}与你（单位）纠纷一案，${basisSentence(f)}。申请执行人于${arabicChineseDate(f.filedOn)}向本院申请强制执行，本院已依法立案执行。`,
      // CPL art. 251 (2023): the officer sends the enforcement notice and may enforce at once.
      `依照《中华人民共和国民事诉讼法》第二百五十一条的规定，责令你（单位）自收到本通知之日起立即履行下列义务：`,
      `一、向申请执行人支付${formatYuan(outstandingFen(f))}元（申请执行标的${formatYuan(f.claimFen)}元，已执行到位${formatYuan(f.recoveredFen)}元）；`,
      '二、加倍支付迟延履行期间的债务利息或者支付迟延履行金，负担本案执行费用。',
      accountSentence(f),
      // 失信规定 art. 1 and 限消规定 art. 1: the notice warns of listing and restriction.
      '逾期不履行的，本院将依法强制执行，并可依法对你（单位）采取限制消费措施、纳入失信被执行人名单，对拒不履行的依法予以罚款、拘留，构成犯罪的依法追究刑事责任。',
    ],
    closing: '特此通知。',
    notes: ['附：报告财产令一份'],
  };
}

function propertyReportOrder(f: DocumentFacts): Omit<DocumentModel, 'courtName' | 'number' | 'issuedOn'> {
  return {
    title: '报告财产令',
    addressee: `${namesOf(f.respondents)}：`,
    paragraphs: [
      `本院在执行申请执行人${namesOf(f.applicants)}与你（单位）纠纷一案中，${basisSentence(f)}。`,
      // CPL art. 252; 财产调查规定 2017 arts. 3–5: current assets and changes since one year before the notice.
      `依照《中华人民共和国民事诉讼法》第二百五十二条、《最高人民法院关于民事执行中财产调查若干问题的规定》第三条至第五条的规定，责令你（单位）在收到本令后${propertyReportPeriodDays}日内，如实向本院报告当前以及收到执行通知之日前一年的财产情况，包括收入、银行存款、现金、理财产品、有价证券、不动产、车辆、其他动产、股权、债权、知识产权等。`,
      `报告财产后，财产状况发生变动，影响申请执行人债权实现的，应当自财产变动之日起${propertyChangeReportDays}日内向本院补充报告。`,
      '你（单位）可以登录执行公开平台当事人门户在线报告，或者到本院书面报告。',
      '拒绝报告、虚假报告或者无正当理由逾期报告的，本院将根据情节轻重予以罚款、拘留，并将你（单位）纳入失信被执行人名单；构成犯罪的，依法追究刑事责任。',
    ],
    closing: null,
    notes: [],
  };
}

const measureNames: Record<string, string> = { freeze: '冻结', seal: '查封', seize: '扣押', deduct: '扣划' };

function assistanceNotice(f: DocumentFacts): Omit<DocumentModel, 'courtName' | 'number' | 'issuedOn'> {
  const subjects = f.respondents.map((p) =>
    p.creditCode !== null
      ? `${p.name}（统一社会信用代码${p.creditCode}）`
      : `${p.name}（公民身份号码${p.idNumber ?? '—'}）`,
  );
  const done = f.measures
    .filter((m) => m.count > 0)
    .map((m) => `${measureNames[m.kind] ?? m.kind}${m.count}项`);
  return {
    title: '协助执行通知书',
    addressee: '协助执行单位：',
    paragraphs: [
      `关于申请执行人${namesOf(f.applicants)}与被执行人${namesOf(f.respondents)}纠纷一案，${basisSentence(f)}。`,
      // CPL arts. 253–255 (2023): inquiry, freezing, deduction of deposits and income; units must assist.
      `依照《中华人民共和国民事诉讼法》第二百五十三条、第二百五十四条的规定，请协助执行下列事项：查询、冻结、扣划被执行人${subjects.join('、')}名下的存款、理财产品及其他财产，以${formatYuan(outstandingFen(f))}元为限。`,
      done.length > 0 ? `本案已采取的控制措施：${done.join('，')}。` : '本案尚未采取控制措施。',
      '协助执行单位收到本通知后，应当立即办理，并将办理结果书面回复本院。',
    ],
    closing: null,
    notes: ['附：执行裁定书一份'],
  };
}

// 限消规定 art. 3: the nine restricted kinds of spending, in the order the rule lists them.
export const restrictedSpending = [
  '乘坐交通工具时，选择飞机、列车软卧、轮船二等以上舱位',
  '在星级以上宾馆、酒店、夜总会、高尔夫球场等场所进行高消费',
  '购买不动产或者新建、扩建、高档装修房屋',
  '租赁高档写字楼、宾馆、公寓等场所办公',
  '购买非经营必需车辆',
  '旅游、度假',
  '子女就读高收费私立学校',
  '支付高额保费购买保险理财产品',
  '乘坐G字头动车组列车全部座位、其他动车组列车一等以上座位等其他非生活和工作必需的消费行为',
] as const;

const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

function consumptionRestrictionOrder(
  f: DocumentFacts,
): Omit<DocumentModel, 'courtName' | 'number' | 'issuedOn'> {
  const organisations = f.respondents.filter((p) => p.creditCode !== null);
  // 限消规定 art. 3 para. 2: for an organisation the restriction binds its legal representative too.
  const bound = organisations
    .filter((p) => p.legalRepresentative)
    .map((p) => `${p.name}的法定代表人${p.legalRepresentative}`);
  return {
    title: '限制消费令',
    addressee: `${namesOf(f.respondents)}${bound.length > 0 ? `、${bound.join('、')}` : ''}：`,
    paragraphs: [
      `本院于${arabicChineseDate(f.filedOn)}立案执行申请执行人${namesOf(f.applicants)}申请执行一案，${basisSentence(f)}。因你（单位）未按执行通知书指定的期间履行生效法律文书确定的给付义务，依照《中华人民共和国民事诉讼法》第二百六十六条和《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第一条、第三条的规定，对你（单位）采取限制消费措施，限制你（单位）及你单位的法定代表人、主要负责人、影响债务履行的直接责任人员、实际控制人不得实施以下高消费及非生活和工作必需的消费行为：`,
      ...restrictedSpending.map((item, i) => `（${ordinals[i]}）${item}；`),
      '如因私消费以个人财产实施前述规定行为的，可以向本院提出申请，经本院审查属实的，应予准许。',
      '被执行人违反限制消费令进行消费的行为属于拒不履行人民法院已经发生法律效力的判决、裁定的行为，经查证属实的，依照《中华人民共和国民事诉讼法》第一百一十四条的规定，予以拘留、罚款；情节严重，构成犯罪的，追究其刑事责任。',
    ],
    closing: null,
    notes: [],
  };
}

// 失信规定 art. 1: the six grounds, as the decision states them.
export const dishonestGrounds: Readonly<Record<number, string>> = {
  1: '有履行能力而拒不履行生效法律文书确定义务',
  2: '以伪造证据、暴力、威胁等方法妨碍、抗拒执行',
  3: '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行',
  4: '违反财产报告制度',
  5: '违反限制消费令',
  6: '无正当理由拒不履行执行和解协议',
};

/** 失信规定 art. 2: grounds (2)–(6) list for two years; ground (1) has no fixed term. */
export function dishonestTermText(ground: number): string {
  return ground === 1 ? '' : '，纳入期限为二年';
}

function dishonestDecision(f: DocumentFacts): Omit<DocumentModel, 'courtName' | 'number' | 'issuedOn'> {
  const ground = f.dishonestGround ?? 1;
  return {
    title: '决定书',
    addressee: null,
    paragraphs: [
      ...f.applicants.map((p) => describeParty(p, '申请执行人')),
      ...f.respondents.map((p) => describeParty(p, '被执行人')),
      `本院在执行申请执行人${namesOf(f.applicants)}与被执行人${namesOf(f.respondents)}纠纷一案中，${basisSentence(f)}。被执行人未履行生效法律文书确定的义务，且具有${dishonestGrounds[ground] ?? dishonestGrounds[1]}的情形。`,
      `依照《中华人民共和国民事诉讼法》第二百六十六条、《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条第（${ordinals[ground - 1]}）项、第二条、第六条的规定，决定如下：`,
      `将${namesOf(f.respondents)}纳入失信被执行人名单${dishonestTermText(ground)}。`,
      // 失信规定 art. 11–12: correction requests reviewed within 15 days.
      '被执行人认为将其纳入失信被执行人名单错误的，可以向本院申请纠正，本院将在收到申请之日起十五日内审查。',
      '本决定一经作出即生效。',
    ],
    closing: null,
    notes: [],
  };
}

function terminationRuling(f: DocumentFacts): Omit<DocumentModel, 'courtName' | 'number' | 'issuedOn'> {
  const inquiry =
    f.inquiryRounds > 0
      ? `本院通过网络执行查控系统对被执行人的存款、车辆、不动产、证券、网络资金等财产进行了${f.inquiryRounds}次查询${f.lastInquiryOn ? `（最近一次于${arabicChineseDate(f.lastInquiryOn)}）` : ''}，未发现可供执行的财产`
      : '本院依法对被执行人的财产进行了调查，未发现可供执行的财产';
  return {
    title: '执行裁定书',
    addressee: null,
    paragraphs: [
      ...f.applicants.map((p) => describeParty(p, '申请执行人')),
      ...f.respondents.map((p) => describeParty(p, '被执行人')),
      `本院在执行申请执行人${namesOf(f.applicants)}与被执行人${namesOf(f.respondents)}纠纷一案中，${basisSentence(f)}。本案申请执行标的${formatYuan(f.claimFen)}元，已执行到位${formatYuan(f.recoveredFen)}元，尚有${formatYuan(outstandingFen(f))}元未执行到位。`,
      `执行中，本院向被执行人发出执行通知书、报告财产令，${inquiry}，并已对被执行人采取限制消费措施。本院已将上述情况告知申请执行人，申请执行人对终结本次执行程序无异议。`,
      // CPL-I art. 517 (2022); 终本规定 art. 1.
      '依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条的规定，裁定如下：',
      '终结本次执行程序。',
      '申请执行人发现被执行人有可供执行财产的，可以再次申请执行。再次申请不受申请执行时效期间的限制。',
      '本裁定送达后立即生效。',
    ],
    closing: null,
    notes: [],
  };
}

const builders: Record<
  DocumentTemplate,
  (f: DocumentFacts) => Omit<DocumentModel, 'courtName' | 'number' | 'issuedOn'>
> = {
  riskNotice,
  enforcementNotice,
  propertyReportOrder,
  assistanceNotice,
  consumptionRestrictionOrder,
  dishonestDecision,
  terminationRuling,
};

/** The document a template makes of a case's facts; its number is the case number (执行文书以案号编号). */
export function buildDocument(template: DocumentTemplate, facts: DocumentFacts): DocumentModel {
  return {
    ...builders[template](facts),
    courtName: facts.courtName,
    number: facts.caseNumber,
    issuedOn: facts.issuedOn,
  };
}

/** Every line of a document, in reading order: what the rendered Word and PDF must both contain. */
export function documentLines(model: DocumentModel): string[] {
  return [
    model.courtName,
    model.title,
    model.number,
    ...(model.addressee ? [model.addressee] : []),
    ...model.paragraphs,
    ...(model.closing ? [model.closing] : []),
    ...model.notes,
  ];
}
