/**
 * Closing (结案) an enforcement case: the six closing types of the SPC's 2014 opinions on filing
 * and closing enforcement cases (立结案意见), the preconditions of each, and restoration.
 */
import { type Bilingual, CaseType, formatYuan } from '../../../kernel/index.ts';
import { NodeKind } from './node-kinds.ts';
import {
  type ChecklistResult,
  runTerminationChecklist,
  type TerminationFacts,
  terminationFactKeys,
  terminationFactsFromNodes,
} from './termination-checklist.ts';

export const ClosingType = {
  fulfilled: 'fulfilled',
  terminatedThisRound: 'terminatedThisRound',
  terminated: 'terminated',
  withdrawn: 'withdrawn',
  notEnforced: 'notEnforced',
  rejected: 'rejected',
} as const;
export type ClosingType = (typeof ClosingType)[keyof typeof ClosingType];

export const closingTypeLabels: Readonly<Record<ClosingType, Bilingual>> = {
  fulfilled: { zh: '执行完毕', en: 'Fulfilled' },
  terminatedThisRound: { zh: '终结本次执行程序', en: 'This round of enforcement terminated' },
  terminated: { zh: '终结执行', en: 'Enforcement terminated' },
  withdrawn: { zh: '销案', en: 'Withdrawn' },
  notEnforced: { zh: '不予执行', en: 'Not enforced' },
  rejected: { zh: '驳回申请', en: 'Application rejected' },
};

export const closingTypes: readonly ClosingType[] = Object.values(ClosingType);

export function isClosingType(s: string): s is ClosingType {
  return closingTypes.some((t) => t === s);
}

export function closingTypeLabel(closingType: string): Bilingual {
  return isClosingType(closingType) ? closingTypeLabels[closingType] : { zh: closingType, en: closingType };
}

export function closingTypeList(): { closingType: ClosingType; label: Bilingual }[] {
  return closingTypes.map((closingType) => ({ closingType, label: closingTypeLabels[closingType] }));
}

/**
 * What the cases module knows when a case is to be closed. Any 终本 checklist fact given here
 * (e.g. `dishonestListedOrNoGround` from the credit module, `onlineInquiryDone` from inquiry)
 * overrides what the nodes say.
 */
export type ClosingFacts = Partial<TerminationFacts> & {
  readonly filedOn: string;
  readonly today: string;
  readonly status: string;
  readonly nodeKinds: ReadonlySet<string> | readonly string[];
  readonly recoveredFen: number;
  readonly claimAmountFen: number;
  readonly reason?: string | null;
};

export type UnmetItem = { readonly item: string; readonly zh: string; readonly en: string };
export type ClosingCheck = { readonly ok: boolean; readonly unmet: readonly UnmetItem[] };

/** The checklist facts: the nodes' baseline with the caller's overrides on top. */
export function resolveTerminationFacts(facts: ClosingFacts): TerminationFacts {
  const base = terminationFactsFromNodes(facts.nodeKinds);
  const merged: Record<keyof TerminationFacts, boolean> = { ...base };
  for (const key of terminationFactKeys) merged[key] = facts[key] ?? base[key];
  return merged;
}

/** The 终本 checklist (终本规定 art. 1 and 5, CPL-I art. 517), item by item. */
export function evaluateTerminationChecklist(facts: ClosingFacts): ChecklistResult[] {
  return runTerminationChecklist({
    ...resolveTerminationFacts(facts),
    filedOn: facts.filedOn,
    today: facts.today,
  });
}

const reasonRequired: Readonly<Record<ClosingType, Bilingual>> = {
  fulfilled: { zh: '请说明履行情况', en: 'State how the obligation was performed' },
  terminatedThisRound: { zh: '请填写终本理由', en: 'State the reason for terminating this round' },
  // CPL art. 268 (art. 264 in the 2021 text): the grounds for terminating enforcement
  terminated: { zh: '请填写终结执行的事由', en: 'State the ground for terminating enforcement' },
  // 立结案意见: 销案, e.g. the applicant withdraws after a jurisdiction objection succeeds
  withdrawn: { zh: '请填写销案事由', en: 'State why the case is withdrawn' },
  // CPL arts. 248–249 (244–245 in the 2021 text): arbitral award or notarised debt instrument not enforced
  notEnforced: { zh: '请填写不予执行的事由', en: 'State the ground for not enforcing' },
  // 立结案意见: the application does not meet the conditions for enforcement
  rejected: { zh: '请填写驳回申请的事由', en: 'State the ground for rejecting the application' },
};

function hasReason(facts: ClosingFacts): boolean {
  return (facts.reason ?? '').trim().length > 0;
}

/**
 * Whether a case may be closed with `closingType`; every unmet precondition is listed, with
 * `item` naming the input field (`closingType`, `reason`, `recoveredFen`, `status`) or the 终本
 * checklist item it concerns.
 */
export function checkClosingPreconditions(closingType: string, facts: ClosingFacts): ClosingCheck {
  if (!isClosingType(closingType)) {
    return {
      ok: false,
      unmet: [{ item: 'closingType', zh: '不支持的结案方式', en: 'Unknown closing type' }],
    };
  }
  if (facts.status === 'closed') {
    return {
      ok: false,
      unmet: [{ item: 'status', zh: '案件已结案，不能再次结案', en: 'The case is already closed' }],
    };
  }
  const unmet: UnmetItem[] = [];
  const kinds = new Set(facts.nodeKinds);
  const isFullyRecovered = facts.recoveredFen >= facts.claimAmountFen;
  const missingReason = () => unmet.push({ item: 'reason', ...reasonRequired[closingType] });
  switch (closingType) {
    case ClosingType.fulfilled: {
      if (isFullyRecovered) break;
      // Performance outside the case account (paid to the applicant, settlement performed) is shown by a node and explained.
      if (kinds.has(NodeKind.paymentReceived) || kinds.has(NodeKind.settlementReached)) {
        if (!hasReason(facts)) missingReason();
        break;
      }
      unmet.push({
        item: 'recoveredFen',
        zh: `已执行到位${formatYuan(facts.recoveredFen)}元，不足申请执行标的${formatYuan(facts.claimAmountFen)}元`,
        en: `Recovered ${formatYuan(facts.recoveredFen)} yuan, less than the claim of ${formatYuan(facts.claimAmountFen)} yuan`,
      });
      break;
    }
    case ClosingType.terminatedThisRound: {
      if (isFullyRecovered) {
        unmet.push({
          item: 'recoveredFen',
          zh: '申请执行标的已全部执行到位，应以执行完毕结案',
          en: 'The claim has been recovered in full; close the case as fulfilled',
        });
      }
      for (const result of evaluateTerminationChecklist(facts)) {
        if (!result.satisfied) unmet.push({ item: result.item, zh: result.zh, en: result.en });
      }
      break;
    }
    default:
      if (!hasReason(facts)) missingReason();
  }
  return { ok: unmet.length === 0, unmet };
}

// 终本规定 art. 9: only a case closed by terminating this round is restored, as a new 执恢 case
export const restoredCaseType = CaseType.restored;

/** 终本规定 art. 9: only a 终本 closing can be restored (the applicant applies, or the court acts). */
export function canRestore(closingType: string | null | undefined): boolean {
  return closingType === ClosingType.terminatedThisRound;
}
