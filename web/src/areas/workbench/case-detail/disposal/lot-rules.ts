import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { addCalendarDays, chinaDateOf, chinaOffsetMs } from '../../../../../../src/kernel/index.ts';

/**
 * The terms of a lot as hints on the form (网拍规定 2016; DOMAIN §7). The server checks
 * the same rules (src/modules/disposal/rules/auction-lot.ts) and has the last word; these only tell
 * the officer beforehand, in integers, what it will accept.
 */

// 网拍规定 art. 10: the first round starts at 70% of the reference price or more
export const startingPriceMinPercent = 70;
// 网拍规定 art. 17: the deposit is 5%–20% of the starting price
export const depositMinPercent = 5;
export const depositMaxPercent = 20;
// 网拍规定 art. 20: bidding lasts at least 24 hours
export const minBiddingMs = 24 * 3_600_000;
// 网拍规定 art. 26: a re-auction lowers the starting price by at most 20% of the previous round's
export const maxReductionPercent = 20;

export type Round = 'first' | 'second';
export type PropertyClass = 'movable' | 'realEstate';

/**
 * Days of announcement before bidding: 网拍规定 art. 12 (first round: movables 15, real estate and
 * other property rights 30) and art. 26 (a re-auction after a failed round: 7 and 15).
 */
export const announcementDays: Readonly<Record<Round, Readonly<Record<PropertyClass, number>>>> = {
  first: { movable: 15, realEstate: 30 },
  second: { movable: 7, realEstate: 15 },
};

/**
 * The round a new lot of the asset is after `previous` (网拍规定 arts. 24, 26): after a default the
 * same round again, after a failed first round the second; null when no further auction follows.
 */
export function roundAfter(previous: { round: Round; state: string }): Round | null {
  if (previous.state === 'defaulted') return previous.round;
  if (previous.state === 'failed' && previous.round === 'first') return 'second';
  return null;
}

/** Vehicles and ships are movables; everything else sold is real estate or another property right. */
export function propertyClassOf(assetType: string): PropertyClass {
  return assetType === 'vehicle' || assetType === 'ship' ? 'movable' : 'realEstate';
}

/** `whole × percent / 100`, rounded up, exactly (amounts up to 2^53 fen). */
function percentCeil(whole: number, percent: number): number {
  const product = BigInt(whole) * BigInt(percent);
  return Number((product + 99n) / 100n);
}

function percentFloor(whole: number, percent: number): number {
  return Number((BigInt(whole) * BigInt(percent)) / 100n);
}

/**
 * The lowest starting price: 70% of the reference price in the first round (art. 10); in a
 * re-auction, 80% of the previous round's starting price (art. 26).
 */
export function minStartingPriceFen(
  round: Round,
  referencePriceFen: number,
  previous: { round: Round; startingPriceFen: number } | null,
): number {
  if (previous && previous.round !== round)
    return percentCeil(previous.startingPriceFen, 100 - maxReductionPercent);
  return round === 'first' ? percentCeil(referencePriceFen, startingPriceMinPercent) : 0;
}

export function depositRangeFen(startingPriceFen: number): { minFen: number; maxFen: number } {
  return {
    minFen: percentCeil(startingPriceFen, depositMinPercent),
    maxFen: percentFloor(startingPriceFen, depositMaxPercent),
  };
}

/** The first China date bidding may start when the lot is announced today. */
export function earliestBiddingDate(today: string, round: Round, propertyClass: PropertyClass): string {
  return addCalendarDays(today, announcementDays[round][propertyClass]);
}

/** A picker's value stands for China wall time: the instant it names. */
export function instantOfChinaWallTime(value: Dayjs): number {
  return (
    Date.UTC(value.year(), value.month(), value.date(), value.hour(), value.minute(), value.second()) -
    chinaOffsetMs
  );
}

/** The picker value showing an instant's China wall time. */
export function chinaWallTimeOf(ms: number): Dayjs {
  const c = new Date(ms + chinaOffsetMs);
  return dayjs(
    new Date(
      c.getUTCFullYear(),
      c.getUTCMonth(),
      c.getUTCDate(),
      c.getUTCHours(),
      c.getUTCMinutes(),
      c.getUTCSeconds(),
    ),
  );
}

/** The instant `hour`:00 China time on a China date. */
export function chinaTimeOn(date: string, hour: number): number {
  return Date.parse(`${date}T00:00:00Z`) - chinaOffsetMs + hour * 3_600_000;
}

export function isBeforeEarliest(startMs: number, earliestDate: string): boolean {
  return chinaDateOf(startMs) < earliestDate;
}
