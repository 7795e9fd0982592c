/**
 * How long a control measure may last (CPL-I art. 485): bank deposits frozen at most 1 year;
 * movables sealed or seized at most 2 years; real estate sealed and other property rights frozen at
 * most 3 years. A renewal (续行) may again run at most as long (查封扣押冻结规定 art. 27), counted
 * from the expiry it extends, and must be made before that expiry.
 */

import { addMonths, calendarDaysBetween, compareIsoDates } from '../../../kernel/index.ts';
import type { AssetType } from './asset-types.ts';

// CPL-I art. 485: deposits ≤ 1 year, movables ≤ 2 years, real estate and other property rights ≤ 3 years
export const controlPeriodYears = { deposit: 1, movable: 2, realEstateOrOtherRight: 3 } as const;

export function controlPeriodYearsOf(assetType: AssetType): number {
  if (assetType === 'deposit') return controlPeriodYears.deposit;
  if (assetType === 'vehicle' || assetType === 'ship') return controlPeriodYears.movable;
  return controlPeriodYears.realEstateOrOtherRight;
}

/**
 * The last day a measure taken on `startOn` may run: a period of years ends on the corresponding
 * day of the last year (民法典 arts. 201–202: counting starts the next day; the corresponding day is
 * the last), or the month's last day when there is none (29 February).
 */
export function maxUntilOf(assetType: AssetType, startOn: string): string {
  return addMonths(startOn, controlPeriodYearsOf(assetType) * 12);
}

export type PeriodCheck =
  | { ok: true }
  | { ok: false; problem: 'notAfterStart' | 'pastLimit' | 'expired'; maxUntil: string; years: number };

export function checkControlUntil(input: {
  assetType: AssetType;
  startOn: string;
  until: string;
}): PeriodCheck {
  const years = controlPeriodYearsOf(input.assetType);
  const maxUntil = maxUntilOf(input.assetType, input.startOn);
  if (compareIsoDates(input.until, input.startOn) <= 0)
    return { ok: false, problem: 'notAfterStart', maxUntil, years };
  if (compareIsoDates(input.until, maxUntil) > 0) return { ok: false, problem: 'pastLimit', maxUntil, years };
  return { ok: true };
}

/** A renewal on `today` of a measure running to `currentUntil`, to run until `until`. */
export function checkRenewalUntil(input: {
  assetType: AssetType;
  currentUntil: string;
  today: string;
  until: string;
}): PeriodCheck {
  const years = controlPeriodYearsOf(input.assetType);
  const maxUntil = maxUntilOf(input.assetType, input.currentUntil);
  if (compareIsoDates(input.today, input.currentUntil) > 0)
    return { ok: false, problem: 'expired', maxUntil, years };
  if (compareIsoDates(input.until, input.currentUntil) <= 0)
    return { ok: false, problem: 'notAfterStart', maxUntil, years };
  if (compareIsoDates(input.until, maxUntil) > 0) return { ok: false, problem: 'pastLimit', maxUntil, years };
  return { ok: true };
}

// (practice) warn the team this many days before a measure expires; courts may differ
export const expiryWarningDays = 15;

/** A measure still in force that ends within the warning period. */
export function isExpiringSoon(until: string, today: string, warnDays = expiryWarningDays): boolean {
  const left = calendarDaysBetween(today, until);
  return left >= 0 && left <= warnDays;
}
