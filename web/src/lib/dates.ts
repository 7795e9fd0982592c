import dayjs, { type Dayjs } from 'dayjs';

/** Dates counted by law travel as `YYYY-MM-DD` (China time). */
export const dateFormat = 'YYYY-MM-DD';

export function toDateString(value: Dayjs): string {
  return value.format(dateFormat);
}

export function isAfterToday(value: Dayjs): boolean {
  return value.isAfter(dayjs(), 'day');
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format('YYYY-MM-DD HH:mm') : value;
}
