/**
 * How long a dishonest-list entry lasts (失信规定 art. 2), the grace period before publication,
 * and the time to decide an applicant's application (art. 5).
 */

import { addCalendarDays, addMonths } from '../../../kernel/index.ts';
import type { ListingGround } from './grounds.ts';
import { type RuleCheck, refuseField, ruleOk } from './rule-check.ts';

// 失信规定 art. 2: grounds (2)–(6) are listed for two years
export const listingTermYears = 2;
// 失信规定 art. 2: extendable by one to three years (serious violence or threats, several dishonest acts)
export const listingExtensionYears = { min: 1, max: 3 } as const;
// SPC 2019 opinion on good-faith enforcement art. 16: a grace period of one to three months
export const graceMonthsRange = { min: 1, max: 3 } as const;
// 失信规定 art. 5: an applicant's application is decided within fifteen days
export const applicationDecisionDays = 15;

function isIntegerIn(n: number, range: { readonly min: number; readonly max: number }): boolean {
  return Number.isInteger(n) && n >= range.min && n <= range.max;
}

/** Whether `extendYears` may be given for `ground`: never for ground (1), else 1–3 whole years. */
export function checkExtension(ground: ListingGround, extendYears: number | undefined): RuleCheck {
  if (extendYears === undefined) return ruleOk;
  if (ground === 1) {
    return refuseField(
      'extendYears',
      '第（一）项失信情形无固定期限，不能延长',
      'A listing for refusing despite ability has no fixed term and cannot be extended',
    );
  }
  if (!isIntegerIn(extendYears, listingExtensionYears)) {
    return refuseField('extendYears', '延长期限应为1至3年', 'An extension must be 1 to 3 whole years');
  }
  return ruleOk;
}

/**
 * The last day of a listing, or null for ground (1), which stays until a deletion ground of
 * art. 10 occurs. The term counts from the decision: a two-year term decided on 2024-03-15 ends
 * on 2026-03-15 (periods in years end on the corresponding day, 民法典 art. 202).
 */
export function listingExpiresOn(ground: ListingGround, listedOn: string, extendYears = 0): string | null {
  if (ground === 1) return null;
  return addMonths(listedOn, 12 * (listingTermYears + extendYears));
}

export function checkGraceMonths(graceMonths: number | undefined): RuleCheck {
  if (graceMonths === undefined || graceMonths === 0) return ruleOk;
  if (!isIntegerIn(graceMonths, graceMonthsRange)) {
    return refuseField('graceMonths', '宽限期应为1至3个月', 'A grace period must be 1 to 3 whole months');
  }
  return ruleOk;
}

/** The first day the entry is published: the day after the grace period, or the decision day. */
export function publishFrom(decidedOn: string, graceMonths = 0): string {
  if (graceMonths === 0) return decidedOn;
  return addCalendarDays(addMonths(decidedOn, graceMonths), 1);
}

/** 失信规定 art. 5: the last day to decide an applicant's application received on `receivedOn`. */
export function applicationDecisionDueOn(receivedOn: string): string {
  return addCalendarDays(receivedOn, applicationDecisionDays);
}
