/**
 * The conditions for terminating this round of enforcement (终结本次执行程序, 终本规定 2016) as a
 * rule object: one item per condition, each reading named facts. The facts come from the case's
 * nodes by default; another module (credit, inquiry) may override any of them.
 */

import { addCalendarDays, addMonths, type Bilingual, compareIsoDates } from '../../../kernel/index.ts';
import { NodeKind } from './node-kinds.ts';

export type TerminationFacts = {
  readonly enforcementNoticeSent: boolean;
  readonly propertyReportOrderIssued: boolean;
  readonly consumptionRestricted: boolean;
  /** Listed as dishonest, or no ground of 失信规定 art. 1 applies (the credit module knows). */
  readonly dishonestListedOrNoGround: boolean;
  readonly onlineInquiryDone: boolean;
  readonly onSiteInquiryDone: boolean;
  readonly leadsChecked: boolean;
  /** Property was found that can still be disposed of (then 终本 is not allowed). */
  readonly hasDisposableProperty: boolean;
  readonly isDebtorLocated: boolean;
  readonly debtorSearched: boolean;
  readonly hasObstruction: boolean;
  readonly obstructionSanctioned: boolean;
  readonly applicantInterviewed: boolean;
  readonly applicantConfirmed: boolean;
  readonly collegialReviewed: boolean;
};

/** Every fact the checklist reads; a caller may override any of them (see `closing.ts`). */
export const terminationFactKeys: readonly (keyof TerminationFacts)[] = [
  'enforcementNoticeSent',
  'propertyReportOrderIssued',
  'consumptionRestricted',
  'dishonestListedOrNoGround',
  'onlineInquiryDone',
  'onSiteInquiryDone',
  'leadsChecked',
  'hasDisposableProperty',
  'isDebtorLocated',
  'debtorSearched',
  'hasObstruction',
  'obstructionSanctioned',
  'applicantInterviewed',
  'applicantConfirmed',
  'collegialReviewed',
];

export type TerminationInput = TerminationFacts & { readonly filedOn: string; readonly today: string };

export type ChecklistEvaluation = { readonly satisfied: boolean; readonly zh: string; readonly en: string };

export type ChecklistItem = {
  readonly item: string;
  readonly label: Bilingual;
  readonly source: string;
  readonly evaluate: (facts: TerminationInput) => ChecklistEvaluation;
};

function missing(parts: readonly [boolean, string, string][], label: Bilingual): ChecklistEvaluation {
  const absent = parts.filter(([present]) => !present);
  if (absent.length === 0) return { satisfied: true, zh: label.zh, en: label.en };
  return {
    satisfied: false,
    zh: `尚未完成：${absent.map(([, zh]) => zh).join('、')}`,
    en: `Not yet done: ${absent.map(([, , en]) => en).join('; ')}`,
  };
}

// 终本规定 art. 1(4): more than 3 months since filing
export const minimumMonthsSinceFiling = 3;

function defineItem(
  item: string,
  label: Bilingual,
  source: string,
  evaluate: (facts: TerminationInput, label: Bilingual) => ChecklistEvaluation,
): ChecklistItem {
  return { item, label, source, evaluate: (facts) => evaluate(facts, label) };
}

