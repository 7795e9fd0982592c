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

/**
 * The reasons art. 15 accepts for paying later than 30 days (DOMAIN.md §8), each approved by a
 * leader of the case's court.
 */
export const PayoutDelayReason = {
  distributionNeeded: 'distributionNeeded',
  frozenInAnotherCase: 'frozenInAnotherCase',
  applicantNotCollecting: 'applicantNotCollecting',
  caseSuspended: 'caseSuspended',
} as const;
export type PayoutDelayReason = (typeof PayoutDelayReason)[keyof typeof PayoutDelayReason];
export const payoutDelayReasonValues = Object.values(PayoutDelayReason) as [
  PayoutDelayReason,
  ...PayoutDelayReason[],
];

export const payoutDelayReasonLabels: Readonly<Record<PayoutDelayReason, { zh: string; en: string }>> = {
  distributionNeeded: { zh: '需要参与分配', en: 'A distribution among creditors is needed' },
  frozenInAnotherCase: { zh: '执行款被其他案件冻结', en: 'The money is frozen in another case' },
  applicantNotCollecting: { zh: '申请执行人未领取', en: 'The applicant does not collect it' },
  caseSuspended: { zh: '案件中止执行', en: 'Enforcement is suspended' },
};

/** The case's latest approved delay: `endedOn` is the China date its reason ended, null while it runs. */
export type ApprovedPayoutDelay = { endedOn: string | null };

/**
 * Where money that arrived on `arrivedOn` and is unpaid on `today` stands, given the case's latest
 * approved delay (art. 15). Without one: due at 30 days, yellow from 20, red from 30. While an
 * approved delay runs the money is never red (yellow once past 20 days). Once its reason has ended
 * the money is due 10 days later — or at the 30 days, if they end later — and red from that day,
 * as the 30-day light is red from its own.
 */
export function payoutStanding(
  arrivedOn: string,
  today: string,
  delay: ApprovedPayoutDelay | null,
): { dueOn: string; light: PayoutLight } {
  const limitOn = payoutDueOn(arrivedOn);
  const plain = payoutLight(arrivedOn, today);
  if (delay === null) return { dueOn: limitOn, light: plain };
  if (delay.endedOn === null) return { dueOn: limitOn, light: plain === 'red' ? 'yellow' : plain };
  const afterDelayOn = addCalendarDays(delay.endedOn, payoutAfterDelayDays);
  if (afterDelayOn <= limitOn) return { dueOn: limitOn, light: plain };
  return { dueOn: afterDelayOn, light: today >= afterDelayOn ? 'red' : 'yellow' };
}

// practice (DOMAIN.md §8): unidentified payments are claimed within 3 working days
export const unclaimedWarningWorkingDays = 3;
