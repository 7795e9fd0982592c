/**
 * Calendar dates as `YYYY-MM-DD` strings, the form in which the law counts days (China dates).
 * Arithmetic runs on day numbers (days since 1970-01-01) computed with integer civil-calendar
 * formulas, so no result depends on the host's time zone.
 */

export type DateParts = { readonly year: number; readonly month: number; readonly day: number };

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const msPerDay = 86_400_000;
// China Standard Time has been UTC+8 all year since daylight saving ended in 1991.
export const chinaOffsetMs = 8 * 3_600_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The parts of a real calendar date in `YYYY-MM-DD` form, or null. */
export function parseIsoDate(s: string): DateParts | null {
  const match = isoDatePattern.exec(s);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

// The dates Zhixing accepts from people and documents: PostgreSQL rejects year 0, and no
// enforcement basis, filing or deadline lies before 1900 or after 2199.
export const earliestIsoDate = '1900-01-01';
export const latestIsoDate = '2199-12-31';

/** A real calendar date in `YYYY-MM-DD` form within 1900-01-01 … 2199-12-31. */
export function isIsoDate(s: string): boolean {
  const parts = parseIsoDate(s);
  return parts !== null && parts.year >= 1900 && parts.year <= 2199;
}

export function formatIsoDate(parts: DateParts): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

function requireDate(date: string): DateParts {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not a YYYY-MM-DD calendar date: ${JSON.stringify(date)}`);
  return parts;
}

function requireInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

/** Days since 1970-01-01. Throws RangeError on a malformed date (a programming error). */
export function toDayNumber(date: string): number {
  const { year, month, day } = requireDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function fromDayNumber(dayNumber: number): string {
  requireInteger(dayNumber, 'dayNumber');
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatIsoDate({ year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day });
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday.
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareIsoDates(a: string, b: string): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function addCalendarDays(date: string, days: number): string {
  requireInteger(days, 'days');
  return fromDayNumber(toDayNumber(date) + days);
}

/** Signed number of calendar days from `from` to `to`. */
export function calendarDaysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * The same day `months` months later; with no such day, the last day of that month
 * (SPC 2014 reply on counting periods in months: 2014-05-28 + 3 months = 2014-08-28; 01-31 + 1 = 02-28).
 */
export function addMonths(date: string, months: number): string {
  requireInteger(months, 'months');
  const { year, month, day } = requireDate(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return formatIsoDate({
    year: newYear,
    month: newMonth,
    day: Math.min(day, daysInMonth(newYear, newMonth)),
  });
}

/**
 * The China date (Asia/Shanghai) of an instant. There is deliberately no default: "today" is the
 * date of the one clock's `now()` (platform/clock.ts on the server, the server's clock in the web
 * app), never of the machine or the browser.
 */
export function chinaDateOf(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return fromDayNumber(Math.floor((ms + chinaOffsetMs) / msPerDay));
}

/** `YYYY-MM-DD HH:mm` of an instant in China time, whatever the host's or the browser's time zone. */
export function formatChinaDateTime(instant: Date | number | string): string {
  const ms =
    typeof instant === 'string'
      ? Date.parse(instant)
      : typeof instant === 'number'
        ? instant
        : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  const minutes = Math.floor(((((ms + chinaOffsetMs) % msPerDay) + msPerDay) % msPerDay) / 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${chinaDateOf(ms)} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The instant a China date begins (00:00 in Asia/Shanghai). */
export function startOfChinaDate(date: string): Date {
  return new Date(toDayNumber(date) * msPerDay - chinaOffsetMs);
}
