import { chinaOffsetMs, formatChinaDateTime } from '../../../../src/kernel/index.ts';

/**
 * Times on the auction site are the server's, in China time, whatever the browser's clock and time
 * zone: instants are formatted from the server's ISO strings, and "now" is the browser's clock
 * corrected by the offset the server's `serverNow` gave (see use-live-lot.ts).
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:mm:ss` of an instant in China time (bids are seconds apart in the last minutes). */
export function formatChinaTimeSeconds(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  const seconds = new Date(ms + chinaOffsetMs).getUTCSeconds();
  return `${formatChinaDateTime(ms)}:${pad(seconds)}`;
}

/** `YYYY-MM-DD HH:mm` in China time; the string as sent if it is not an instant. */
export function formatChinaTime(instant: string): string {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? instant : formatChinaDateTime(ms);
}

export type Remaining = { days: number; clock: string; totalMs: number };

/** What is left until `targetMs`, as days and `HH:mm:ss` (never negative). */
export function remainingUntil(targetMs: number, nowMs: number): Remaining {
  const totalMs = Math.max(0, targetMs - nowMs);
  const totalSeconds = Math.ceil(totalMs / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const rest = totalSeconds % 86_400;
  const clock = `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`;
  return { days, clock, totalMs };
}