export const terminationChecklist: readonly ChecklistItem[] = [
  defineItem(
    'noticeAndReportOrder',
    { zh: '已发出执行通知书和报告财产令', en: 'Enforcement notice and property report order issued' },
    '终本规定 art. 1(1)',
    (f, label) =>
      missing(
        [
          [f.enforcementNoticeSent, '发出执行通知书', 'send the enforcement notice'],
          [f.propertyReportOrderIssued, '发出报告财产令', 'issue the property report order'],
        ],
        label,
      ),
  ),
  defineItem(
    'consumptionRestrictionAndDishonestList',
    {
      zh: '已限制消费，符合条件的已纳入失信名单',
      en: 'Consumption restricted; listed as dishonest where a ground applies',
    },
    '终本规定 art. 1(2)',
    (f, label) =>
      missing(
        [
          [f.consumptionRestricted, '发出限制消费令', 'order a consumption restriction'],
          [
            f.dishonestListedOrNoGround,
            '将符合条件的被执行人纳入失信名单',
            'list the debtor as dishonest (a ground applies)',
          ],
        ],
        label,
      ),
  ),
  defineItem(
    'propertyInvestigationExhausted',
    {
      zh: '已穷尽财产调查措施，未发现可供执行的财产',
      en: 'Property investigation exhausted; no property that can be enforced',
    },
    '终本规定 art. 1(3)',
    (f, label) =>
      missing(
        [
          [f.onlineInquiryDone, '网络查控', 'search the online inquiry system'],
          [
            f.onSiteInquiryDone || f.leadsChecked,
            '现场调查或核查财产线索',
            'inquire on site or check the leads',
          ],
          [!f.hasDisposableProperty, '处置已发现的财产', 'dispose of the property found'],
        ],
        label,
      ),
  ),
  defineItem(
    'filedOverThreeMonths',
    { zh: '自立案之日起已超过三个月', en: 'More than 3 months since filing' },
    '终本规定 art. 1(4)',
    (f, label) => {
      // 终本规定 art. 1(4): more than 3 months since filing
      const threeMonths = addMonths(f.filedOn, minimumMonthsSinceFiling);
      if (compareIsoDates(f.today, threeMonths) > 0) return { satisfied: true, ...label };
      const earliest = addCalendarDays(threeMonths, 1);
      return {
        satisfied: false,
        zh: `立案未超过三个月，${earliest}起方可终本`,
        en: `Less than 3 months since filing; possible from ${earliest}`,
      };
    },
  ),
  defineItem(
    'debtorSearchedAndObstructionSanctioned',
    {
      zh: '下落不明的被执行人已查找，妨害执行行为已处罚',
      en: 'A missing debtor searched for; obstruction sanctioned',
    },
    '终本规定 art. 1(5)',
    (f, label) =>
      missing(
        [
          [f.isDebtorLocated || f.debtorSearched, '查找下落不明的被执行人', 'search for the missing debtor'],
          [!f.hasObstruction || f.obstructionSanctioned, '处罚妨害执行行为', 'sanction the obstruction'],
        ],
        label,
      ),
  ),
  defineItem(
    'applicantInterviewed',
    { zh: '已约谈申请执行人并告知', en: 'Applicant interviewed and informed' },
    '终本规定 art. 5',
    (f, label) => missing([[f.applicantInterviewed, '约谈申请执行人', 'interview the applicant']], label),
  ),
  defineItem(
    'applicantConfirmedOrCollegialReview',
    {
      zh: '申请执行人签字确认或经合议庭审查',
      en: 'Applicant confirmed in writing, or a collegial panel reviewed',
    },
    'CPL-I art. 517; 终本规定 art. 5',
    (f, label) =>
      missing(
        [
          [
            f.applicantConfirmed || f.collegialReviewed,
            '申请执行人签字确认或合议庭审查',
            'applicant confirmation or collegial review',
          ],
        ],
        label,
      ),
  ),
];

/**
 * The facts as recorded on the case's nodes. Without evidence to the contrary the debtor is taken
 * as located and free of obstruction; pass overrides when the case knows otherwise.
 */
export function terminationFactsFromNodes(nodeKinds: Iterable<string>): TerminationFacts {
  const kinds = new Set(nodeKinds);
  return {
    enforcementNoticeSent: kinds.has(NodeKind.enforcementNoticeSent),
    propertyReportOrderIssued: kinds.has(NodeKind.propertyReportOrderIssued),
    consumptionRestricted: kinds.has(NodeKind.consumptionRestrictionIssued),
    dishonestListedOrNoGround: kinds.has(NodeKind.dishonestListed),
    onlineInquiryDone: kinds.has(NodeKind.onlineInquiryDone),
    onSiteInquiryDone: kinds.has(NodeKind.onSiteInquiryDone),
    leadsChecked: kinds.has(NodeKind.leadVerified),
    hasDisposableProperty: false,
    isDebtorLocated: true,
    debtorSearched: kinds.has(NodeKind.debtorSearched),
    hasObstruction: false,
    obstructionSanctioned: kinds.has(NodeKind.obstructionSanctioned),
    applicantInterviewed: kinds.has(NodeKind.applicantInterviewed),
    applicantConfirmed: kinds.has(NodeKind.applicantConfirmedTermination),
    collegialReviewed: kinds.has(NodeKind.collegialReview),
  };
}

export type ChecklistResult = {
  readonly item: string;
  readonly label: Bilingual;
  readonly source: string;
  readonly satisfied: boolean;
  readonly zh: string;
  readonly en: string;
};

export function runTerminationChecklist(input: TerminationInput): ChecklistResult[] {
  return terminationChecklist.map((rule) => ({
    item: rule.item,
    label: rule.label,
    source: rule.source,
    ...rule.evaluate(input),
  }));
}

/** The items of the checklist, for a reviewer to name the one that was not met. */
export const terminationChecklistItems: readonly string[] = terminationChecklist.map((rule) => rule.item);

/** A checklist item's label with its source, e.g. for an indicator's drill-down. */
export function terminationChecklistItemLabel(item: string): Bilingual {
  const rule = terminationChecklist.find((r) => r.item === item);
  return rule
    ? { zh: `${rule.label.zh}（${rule.source}）`, en: `${rule.label.en} (${rule.source})` }
    : { zh: item, en: item };
}
