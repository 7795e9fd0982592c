/**
 * The "3+1" core indicators of enforcement (最高人民法院 2018; DOMAIN.md §10): what each counts, its
 * target, the period it is read over, and why a case fails it. Where each case counts is decided by
 * the SQL functions of migration 0001 (one definition for the per-event refresh and the recompute);
 * this file is what people read about them.
 */
import { addCalendarDays, addMonths, type Bilingual, compareIsoDates } from '../../../kernel/index.ts';

export const IndicatorCode = {
  assetCasesConcluded: 'assetCasesConcluded',
  terminationQualified: 'terminationQualified',
  petitionsConcluded: 'petitionsConcluded',
  overallConcluded: 'overallConcluded',
} as const;
export type IndicatorCode = (typeof IndicatorCode)[keyof typeof IndicatorCode];
export const indicatorCodes = Object.values(IndicatorCode) as [IndicatorCode, ...IndicatorCode[]];

export function isIndicatorCode(s: string): s is IndicatorCode {
  return indicatorCodes.some((code) => code === s);
}

export type IndicatorRule = {
  readonly code: IndicatorCode;
  readonly label: Bilingual;
  /** The target, as a share (0.9 = 90%), met when the value is at least this. */
  readonly target: number;
  readonly source: string;
};

export const indicatorRules: Readonly<Record<IndicatorCode, IndicatorRule>> = {
  assetCasesConcluded: {
    code: 'assetCasesConcluded',
    label: {
      zh: '有财产可供执行案件法定期限内实际执结率',
      en: 'Cases with assets actually concluded within the statutory period',
    },
    // DOMAIN §10: ≥ 90%
    target: 0.9,
    source: '“3+1”核心指标 (2018) 1; 执行期限规定 art. 1',
  },
  terminationQualified: {
    code: 'terminationQualified',
    label: {
      zh: '无财产可供执行案件终本合格率',
      en: 'Closures terminating this round that meet every condition',
    },
    // DOMAIN §10: ≥ 90%
    target: 0.9,
    source: '“3+1”核心指标 (2018) 2; 终本规定 arts. 1, 5',
  },
  petitionsConcluded: {
    code: 'petitionsConcluded',
    label: { zh: '执行信访案件办结率', en: 'Enforcement petitions concluded' },
    // DOMAIN §10: ≥ 90%
    target: 0.9,
    source: '“3+1”核心指标 (2018) 3',
  },
  overallConcluded: {
    code: 'overallConcluded',
    label: { zh: '近三年执行案件整体执结率', en: 'Cases of the last three years concluded' },
    // DOMAIN §10: ≥ 80%
    target: 0.8,
    source: '“3+1”核心指标 (2018) 4',
  },
};

// DOMAIN §10 indicator 4: over the last three years
export const overallWindowYears = 3;

export type Period = { readonly from: string; readonly to: string };

/**
 * The days an indicator is read over for a requested period: the period itself, never past today
 * (a case still inside its handling period is not yet counted); for the overall rate, the three
 * years up to the period's end.
 */
export function windowOf(code: IndicatorCode, period: Period, today: string): Period | null {
  const to = compareIsoDates(period.to, today) > 0 ? today : period.to;
  const from =
    code === IndicatorCode.overallConcluded
      ? addCalendarDays(addMonths(to, -12 * overallWindowYears), 1)
      : period.from;
  return compareIsoDates(from, to) > 0 ? null : { from, to };
}

/** numerator / denominator, or null with nothing counted (shown as "—", neither met nor missed). */
export function ratioOf(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export type MonthSplit = {
  /** First days of the whole months inside the window. */
  readonly fromMonth: string | null;
  readonly toMonth: string | null;
  /** Days of partial months at either edge, read from the per-case facts. */
  readonly edges: readonly Period[];
};

function firstOfMonth(date: string): string {
  return `${date.slice(0, 8)}01`;
}

function lastOfMonth(date: string): string {
  return addCalendarDays(addMonths(firstOfMonth(date), 1), -1);
}

/** Splits a window into whole months (read from the monthly counts) and partial edges. */
export function splitByMonth(window: Period): MonthSplit {
  const startMonth =
    window.from === firstOfMonth(window.from) ? window.from : addMonths(firstOfMonth(window.from), 1);
  const endMonth =
    window.to === lastOfMonth(window.to) ? firstOfMonth(window.to) : addMonths(firstOfMonth(window.to), -1);
  if (compareIsoDates(startMonth, endMonth) > 0) return { fromMonth: null, toMonth: null, edges: [window] };
  const edges: Period[] = [];
  if (compareIsoDates(window.from, startMonth) < 0)
    edges.push({ from: window.from, to: addCalendarDays(startMonth, -1) });
  const afterEnd = addMonths(endMonth, 1);
  if (compareIsoDates(afterEnd, window.to) <= 0) edges.push({ from: afterEnd, to: window.to });
  return { fromMonth: startMonth, toMonth: endMonth, edges };
}

/** The facts of a failing case that say why it fails. */
export type FailingFacts = {
  readonly closedOn: string | null;
  readonly handlingDueOn: string | null;
  readonly terminationUnmet: string | null;
  readonly finding?: string | null;
  readonly petitioner?: string | null;
};

/** Why a case (or a petition) fails an indicator, in both languages. */
export function failingReason(
  code: IndicatorCode,
  facts: FailingFacts,
  termination: (item: string) => Bilingual,
): Bilingual {
  switch (code) {
    case 'assetCasesConcluded':
      return facts.closedOn === null
        ? {
            zh: `法定执行期限已于${facts.handlingDueOn}届满，尚未执结`,
            en: `Not concluded; its handling period ended on ${facts.handlingDueOn}`,
          }
        : {
            zh: `${facts.closedOn}结案，超过法定执行期限（${facts.handlingDueOn}届满）`,
            en: `Concluded on ${facts.closedOn}, after its handling period ended on ${facts.handlingDueOn}`,
          };
    case 'terminationQualified': {
      const item = termination(facts.terminationUnmet ?? '');
      const finding = facts.finding ? `：${facts.finding}` : '';
      return {
        zh: `终本不合格，未满足条件“${item.zh}”${finding}`,
        en: `终本 unqualified: condition not met — ${item.en}${facts.finding ? ` (${facts.finding})` : ''}`,
      };
    }
    case 'petitionsConcluded':
      return {
        zh: `信访（${facts.petitioner ?? ''}）尚未办结`,
        en: `Petition by ${facts.petitioner ?? ''} not concluded`,
      };
    case 'overallConcluded':
      return { zh: '尚未结案', en: 'Not closed' };
  }
}
