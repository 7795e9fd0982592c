import { addCalendarDays, addMonths, compareIsoDates } from '../../../kernel/index.ts';

/**
 * Online inquiry (网络询价, 参考价规定 2018; DOMAIN.md §6): every listed platform is asked at once;
 * each reports within 3 days; if none reports in time, all get one 3-day extension; the reference
 * price is the average of the on-time reports not set aside on objection. A platform late 5 times
 * within a year is delisted for 5 years. Days are China calendar days counted from the day after
 * the request; a report is on time when it reached the court on or before the due day.
 */

// 参考价规定 (2018), DOMAIN §6: each platform reports within 3 days
export const platformReportDays = 3;
// 参考价规定 (2018), DOMAIN §6: if none reports in time, all get one 3-day extension
export const platformExtensionDays = 3;
// 参考价规定 (2018), DOMAIN §6: a platform late 5 times in a year is delisted …
export const latenessLimitPerYear = 5;
// … for 5 years
export const delistingYears = 5;

/** The day reports of requests sent on `sentOn` are due. */
export function reportDueOn(sentOn: string): string {
  return addCalendarDays(sentOn, platformReportDays);
}

/** The due day once the one extension is granted. */
export function extendedDueOn(dueOn: string): string {
  return addCalendarDays(dueOn, platformExtensionDays);
}

/**
 * The average of the prices in integer fen, halves rounded up (½ fen → 1 fen): the sum is taken
 * exactly (BigInt), so no amount of prices or size of price loses a fen. Null for no prices.
 */
export function averageFen(prices: readonly number[]): number | null {
  if (prices.length === 0) return null;
  const sum = prices.reduce((s, p) => s + BigInt(p), 0n);
  const n = BigInt(prices.length);
  // round(sum / n), halves up: floor((2·sum + n) / (2n)) for a non-negative sum
  return Number((2n * sum + n) / (2n * n));
}

export type PlatformReport = {
  platform: string;
  priceFen: number;
  /** The China day the report reached the court; null while none came. */
  receivedOn: string | null;
  /** Set aside by an upheld objection. */
  isExcluded: boolean;
};

/** The reference price from the reports judged on time: their average, less those set aside. */
export function referencePriceOf(
  reports: readonly PlatformReport[],
  onTime: ReadonlySet<string>,
): number | null {
  return averageFen(reports.filter((r) => onTime.has(r.platform) && !r.isExcluded).map((r) => r.priceFen));
}

export type WindowInput = {
  today: string;
  /** The day reports are due now (extended already when `isExtended`). */
  dueOn: string;
  isExtended: boolean;
  /** One per platform asked; `receivedOn` null while it has not reported. */
  requests: readonly { platform: string; receivedOn: string | null }[];
};

export type WindowDecision =
  /** The window is open and not every platform has reported: nothing to do yet. */
  | { kind: 'wait' }
  /** Reports due by `dueOn` have not all come and the day is not over (or the extension just began). */
  | { kind: 'extend'; dueOn: string }
  /** Priced from the platforms in `onTime`; `late` missed `dueOn`. */
  | { kind: 'price'; dueOn: string; isExtended: boolean; onTime: string[]; late: string[] }
  /** Nobody reported even in the extension: every platform was late. */
  | { kind: 'fail'; dueOn: string; late: string[] };

/**
 * Where an online inquiry's window stands on `today`. Every platform reported in time: priced at
 * once. The due day passed: priced from the on-time reports, or — none on time and no extension
 * yet — extended by 3 days, the extension judged at once if the clock is already past it. After
 * the extension, none on time: failed. Reports that came late under the first window count as on
 * time under the extension (the extension is for all platforms).
 */
export function decideWindow(input: WindowInput): WindowDecision {
  const reportedBy = (due: string) =>
    input.requests
      .filter((r) => r.receivedOn !== null && compareIsoDates(r.receivedOn, due) <= 0)
      .map((r) => r.platform);
  const judge = (due: string, isExtended: boolean): WindowDecision => {
    const onTime = reportedBy(due);
    const late = input.requests.map((r) => r.platform).filter((p) => !onTime.includes(p));
    if (late.length === 0 && onTime.length > 0)
      return { kind: 'price', dueOn: due, isExtended, onTime, late };
    if (compareIsoDates(input.today, due) <= 0)
      return isExtended === input.isExtended ? { kind: 'wait' } : { kind: 'extend', dueOn: due };
    if (onTime.length > 0) return { kind: 'price', dueOn: due, isExtended, onTime, late };
    if (isExtended) return { kind: 'fail', dueOn: due, late };
    return judge(extendedDueOn(due), true);
  };
  return judge(input.dueOn, input.isExtended);
}

/** The late days of a platform that count on `today`: those within the year ending today. */
export function latenessWithinYear(lateDays: readonly string[], today: string): number {
  const yearBefore = addMonths(today, -12);
  return lateDays.filter((d) => compareIsoDates(d, yearBefore) > 0 && compareIsoDates(d, today) <= 0).length;
}

/** Five late days within a year: the platform is delisted. */
export function shouldDelist(lateDays: readonly string[], today: string): boolean {
  return latenessWithinYear(lateDays, today) >= latenessLimitPerYear;
}

/** The first day a platform delisted on `delistedOn` may be listed again (five years on). */
export function delistedUntilOf(delistedOn: string): string {
  return addMonths(delistedOn, delistingYears * 12);
}

/** Whether a platform gets requests on `today`: listed, and not within a delisting. */
export function isPlatformAvailable(
  p: { isListed: boolean; delistedUntil: string | null },
  today: string,
): boolean {
  if (!p.isListed) return false;
  return p.delistedUntil === null || compareIsoDates(today, p.delistedUntil) >= 0;
}
