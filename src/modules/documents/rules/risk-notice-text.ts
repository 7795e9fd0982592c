/**
 * 执行风险提示书: what the court tells the applicant at filing about the risks of enforcement, so
 * that they expect of it what the law can give (seed 003 item 19: 建立立案阶段提示执行不能风险制度;
 * seed 004: "立案+告知"风险提示). Pure: the numbers of the rules it cites are constants here, and a
 * test reads them back from the text.
 */
import { arabicChineseDate } from './chinese-date.ts';

// 财产调查规定 (法释〔2017〕8号, 2020 amendment) art. 2: a concrete lead verified within 7 days, 3 if urgent.
export const leadVerificationDays = 7;
export const urgentLeadVerificationDays = 3;
// 执行期限规定 art. 1: a case with assets is concluded within 6 months of filing; CPL art. 237 (2023):
// if not, the applicant may apply to the court above.
export const handlingMonths = 6;
// 终本规定 art. 1(4): not before 3 months from filing; art. 9: for 5 years, an online search every 6 months.
export const terminationAfterMonths = 3;
export const requeryYears = 5;
export const requeryEveryMonths = 6;

export type RiskNoticeInput = {
  /** The applicants' names, as the addressee. */
  applicants: string;
  respondents: string;
  /** "… 作出的 … 已经发生法律效力". */
  basis: string;
  filedOn: string;
  caseNumber: string;
};

export function riskNoticeText(i: RiskNoticeInput) {
  return {
    title: '执行风险提示书',
    addressee: `${i.applicants}：`,
    paragraphs: [
      `你（单位）与被执行人${i.respondents}纠纷一案，${i.basis}。你（单位）向本院申请强制执行，本院已于${arabicChineseDate(i.filedOn)}立案执行，案号为${i.caseNumber}。为使你（单位）对执行结果有合理预期，依法维护自身合法权益，根据《中华人民共和国民事诉讼法》及最高人民法院有关司法解释的规定，现将执行中可能存在的风险提示如下：`,
      '一、被执行人无财产可供执行的风险。被执行人确无财产可供执行、财产不足以清偿全部债务或者下落不明的，你（单位）的债权可能无法实现或者无法全部实现。因被执行人缺乏履行能力而不能执行到位的，不属于人民法院执行不力，该风险依法由申请执行人承担。',
      `二、提供财产线索的义务。依照《最高人民法院关于民事执行中财产调查若干问题的规定》第一条、第二条的规定，申请执行人应当提供被执行人的财产线索，并填写财产调查表。财产线索明确、具体的，本院将在${leadVerificationDays}日内调查核实，情况紧急的在${urgentLeadVerificationDays}日内调查核实。你（单位）不能提供财产线索或者提供的线索经核查不实的，可能影响执行效果。`,
      '三、财产调查措施。本院将通过网络执行查控系统查询被执行人的存款、车辆、不动产、证券、网络资金等财产，并依法责令被执行人报告财产。你（单位）可以依照上述规定第十七条、第二十一条的规定书面申请对被执行人进行审计调查或者发布悬赏公告；委托律师代理的，可以申请律师调查令。',
      '四、财产处置的风险。查封、扣押、冻结的财产须经确定参考价、网络司法拍卖等程序变价，可能因流拍、无人竞买、权利负担等原因无法变现，或者变价款不足以清偿全部债务。拍卖流拍后，你（单位）可以依法申请以该次拍卖的保留价以物抵债。',
      '五、优先受偿与参与分配的风险。被执行人的财产上设有抵押权、质权等优先受偿权，或者其他债权人依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百零六条至第五百一十条的规定申请参与分配的，你（单位）可能无法全额受偿。被执行人为企业法人且符合破产条件的，本院可以依照该解释第五百一十一条的规定，经申请执行人之一或者被执行人同意，将案件移送破产审查。',
      '六、执行和解的风险。达成执行和解协议后被执行人不履行的，依照《最高人民法院关于执行和解若干问题的规定》第九条的规定，你（单位）可以申请恢复执行原生效法律文书，也可以就履行执行和解协议向本院提起诉讼。',
      `七、终结本次执行程序的风险。经穷尽财产调查措施，未发现被执行人有可供执行的财产或者发现的财产不能处置的，本院可以依照上述解释第五百一十七条和《最高人民法院关于严格规范终结本次执行程序的规定（试行）》第一条的规定，在立案满${terminationAfterMonths}个月后裁定终结本次执行程序。终结本次执行程序后，被执行人仍负有继续履行的义务，本院在${requeryYears}年内每${requeryEveryMonths}个月通过网络执行查控系统查询一次被执行人的财产；你（单位）发现被执行人有可供执行财产的，可以再次申请执行，再次申请不受申请执行时效期间的限制。`,
      `八、执行期限。有财产可供执行的案件，本院一般在立案之日起${handlingMonths}个月内执结；超过${handlingMonths}个月未执行的，你（单位）可以依照《中华人民共和国民事诉讼法》第二百三十七条的规定向上一级人民法院申请执行。依法中止执行、公告送达、委托评估等期间不计入执行期限。`,
      '九、诚信义务。你（单位）应当如实陈述案件情况，不得虚构债权或者与他人恶意串通损害他人合法权益；送达地址、联系方式发生变更的，应当及时告知本院，否则由此产生的不利后果由你（单位）承担。',
      '你（单位）可以通过执行信息公开平台当事人门户、12368诉讼服务热线或者到本院执行事务中心查询本案进展、提交材料。',
    ],
    closing: '特此提示。',
    notes: ['本提示书于立案时向申请执行人送达。'],
  };
}
