/**
 * Working days (工作日) follow the State Council's yearly holiday and make-up-day notice, as
 * published in the `chinese-days` package's calendar file. A year the file does not carry yet (the
 * notice for year N comes out late in year N−1) falls back to Monday–Friday; `isCalendarPublished`
 * tells the caller when a result rests on that fallback.
 */
// The package's functions (isWorkday, findWorkday, getDayDetail) build their tables by reading
// 'YYYY-MM-DD' as UTC midnight and formatting it back in local time, so west of UTC every holiday
// lands one day early (in New York 2026-09-30 is a holiday and 2026-10-01 is not). The calendar
// file it ships, keyed by date string, does not depend on the host's time zone.
import calendarFile from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { dayOfWeek, fromDayNumber, toDayNumber } from './iso-date.ts';

type HolidayCalendar = {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
};
const calendar: HolidayCalendar = calendarFile;

function findPublishedRange(): { readonly first: number; readonly last: number } {
  const years = Object.keys(calendar.holidays).map((date) => Number(date.slice(0, 4)));
  if (years.length === 0) throw new Error('chinese-days carries no holiday calendar');
  return { first: Math.min(...years), last: Math.max(...years) };
}

const publishedRange = findPublishedRange();

/** The first and last years whose official holiday calendar is known. */
export function publishedCalendarYears(): { readonly first: number; readonly last: number } {
  return publishedRange;
}

export function isCalendarPublished(year: number): boolean {
  return year >= publishedRange.first && year <= publishedRange.last;
}

const workingDayCache = new Map<number, boolean>();

function isWorkingDayNumber(dayNumber: number): boolean {
  const cached = workingDayCache.get(dayNumber);
  if (cached !== undefined) return cached;
  const date = fromDayNumber(dayNumber);
  const year = Number(date.slice(0, 4));
  const weekday = dayOfWeek(date);
  const isWeekday = weekday >= 1 && weekday <= 5;
  const result = isCalendarPublished(year)
    ? calendar.workdays[date] !== undefined || (isWeekday && calendar.holidays[date] === undefined)
    : isWeekday;
  workingDayCache.set(dayNumber, result);
  return result;
}

/** A working day: Monday–Friday unless a public holiday, or a weekend make-up day (调休上班). */
export function isWorkingDay(date: string): boolean {
  return isWorkingDayNumber(toDayNumber(date));
}

function requireInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

/**
 * The `n`th working day after `date` (before it when `n` is negative); `date` itself when `n` is 0.
 * The start day is never counted, whether or not it is a working day.
 */
export function addWorkingDays(date: string, n: number): string {
  requireInteger(n, 'n');
  let day = toDayNumber(date);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  while (remaining > 0) {
    day += step;
    if (isWorkingDayNumber(day)) remaining--;
  }
  return fromDayNumber(day);
}

/**
 * The working days after `from` up to and including `to`; negative (the same count with the
 * sign flipped) when `to` is before `from`, so `workingDaysBetween(a, b) === -workingDaysBetween(b, a)`.
 */
export function workingDaysBetween(from: string, to: string): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const low = Math.min(a, b);
  const high = Math.max(a, b);
  let count = 0;
  for (let day = low + 1; day <= high; day++) if (isWorkingDayNumber(day)) count++;
  return a <= b ? count : -count;
}

/** `date` if it is a working day, otherwise the next working day. */
export function rollForwardToWorkingDay(date: string): string {
  let day = toDayNumber(date);
  while (!isWorkingDayNumber(day)) day++;
  return fromDayNumber(day);
}
