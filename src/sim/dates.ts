/** Dates and times as the simulator counts them: legal dates are China dates (UTC+8). */
import { chinaOffsetMs } from '../kernel/index.ts';

const DAY_MS = 86_400_000;

/** When a measure "until" a `YYYY-MM-DD` date (inclusive) or an ISO instant lapses, in unix ms; NaN if unreadable. */
export function computeExpiry(until: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(until)) return Date.parse(`${until}T00:00:00+08:00`) + DAY_MS;
  return Date.parse(until);
}

/** Minutes since midnight in China time. */
export function minutesOfChinaDay(now: number): number {
  return Math.floor(((now + chinaOffsetMs) % DAY_MS) / 60_000);
}
