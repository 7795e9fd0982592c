import dayjs, { type Dayjs } from 'dayjs';
import { formatChinaDateTime } from '../../../src/kernel/index.ts';
import { serverToday } from './server-clock.ts';

/**
 * Dates counted by law travel as `YYYY-MM-DD` China dates; "today" is the server clock's China
 * date (lib/server-clock.ts), whatever the browser's clock or time zone. A date picker's Dayjs
 * value stands for a calendar day only: it is made from and turned back into `YYYY-MM-DD`.
 */
export const dateFormat = 'YYYY-MM-DD';

export function toDateString(value: Dayjs): string {
  return value.format(dateFormat);
}

/** Today (the server's China date) as a date-picker value. */
export function todayValue(): Dayjs {
  return dayjs(serverToday(), dateFormat);
}

export function isAfterToday(value: Dayjs): boolean {
  return value.format(dateFormat) > serverToday();
}

/** An instant as `YYYY-MM-DD HH:mm` in China time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  try {
    return formatChinaDateTime(value);
  } catch {
    return value;
  }
}
