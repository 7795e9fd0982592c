import { addCalendarDays, chinaDateOf } from '../../../kernel/index.ts';
import { minBiddingMs } from './bidding.ts';

/**
 * The terms of a lot the collegial panel fixes (网拍规定 2016 arts. 10, 12, 17, 20, 26, 27), checked
 * before anything is written. Each problem names the request field it is about.
 */

// 网拍规定 art. 10: the starting price of the first round is at least 70% of the reference price
export const startingPriceMinPercent = 70;
// 网拍规定 art. 17: the deposit is 5%–20% of the starting price
export const depositMinPercent = 5;
export const depositMaxPercent = 20;
// 网拍规定 art. 26: a re-auction lowers the starting price by at most 20% of the previous round's
export const maxReductionPercent = 20;
// 网拍规定 art. 26: a failed round is auctioned again within 30 days
export const reauctionWithinDays = 30;

export type Round = 'first' | 'second';
export type PropertyClass = 'movable' | 'realEstate';

/**
 * Announcement days before bidding starts: 网拍规定 art. 12 (first round: movables 15, real estate
 * and other property rights 30) and art. 26 (a re-auction after a failed round: 7 and 15).
 */
export const announcementDays: Readonly<Record<Round, Readonly<Record<PropertyClass, number>>>> = {
  first: { movable: 15, realEstate: 30 },
  second: { movable: 7, realEstate: 15 },
};

// Things in the custody of the court; everything else reported (real estate, equity, securities …)
// is real estate or another property right (网拍规定 art. 12).
const movableTypes: readonly string[] = ['vehicle', 'ship'];

/** Which announcement rule an asset type follows (inquiry.assets.asset_type values). */
export function propertyClassOf(assetType: string): PropertyClass {
  return movableTypes.includes(assetType) ? 'movable' : 'realEstate';
}

export type LotProblem = { path: string; zh: string; en: string };

export type LotTerms = {
  round: Round;
  propertyClass: PropertyClass;
  referencePriceFen: number;
  startingPriceFen: number;
  incrementFen: number;
  depositFen: number;
  biddingStartsAtMs: number;
  biddingEndsAtMs: number;
  /** The China date of the announcement: today by the one clock. */
  announcedOn: string;
  /** A re-auction (round two) or a resale after default: the previous lot's starting price. */
  previousStartingPriceFen: number | null;
};

/** `part / whole ≥ percent %`, exactly, in integers (amounts up to 2^53 fen). */
function isAtLeastPercent(part: number, whole: number, percent: number): boolean {
  return BigInt(part) * 100n >= BigInt(whole) * BigInt(percent);
}

function isAtMostPercent(part: number, whole: number, percent: number): boolean {
  return BigInt(part) * 100n <= BigInt(whole) * BigInt(percent);
}

/** The earliest China date bidding may start when announced on `announcedOn`. */
export function earliestBiddingDate(announcedOn: string, round: Round, propertyClass: PropertyClass): string {
  return addCalendarDays(announcedOn, announcementDays[round][propertyClass]);
}

/** Every problem of the terms; none means the lot may be announced. */
export function checkLotTerms(t: LotTerms): LotProblem[] {
  const problems: LotProblem[] = [];
  if (
    t.round === 'first' &&
    !isAtLeastPercent(t.startingPriceFen, t.referencePriceFen, startingPriceMinPercent)
  ) {
    problems.push({
      path: 'startingPriceFen',
      zh: `起拍价不得低于参考价的${startingPriceMinPercent}%（网拍规定第十条）`,
      en: `The starting price must be at least ${startingPriceMinPercent}% of the reference price (网拍规定 art. 10)`,
    });
  }
  if (
    t.previousStartingPriceFen !== null &&
    !isAtLeastPercent(t.startingPriceFen, t.previousStartingPriceFen, 100 - maxReductionPercent)
  ) {
    problems.push({
      path: 'startingPriceFen',
      zh: `再次拍卖的起拍价降价幅度不得超过前次起拍价的${maxReductionPercent}%（网拍规定第二十六条）`,
      en: `A re-auction may lower the starting price by at most ${maxReductionPercent}% of the previous round's (网拍规定 art. 26)`,
    });
  }
  if (
    !isAtLeastPercent(t.depositFen, t.startingPriceFen, depositMinPercent) ||
    !isAtMostPercent(t.depositFen, t.startingPriceFen, depositMaxPercent)
  ) {
    problems.push({
      path: 'depositFen',
      zh: `保证金应为起拍价的${depositMinPercent}%至${depositMaxPercent}%（网拍规定第十七条）`,
      en: `The deposit must be ${depositMinPercent}%–${depositMaxPercent}% of the starting price (网拍规定 art. 17)`,
    });
  }
  if (t.incrementFen > t.startingPriceFen) {
    problems.push({
      path: 'incrementFen',
      zh: '加价幅度不得高于起拍价',
      en: 'The increment may not exceed the starting price',
    });
  }
  if (t.biddingEndsAtMs - t.biddingStartsAtMs < minBiddingMs) {
    problems.push({
      path: 'biddingEndsAt',
      zh: '竞价时间不得少于二十四小时（网拍规定第二十条）',
      en: 'Bidding must last at least 24 hours (网拍规定 art. 20)',
    });
  }
  const days = announcementDays[t.round][t.propertyClass];
  if (chinaDateOf(t.biddingStartsAtMs) < earliestBiddingDate(t.announcedOn, t.round, t.propertyClass)) {
    const what = t.propertyClass === 'movable' ? '动产' : '不动产或其他财产权';
    const whatEn = t.propertyClass === 'movable' ? 'movables' : 'real estate and other property rights';
    const article = t.round === 'first' ? '第十二条' : '第二十六条';
    problems.push({
      path: 'biddingStartsAt',
      zh: `${what}应在拍卖${days}日前公告（网拍规定${article}）`,
      en: `The announcement must precede bidding by ${days} days for ${whatEn} (网拍规定 art. ${t.round === 'first' ? 12 : 26})`,
    });
  }
  return problems;
}
