import { addCalendarDays, type Bilingual, compareIsoDates } from '../../../kernel/index.ts';

/**
 * Appraisal (委托评估, 参考价规定 2018; DOMAIN.md §6): the parties agree on 3 appraisers in order,
 * otherwise a lottery draws 3 in order from the roster of the asset's specialism; the appraiser
 * reports within 30 days; at most 2 extensions of at most 15 days each, requested at least 5 days
 * before the deadline; an appraiser who misses the deadline hands over to the next in order.
 */

// 参考价规定 (2018), DOMAIN §6: the parties agree on 3 appraisers in order, or 3 are drawn by lottery
export const appraiserCount = 3;
// 参考价规定 (2018), DOMAIN §6: the appraiser reports within 30 days
export const appraisalReportDays = 30;
// 参考价规定 (2018), DOMAIN §6: at most 2 extensions …
export const maxAppraisalExtensions = 2;
// … of at most 15 days each …
export const maxAppraisalExtensionDays = 15;
// … requested at least 5 days before the deadline
export const extensionNoticeDays = 5;

export const Specialism = {
  realEstate: 'realEstate',
  vehicle: 'vehicle',
  equity: 'equity',
  ship: 'ship',
  general: 'general',
} as const;
export type Specialism = (typeof Specialism)[keyof typeof Specialism];
export const specialismValues = Object.values(Specialism) as [Specialism, ...Specialism[]];

export const specialismLabels: Readonly<Record<Specialism, Bilingual>> = {
  realEstate: { zh: '房地产估价', en: 'Real estate' },
  vehicle: { zh: '机动车鉴定评估', en: 'Vehicles' },
  equity: { zh: '资产评估（股权）', en: 'Equity' },
  ship: { zh: '船舶评估', en: 'Ships' },
  general: { zh: '资产评估（综合）', en: 'General assets' },
};

/** The roster an asset is appraised from (名单分库): by its type, else the general one. */
export function specialismOf(assetType: string): Specialism {
  switch (assetType) {
    case 'realEstate':
      return Specialism.realEstate;
    case 'vehicle':
      return Specialism.vehicle;
    case 'equity':
      return Specialism.equity;
    case 'ship':
      return Specialism.ship;
    default:
      return Specialism.general;
  }
}

/** The day the report of an appraiser commissioned on `assignedOn` is due. */
export function appraisalDueOn(assignedOn: string): string {
  return addCalendarDays(assignedOn, appraisalReportDays);
}

/** The last day an extension of a deadline `dueOn` may be asked for. */
export function latestExtensionRequestOn(dueOn: string): string {
  return addCalendarDays(dueOn, -extensionNoticeDays);
}

export type ExtensionCheck =
  | { ok: true; dueOn: string }
  | { ok: false; status: 400 | 409; field: string; zh: string; en: string };

/** Whether an appraiser's extension of `days` may be granted on `today`, and the new deadline. */
export function checkAppraisalExtension(input: {
  dueOn: string;
  today: string;
  extensionsSoFar: number;
  days: number;
}): ExtensionCheck {
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > maxAppraisalExtensionDays) {
    return {
      ok: false,
      status: 400,
      field: 'days',
      zh: `每次延期不超过 ${maxAppraisalExtensionDays} 日`,
      en: `An extension is 1 to ${maxAppraisalExtensionDays} days`,
    };
  }
  if (input.extensionsSoFar >= maxAppraisalExtensions) {
    return {
      ok: false,
      status: 409,
      field: 'days',
      zh: `延期不超过 ${maxAppraisalExtensions} 次`,
      en: `At most ${maxAppraisalExtensions} extensions`,
    };
  }
  const latest = latestExtensionRequestOn(input.dueOn);
  if (compareIsoDates(input.today, latest) > 0) {
    return {
      ok: false,
      status: 409,
      field: 'dueOn',
      zh: `须在期限届满 ${extensionNoticeDays} 日前（${latest} 前）申请延期`,
      en: `An extension is asked for at least ${extensionNoticeDays} days before the deadline (by ${latest})`,
    };
  }
  return { ok: true, dueOn: addCalendarDays(input.dueOn, input.days) };
}

/** The appraiser's deadline has passed without a report: hand over. */
export function isAppraisalLate(dueOn: string, today: string): boolean {
  return compareIsoDates(today, dueOn) > 0;
}

/** The position the work passes to after `position`, or null when the third was late too. */
export function nextAppraiserPosition(position: number, count: number): number | null {
  return position + 1 < count ? position + 1 : null;
}
