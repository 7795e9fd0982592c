/**
 * The day a visitor may meet the case judge (约见法官): a working day (工作日, the State Council's
 * holiday and make-up-day calendar), not in the past, and *(practice)* within 30 days, so that the
 * judge's to-do list holds appointments that are still meant.
 */
import { addCalendarDays, isWorkingDay, type RuleResult, refuse, succeed } from '../../../kernel/index.ts';

export const meetingHorizonDays = 30;

export type MeetingDayProblem = 'past' | 'tooFar' | 'nonWorkingDay';

export function checkMeetingDay(on: string, today: string): RuleResult<string, MeetingDayProblem> {
  if (on < today) return refuse('past', '约见日期不能早于今天', 'A meeting cannot be booked in the past');
  if (on > addCalendarDays(today, meetingHorizonDays)) {
    return refuse(
      'tooFar',
      `约见日期应在${meetingHorizonDays}日以内`,
      `A meeting is booked at most ${meetingHorizonDays} days ahead`,
    );
  }
  if (!isWorkingDay(on)) {
    return refuse('nonWorkingDay', '约见日期须为工作日', 'A meeting is booked on a working day');
  }
  return succeed(on);
}
