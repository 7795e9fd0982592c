import { addCalendarDays } from '../../../kernel/index.ts';

/**
 * 执行款物管理规定 (2017) art. 15: within 30 days of the arrival notice the money is accounted for,
 * the fee settled and the applicant paid; a delay needs approval, and after its reason ends the
 * money is paid within 10 days. Warnings: yellow at 20 days (practice), red at 30.
 */

// 执行款物管理规定 art. 15: 30 days from the arrival notice
export const payoutLimitDays = 30;
// practice: warn at two thirds of the limit
export const payoutWarningDays = 20;
// art. 15: after the reason for a delay ends, pay within 10 days
export const payoutAfterDelayDays = 10;

export type PayoutLight = 'green' | 'yellow' | 'red';

/** The light of money that arrived on `arrivedOn` and is still unpaid on `today` (China dates). */
export function payoutLight(arrivedOn: string, today: string): PayoutLight {
  if (today >= addCalendarDays(arrivedOn, payoutLimitDays)) return 'red';
  if (today >= addCalendarDays(arrivedOn, payoutWarningDays)) return 'yellow';
  return 'green';
}

export function payoutDueOn(arrivedOn: string): string {
  return addCalendarDays(arrivedOn, payoutLimitDays);
}

// practice (DOMAIN.md §8): unidentified payments are claimed within 3 working days
export const unclaimedWarningWorkingDays = 3;
