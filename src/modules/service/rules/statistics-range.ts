/**
 * The period the service window's statistics count (every visit logged and counted, seed 003 item
 * 48): by default the last 30 days to today; at most a year (366 days) at once.
 */
import {
  addCalendarDays,
  calendarDaysBetween,
  type RuleResult,
  refuse,
  succeed,
} from '../../../kernel/index.ts';

export const defaultStatisticsDays = 30;
export const longestStatisticsDays = 366;

export function statisticsRange(
  input: { from?: string; to?: string },
  today: string,
): RuleResult<{ from: string; to: string }, 'from' | 'to'> {
  const to = input.to ?? today;
  const from = input.from ?? addCalendarDays(to, 1 - defaultStatisticsDays);
  if (from > to) return refuse('from', '起始日期不能晚于截止日期', 'The period must start before it ends');
  if (calendarDaysBetween(from, to) + 1 > longestStatisticsDays) {
    return refuse(
      'to',
      `统计期间最长${longestStatisticsDays}日`,
      `A period of at most ${longestStatisticsDays} days`,
    );
  }
  return succeed({ from, to });
}

/** Every day of the period, in order. */
export function daysOf(range: { from: string; to: string }): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to; day = addCalendarDays(day, 1)) days.push(day);
  return days;
}
