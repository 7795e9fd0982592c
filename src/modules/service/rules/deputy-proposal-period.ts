/**
 * The reply period of a deputy's suggestion (人大代表建议) or a CPPCC member's proposal (政协委员提案)
 * assigned to the court. 《全国人民代表大会代表建议、批评和意见处理办法》: answered within three months
 * of assignment (交办之日起三个月内), and where the matter is wide-ranging or hard, within six months;
 * the CPPCC's 提案工作条例 sets the same three months. *(practice)* A court may set a shorter period
 * (`replyDays`), never one past six months.
 */
import { addCalendarDays, addMonths, type RuleResult, refuse, succeed } from '../../../kernel/index.ts';

export const replyMonths = 3;
export const longestReplyMonths = 6;

/** The day the reply is due: three months from receipt by default, or `replyDays` calendar days. */
export function deputyProposalDueOn(receivedOn: string, replyDays?: number): RuleResult<string, 'replyDays'> {
  if (replyDays === undefined) return succeed(addMonths(receivedOn, replyMonths));
  const dueOn = addCalendarDays(receivedOn, replyDays);
  if (dueOn > addMonths(receivedOn, longestReplyMonths)) {
    return refuse(
      'replyDays',
      `办理期限不得超过交办之日起${longestReplyMonths}个月`,
      `The reply period may not pass ${longestReplyMonths} months from assignment`,
    );
  }
  return succeed(dueOn);
}

/** Whether a reply is overdue on `today` (unanswered past its day), or was given late. */
export function isReplyLate(dueOn: string, answeredOn: string | null, today: string): boolean {
  return (answeredOn ?? today) > dueOn;
}
