import { addCalendarDays, addMonths, type Bilingual, compareIsoDates } from '../../../kernel/index.ts';

/**
 * The reference price (财产处置参考价, 参考价规定 2018; DOMAIN.md §6): its four methods, when it must
 * start, how long objections may be lodged and how long the result is valid. Pure; China dates.
 */

export const ValuationMethod = {
  negotiated: 'negotiated',
  directedInquiry: 'directedInquiry',
  onlineInquiry: 'onlineInquiry',
  appraisal: 'appraisal',
} as const;
export type ValuationMethod = (typeof ValuationMethod)[keyof typeof ValuationMethod];
export const valuationMethodValues = Object.values(ValuationMethod) as [
  ValuationMethod,
  ...ValuationMethod[],
];

export const valuationMethodLabels: Readonly<Record<ValuationMethod, Bilingual>> = {
  negotiated: { zh: '当事人议价', en: 'Negotiated by the parties' },
  directedInquiry: { zh: '定向询价', en: 'Directed inquiry' },
  onlineInquiry: { zh: '网络询价', en: 'Online inquiry' },
  appraisal: { zh: '委托评估', en: 'Appraisal' },
};

/** The methods that fix the price at once from the figure the court records. */
export function isPricedAtOnce(method: ValuationMethod): boolean {
  return method === ValuationMethod.negotiated || method === ValuationMethod.directedInquiry;
}

export const ValuationState = {
  /** Online inquiry: the requests are out, reports due within 3 days. */
  inquiring: 'inquiring',
  /** Online inquiry: none reported in time, every platform has 3 more days. */
  extended: 'extended',
  /** Appraisal: the lottery's commitment is published, the draw not yet made. */
  drawingLots: 'drawingLots',
  /** Appraisal: an appraiser is working, the report due in 30 days (plus extensions). */
  appraising: 'appraising',
  /** The reference price is fixed. */
  priced: 'priced',
  /** No price came of it (no platform reported, every report set aside, every appraiser late). */
  failed: 'failed',
} as const;
export type ValuationState = (typeof ValuationState)[keyof typeof ValuationState];
export const valuationStateValues = Object.values(ValuationState) as [ValuationState, ...ValuationState[]];

export const valuationStateLabels: Readonly<Record<ValuationState, Bilingual>> = {
  inquiring: { zh: '询价中', en: 'Inquiring' },
  extended: { zh: '询价延期中', en: 'Inquiry extended' },
  drawingLots: { zh: '待摇号', en: 'Waiting for the lottery' },
  appraising: { zh: '评估中', en: 'Appraising' },
  priced: { zh: '已确定参考价', en: 'Reference price fixed' },
  failed: { zh: '未能确定参考价', en: 'No reference price' },
};

/** Still working towards a price: a second valuation of the same asset must wait. */
export function isOpen(state: ValuationState): boolean {
  return state !== ValuationState.priced && state !== ValuationState.failed;
}

// DOMAIN §2 (SPC enforcement rules; 参考价规定 2018): start the reference-price process within 30 days of a seizure
export const referencePriceStartDays = 30;

/** The day by which a valuation of an asset sealed or seized on `controlledOn` should have started. */
export function referencePriceStartDueOn(controlledOn: string): string {
  return addCalendarDays(controlledOn, referencePriceStartDays);
}

/** Started after the 30 days (or not started and past them, when `startedOn` is null). */
export function isStartLate(controlledOn: string, startedOn: string | null, today: string): boolean {
  const dueOn = referencePriceStartDueOn(controlledOn);
  return compareIsoDates(startedOn ?? today, dueOn) > 0;
}

// 参考价规定 (2018), DOMAIN §6: objections to a report within 5 days of receiving it
export const objectionDays = 5;

/** The last day to object to a price served on `servedOn` (served when it is fixed, electronically). */
export function objectionDueOn(servedOn: string): string {
  return addCalendarDays(servedOn, objectionDays);
}

export function isObjectionInTime(servedOn: string, today: string): boolean {
  return compareIsoDates(today, objectionDueOn(servedOn)) <= 0;
}

// 参考价规定 (2018), DOMAIN §6: a result is valid for 1 year
export const validityMonths = 12;

/** The last day a price fixed on `pricedOn` is valid (one year: the same date a year later). */
export function validUntilOf(pricedOn: string): string {
  return addMonths(pricedOn, validityMonths);
}

export function isValidOn(validUntil: string, today: string): boolean {
  return compareIsoDates(today, validUntil) <= 0;
}

/** A new valuation of an asset is refused while an earlier one is open or its price still valid. */
export function blocksNewValuation(
  v: { state: ValuationState; validUntil: string | null },
  today: string,
): boolean {
  if (isOpen(v.state)) return true;
  return v.state === ValuationState.priced && v.validUntil !== null && isValidOn(v.validUntil, today);
}
