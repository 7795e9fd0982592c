/**
 * When a filing gets its 执行风险提示书. The notice belongs to the filing stage (seed 003 item 19:
 * 立案阶段提示执行不能风险): it goes with the filing of a first or restored enforcement case, not with
 * an objection, a review or a preservation, and not to a case already closed.
 */
import { calendarDaysBetween } from '../../../kernel/index.ts';

// Case types whose applicant is a creditor starting enforcement (SPC 案号规定: 执 first, 执恢 restored).
const noticedCaseTypes: readonly string[] = ['执', '执恢'];

/**
 * *(practice)* A filing whose notice could not go out within 7 days — the days in which the case is
 * assigned its officer (执行期限规定: officer within 7 days of filing) — is past the filing stage: a
 * case imported or filed back-dated gets none.
 */
export const riskNoticeWindowDays = 7;

export function isRiskNoticeDue(
  c: { caseType: string; status: string; filedOn: string },
  today: string,
): boolean {
  if (!noticedCaseTypes.includes(c.caseType) || c.status === 'closed') return false;
  const days = calendarDaysBetween(c.filedOn, today);
  return days >= 0 && days <= riskNoticeWindowDays;
}
