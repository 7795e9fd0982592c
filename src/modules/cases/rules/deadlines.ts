/**
 * Where each statutory deadline of a case stands on a given day. Days are calendar days counted
 * from the day after the start; month periods end on the same day of the month (or the month's
 * last day); the rules themselves are data in `deadline-rules.ts`.
 */

import {
  addCalendarDays,
  addMonths,
  type Bilingual,
  calendarDaysBetween,
  compareIsoDates,
  rollForwardToWorkingDay,
  workingDaysBetween,
} from '../../../kernel/index.ts';
import {
  DeadlineKind,
  type DeadlineOptions,
  deadlineKindLabels,
  defaultDeadlineOptions,
  handlingPeriodOf,
  latestExtensionRequestOn,
  nodeDeadlineRules,
  type Period,
} from './deadline-rules.ts';
import { NodeKind } from './node-kinds.ts';

export {
  DeadlineKind,
  type DeadlineOptions,
  deadlineKindLabel,
  deadlineKindLabels,
  defaultDeadlineOptions,
  handlingPeriodOf,
  isExtensionRequestTimely,
  latestExtensionRequestOn,
  nodeDeadlineRules,
  type Period,
} from './deadline-rules.ts';
export {
  isNodeKind,
  isRecordedFromFunds,
  NodeKind,
  nodeKindLabel,
  nodeKindLabels,
  recordableNodeKinds,
} from './node-kinds.ts';

export type DeadlineState = 'open' | 'met' | 'overdue';

export type DeadlineView = {
  readonly kind: DeadlineKind;
  readonly label: Bilingual;
  readonly source: string;
  readonly startOn: string;
  readonly dueOn: string;
  readonly state: DeadlineState;
  /** Working days from today to the due date; negative when overdue, 0 once met. */
  readonly daysLeft: number;
  readonly metOn?: string;
  /** Met, but after the due date. */
  readonly isLate?: boolean;
  readonly latestExtensionRequestOn?: string;
  /** Calendar days of suspension not counted in the handling period. */
  readonly pausedDays?: number;
  /** The handling period's clock is stopped today (suspended). */
  readonly isPaused?: boolean;
};

export type DeadlineInput = {
  readonly filedOn: string;
  readonly caseType: string;
  readonly today: string;
  readonly isNonLitigation?: boolean;
  /** Money claims get a property report order with the notice; defaults to true. */
  readonly isMoneyClaim?: boolean;
  readonly nodes: readonly { readonly kind: string; readonly occurredOn: string }[];
  /** Approved extensions of the handling period, applied in order. */
  readonly extensions?: readonly Period[];
  /** Periods not counted (publication, appraisal, postponement …); no `to` means still running. */
  readonly pausedPeriods?: readonly { readonly from: string; readonly to?: string | null }[];
  readonly closedOn?: string | null;
};

/** Working days left until `dueOn`: 0 on the day, negative (at least −1) once it has passed. */
export function daysLeft(dueOn: string, today: string): number {
  if (compareIsoDates(today, dueOn) <= 0) return workingDaysBetween(today, dueOn);
  return -Math.max(1, workingDaysBetween(dueOn, today));
}

function addPeriod(date: string, period: Period): string {
  return 'days' in period ? addCalendarDays(date, period.days) : addMonths(date, period.months);
}

type Interval = { from: string; to: string | null };

/** Suspension periods from suspended/resumed nodes merged with the given ones, sorted, disjoint. */
export function pausedIntervals(input: DeadlineInput): Interval[] {
  const intervals: Interval[] = (input.pausedPeriods ?? []).map((p) => ({ from: p.from, to: p.to ?? null }));
  let openFrom: string | null = null;
  const sorted = [...input.nodes].sort((a, b) => compareIsoDates(a.occurredOn, b.occurredOn));
  for (const node of sorted) {
    if (node.kind === NodeKind.suspended && openFrom === null) openFrom = node.occurredOn;
    if (node.kind === NodeKind.resumed && openFrom !== null) {
      intervals.push({ from: openFrom, to: node.occurredOn });
      openFrom = null;
    }
  }
  if (openFrom !== null) intervals.push({ from: openFrom, to: null });
  intervals.sort((a, b) => compareIsoDates(a.from, b.from));
  const merged: Interval[] = [];
  for (const next of intervals) {
    const last = merged[merged.length - 1];
    if (last && (last.to === null || compareIsoDates(next.from, last.to) <= 0)) {
      if (last.to !== null && (next.to === null || compareIsoDates(next.to, last.to) > 0)) last.to = next.to;
    } else {
      merged.push({ ...next });
    }
  }
  return merged;
}

