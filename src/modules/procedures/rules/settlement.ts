/**
 * Enforcement settlements (执行和解, DOMAIN.md §9; 执行和解规定 2020): the instalments the parties
 * agreed, what each stands at on a day given the payments made to the applicant, and the 2-year
 * limit for restoring the original enforcement. Pure.
 */
import { addCalendarDays, addMonths, compareIsoDates, maxFen } from '../../../kernel/index.ts';

export type Instalment = { readonly dueDate: string; readonly amountFen: number };
export type SettlementPayment = { readonly paidOn: string; readonly amountFen: number };

/** At most ten years of monthly instalments: more is no settlement a court would record. */
export const maxInstalments = 120;

// (practice) an instalment's reminder goes out 3 days before it falls due
export const dueSoonReminderDays = 3;

// CPL art. 250; 执行和解规定 art. 10: restoring is applied for within 2 years of the settlement's last day of performance
export const limitationYears = 2;

export type InstalmentCheck =
  | { readonly ok: true; readonly totalFen: number; readonly lastDueDate: string }
  | { readonly ok: false; readonly path: string; readonly zh: string; readonly en: string };

/**
 * The instalments as agreed: at least one, each due today or later, due dates strictly
 * increasing, amounts positive integers of fen, the total within what an amount can hold.
 */
export function checkInstalments(instalments: readonly Instalment[], today: string): InstalmentCheck {
  if (instalments.length === 0) {
    return {
      ok: false,
      path: 'instalments',
      zh: '至少约定一期履行',
      en: 'At least one instalment is needed',
    };
  }
  if (instalments.length > maxInstalments) {
    return {
      ok: false,
      path: 'instalments',
      zh: `最多${maxInstalments}期`,
      en: `At most ${maxInstalments} instalments`,
    };
  }
  let totalFen = 0;
  let previous: string | null = null;
  for (const [i, instalment] of instalments.entries()) {
    if (!Number.isSafeInteger(instalment.amountFen) || instalment.amountFen <= 0) {
      return {
        ok: false,
        path: `instalments.${i}.amountFen`,
        zh: '每期金额应为正整数（分）',
        en: 'Each amount is a positive whole number of fen',
      };
    }
    if (compareIsoDates(instalment.dueDate, today) < 0) {
      return {
        ok: false,
        path: `instalments.${i}.dueDate`,
        zh: '履行期限不能早于今天',
        en: 'A due date cannot be before today',
      };
    }
    if (previous !== null && compareIsoDates(instalment.dueDate, previous) <= 0) {
      return {
        ok: false,
        path: `instalments.${i}.dueDate`,
        zh: '各期履行期限应依次推后',
        en: 'Due dates must be strictly increasing',
      };
    }
    totalFen += instalment.amountFen;
    if (totalFen > maxFen) {
      return {
        ok: false,
        path: `instalments.${i}.amountFen`,
        zh: '金额合计过大',
        en: 'The total is too large',
      };
    }
    previous = instalment.dueDate;
  }
  return { ok: true, totalFen, lastDueDate: previous ?? today };
}

/** CPL art. 250: the last day the applicant may apply to restore, 2 years after the last due date. */
export function limitationEndsOn(lastDueDate: string): string {
  return addMonths(lastDueDate, limitationYears * 12);
}

export type InstalmentStatus = 'pending' | 'paid' | 'overdue';

export type InstalmentStanding = {
  readonly dueDate: string;
  readonly amountFen: number;
  readonly paidFen: number;
  readonly status: InstalmentStatus;
};

export type SettlementStanding = {
  readonly totalFen: number;
  readonly paidFen: number;
  readonly outstandingFen: number;
  readonly instalments: readonly InstalmentStanding[];
  readonly hasOverdue: boolean;
  readonly isFullyPaid: boolean;
};

/** What was paid by the end of `on` (payments dated later do not count yet). */
export function paidBy(payments: readonly SettlementPayment[], on: string): number {
  return payments.reduce((sum, p) => (compareIsoDates(p.paidOn, on) <= 0 ? sum + p.amountFen : sum), 0);
}

/**
 * Each instalment on a day: the money paid by then goes to the earliest instalments first; one
 * covered in full is paid, one past its due date and not covered is overdue, the rest pending.
 */
export function standingOn(
  instalments: readonly Instalment[],
  payments: readonly SettlementPayment[],
  on: string,
): SettlementStanding {
  let left = paidBy(payments, on);
  let totalFen = 0;
  const standings = instalments.map((instalment): InstalmentStanding => {
    totalFen += instalment.amountFen;
    const paidFen = Math.min(left, instalment.amountFen);
    left -= paidFen;
    const status: InstalmentStatus =
      paidFen >= instalment.amountFen
        ? 'paid'
        : compareIsoDates(on, instalment.dueDate) > 0
          ? 'overdue'
          : 'pending';
    return { dueDate: instalment.dueDate, amountFen: instalment.amountFen, paidFen, status };
  });
  // Overpayment is refused when recorded; whatever is left over does not make a total exceed itself.
  const paidFen = standings.reduce((sum, s) => sum + s.paidFen, 0);
  return {
    totalFen,
    paidFen,
    outstandingFen: totalFen - paidFen,
    instalments: standings,
    hasOverdue: standings.some((s) => s.status === 'overdue'),
    isFullyPaid: paidFen >= totalFen,
  };
}

export type ReminderKind = 'dueSoon' | 'overdue';

/**
 * The reminder an unpaid instalment calls for today: `dueSoon` from 3 days before its due date
 * to the due date itself (a day the job missed is made up), `overdue` once the date has passed.
 */
export function reminderFor(standing: InstalmentStanding, today: string): ReminderKind | null {
  if (standing.status === 'paid') return null;
  if (standing.status === 'overdue') return 'overdue';
  const from = addCalendarDays(standing.dueDate, -dueSoonReminderDays);
  return compareIsoDates(from, today) <= 0 && compareIsoDates(today, standing.dueDate) <= 0
    ? 'dueSoon'
    : null;
}