function stateOf(dueOn: string, today: string, metOn: string | undefined): DeadlineState {
  if (metOn !== undefined) return 'met';
  return compareIsoDates(today, dueOn) > 0 ? 'overdue' : 'open';
}

function computeHandlingPeriod(input: DeadlineInput, options: DeadlineOptions): DeadlineView | null {
  const rule = handlingPeriodOf(input.caseType, input.isNonLitigation ?? false);
  if (!rule) return null;
  let dueOn = addPeriod(input.filedOn, rule.period);
  for (const extension of input.extensions ?? []) dueOn = addPeriod(dueOn, extension);
  // 执行期限规定: suspension, appraisal, publication etc. are not counted — the clock stops and restarts
  let pausedDays = 0;
  let isPaused = false;
  for (const pause of pausedIntervals(input)) {
    if (compareIsoDates(pause.from, dueOn) > 0 || compareIsoDates(pause.from, input.filedOn) < 0) continue;
    const end = pause.to ?? (input.closedOn || input.today);
    if (pause.to === null && !input.closedOn) isPaused = true;
    const days = Math.max(0, calendarDaysBetween(pause.from, end));
    pausedDays += days;
    dueOn = addCalendarDays(dueOn, days);
  }
  if (options.rollOverHolidays) dueOn = rollForwardToWorkingDay(dueOn);
  const metOn = input.closedOn ?? undefined;
  const state = isPaused ? 'open' : stateOf(dueOn, input.today, metOn);
  return {
    kind: DeadlineKind.handlingPeriod,
    label: deadlineKindLabels.handlingPeriod,
    source: rule.source,
    startOn: input.filedOn,
    dueOn,
    state,
    daysLeft: state === 'met' ? 0 : daysLeft(dueOn, input.today),
    ...(metOn !== undefined && { metOn, isLate: compareIsoDates(metOn, dueOn) > 0 }),
    latestExtensionRequestOn: latestExtensionRequestOn(dueOn),
    pausedDays,
    isPaused,
  };
}

/**
 * Where each deadline of a case stands on `input.today`. Node deadlines start when their trigger
 * (filing or a node) happens and are met by the first node of a meeting kind on or after that
 * start (a payout before a delay's reason ended does not meet the 10 days after it); the
 * handling period is met by closing. After closing, node deadlines not yet due no longer apply and are left out.
 */
export function computeDeadlines(
  input: DeadlineInput,
  options: Partial<DeadlineOptions> = {},
): DeadlineView[] {
  const opts: DeadlineOptions = { ...defaultDeadlineOptions, ...options };
  // The first node of `kinds` on or after `from` (a deadline is met only by a step taken once it runs).
  const firstOn = (kinds: readonly string[], from?: string): string | undefined =>
    input.nodes
      .filter(
        (n) => kinds.includes(n.kind) && (from === undefined || compareIsoDates(n.occurredOn, from) >= 0),
      )
      .map((n) => n.occurredOn)
      .sort(compareIsoDates)[0];
  const views: DeadlineView[] = [];
  for (const rule of nodeDeadlineRules) {
    if (!rule.caseTypes.some((t) => t === input.caseType)) continue;
    if (rule.isMoneyOnly && input.isMoneyClaim === false) continue;
    const startOn = rule.startsAt
      .map((k) => (k === 'filed' ? input.filedOn : firstOn([k])))
      .find((d) => d !== undefined);
    if (startOn === undefined) continue;
    const due = addPeriod(startOn, rule.period(opts));
    const dueOn = opts.rollOverHolidays ? rollForwardToWorkingDay(due) : due;
    const metOn = firstOn(rule.metBy, startOn);
    if (metOn === undefined && input.closedOn && compareIsoDates(input.closedOn, dueOn) <= 0) continue;
    const state = stateOf(dueOn, input.closedOn ?? input.today, metOn);
    views.push({
      kind: rule.kind,
      label: deadlineKindLabels[rule.kind],
      source: rule.source,
      startOn,
      dueOn,
      state,
      daysLeft: state === 'met' ? 0 : daysLeft(dueOn, input.today),
      ...(metOn !== undefined && { metOn, isLate: compareIsoDates(metOn, dueOn) > 0 }),
    });
  }
  const handling = computeHandlingPeriod(input, opts);
  if (handling) views.push(handling);
  return views;
}
