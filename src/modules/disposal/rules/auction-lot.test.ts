import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startOfChinaDate } from '../../../kernel/index.ts';
import {
  announcementDays,
  checkLotTerms,
  depositMaxPercent,
  depositMinPercent,
  type LotTerms,
  maxReductionPercent,
  propertyClassOf,
  reauctionWithinDays,
  startingPriceMinPercent,
} from './auction-lot.ts';
import {
  balanceDueOn,
  isFullyPaid,
  isInDefault,
  matchPayment,
  nextRoundAfter,
  reauctionDeadline,
  requiredDepositFen,
  rulingDueOn,
  saleEndsOn,
} from './auction-rounds.ts';

const hour = 3_600_000;
// 10:00 China time on the given date.
const at = (date: string, hours = 10) => startOfChinaDate(date).getTime() + hours * hour;

function terms(overrides: Partial<LotTerms> = {}): LotTerms {
  return {
    round: 'first',
    propertyClass: 'realEstate',
    referencePriceFen: 1_000_000_00,
    startingPriceFen: 700_000_00,
    incrementFen: 5_000_00,
    depositFen: 70_000_00,
    biddingStartsAtMs: at('2026-05-01'),
    biddingEndsAtMs: at('2026-05-02'),
    announcedOn: '2026-04-01',
    previousStartingPriceFen: null,
    ...overrides,
  };
}

const paths = (t: LotTerms) => checkLotTerms(t).map((p) => p.path);

describe('lot terms (网拍规定 arts. 10, 12, 17, 20, 26)', () => {
  test('the numbers of the rules', () => {
    assert.equal(startingPriceMinPercent, 70);
    assert.deepEqual([depositMinPercent, depositMaxPercent], [5, 20]);
    assert.equal(maxReductionPercent, 20);
    assert.equal(reauctionWithinDays, 30);
    assert.deepEqual(announcementDays, {
      first: { movable: 15, realEstate: 30 },
      second: { movable: 7, realEstate: 15 },
    });
  });

  test('valid terms at every boundary pass', () => {
    assert.deepEqual(checkLotTerms(terms()), []);
    assert.deepEqual(checkLotTerms(terms({ depositFen: 140_000_00 })), [], '20% of the start');
    assert.deepEqual(checkLotTerms(terms({ depositFen: 35_000_00 })), [], '5% of the start');
  });

  test('the start below 70% of the reference price names startingPriceFen', () => {
    assert.deepEqual(paths(terms({ startingPriceFen: 699_999_99, depositFen: 70_000_00 })), [
      'startingPriceFen',
    ]);
  });

  test('a deposit outside 5–20% of the start names depositFen', () => {
    assert.deepEqual(paths(terms({ depositFen: 34_999_99 })), ['depositFen']);
    assert.deepEqual(paths(terms({ depositFen: 140_000_01 })), ['depositFen']);
  });

  test('bidding under 24 hours names biddingEndsAt', () => {
    assert.deepEqual(paths(terms({ biddingEndsAtMs: at('2026-05-02') - 1 })), ['biddingEndsAt']);
  });

  test('announcement: 30 days for real estate, 15 for movables; 15 and 7 for round two', () => {
    // Announced 2026-04-01: real estate from 05-01, movables from 04-16.
    assert.deepEqual(
      paths(terms({ biddingStartsAtMs: at('2026-04-30', 23), biddingEndsAtMs: at('2026-05-09') })),
      ['biddingStartsAt'],
    );
    const movable = { propertyClass: 'movable' as const };
    assert.deepEqual(
      paths(terms({ ...movable, biddingStartsAtMs: at('2026-04-16'), biddingEndsAtMs: at('2026-04-17') })),
      [],
    );
    assert.deepEqual(
      paths(terms({ ...movable, biddingStartsAtMs: at('2026-04-15'), biddingEndsAtMs: at('2026-04-17') })),
      ['biddingStartsAt'],
    );
    const second = {
      round: 'second' as const,
      previousStartingPriceFen: 700_000_00,
      startingPriceFen: 560_000_00,
      depositFen: 56_000_00,
    };
    assert.deepEqual(
      paths(terms({ ...second, biddingStartsAtMs: at('2026-04-16'), biddingEndsAtMs: at('2026-04-17') })),
      [],
    );
    assert.deepEqual(
      paths(terms({ ...second, biddingStartsAtMs: at('2026-04-15'), biddingEndsAtMs: at('2026-04-17') })),
      ['biddingStartsAt'],
    );
    assert.deepEqual(
      paths(
        terms({
          ...second,
          ...movable,
          biddingStartsAtMs: at('2026-04-08'),
          biddingEndsAtMs: at('2026-04-09'),
        }),
      ),
      [],
    );
    assert.deepEqual(
      paths(
        terms({
          ...second,
          ...movable,
          biddingStartsAtMs: at('2026-04-07'),
          biddingEndsAtMs: at('2026-04-09'),
        }),
      ),
      ['biddingStartsAt'],
    );
  });

  test('round two lowers the start by at most 20% and needs no 70% of the reference', () => {
    const second = {
      round: 'second' as const,
      previousStartingPriceFen: 700_000_00,
      biddingStartsAtMs: at('2026-04-20'),
    };
    assert.deepEqual(paths(terms({ ...second, startingPriceFen: 560_000_00, depositFen: 56_000_00 })), []);
    assert.deepEqual(paths(terms({ ...second, startingPriceFen: 559_999_99, depositFen: 56_000_00 })), [
      'startingPriceFen',
    ]);
  });

  test('asset types: vehicles and ships are movables; real estate and property rights are not', () => {
    assert.equal(propertyClassOf('vehicle'), 'movable');
    assert.equal(propertyClassOf('ship'), 'movable');
    assert.equal(propertyClassOf('realEstate'), 'realEstate');
    assert.equal(propertyClassOf('equity'), 'realEstate');
  });
});

describe('after the close (网拍规定 arts. 17, 24–26; 拍卖变卖规定)', () => {
  test('an applicant-creditor’s deposit is what exceeds its claim', () => {
    assert.equal(requiredDepositFen(70_000_00, null), 70_000_00);
    assert.equal(requiredDepositFen(70_000_00, 50_000_00), 20_000_00);
    assert.equal(requiredDepositFen(70_000_00, 90_000_00), 0);
  });

  test('rounds: a failed first round goes to round two within 30 days; a default to the same round', () => {
    assert.equal(nextRoundAfter({ round: 'first', state: 'failed' }), 'second');
    assert.equal(nextRoundAfter({ round: 'second', state: 'failed' }), null);
    assert.equal(nextRoundAfter({ round: 'second', state: 'defaulted' }), 'second');
    assert.equal(nextRoundAfter({ round: 'first', state: 'sold' }), null);
    assert.equal(reauctionDeadline('2026-05-02'), '2026-06-01');
  });

  test('the ruling within 10 days of full payment, the sale window 60 days, the balance by its period', () => {
    assert.equal(rulingDueOn('2026-05-10'), '2026-05-20');
    assert.equal(saleEndsOn('2026-05-10'), '2026-07-09');
    assert.equal(balanceDueOn('2026-05-02', 15), '2026-05-17');
    assert.equal(isInDefault('2026-05-17', '2026-05-17', false), false);
    assert.equal(isInDefault('2026-05-17', '2026-05-18', false), true);
    assert.equal(isInDefault('2026-05-17', '2026-05-18', true), false);
  });

  test('the captured deposit and the balance are each matched once by amount', () => {
    const lot = { capturedFen: 100, balanceFen: 100, hasCaptureReceipt: false, hasBalanceReceipt: false };
    assert.equal(matchPayment(lot, 100), 'capture');
    assert.equal(matchPayment({ ...lot, hasCaptureReceipt: true }, 100), 'balance');
    assert.equal(matchPayment({ ...lot, hasCaptureReceipt: true, hasBalanceReceipt: true }, 100), null);
    assert.equal(matchPayment(lot, 99), null);
    assert.equal(isFullyPaid({ ...lot, hasCaptureReceipt: true, hasBalanceReceipt: true }), true);
    assert.equal(isFullyPaid({ ...lot, capturedFen: 0, hasBalanceReceipt: true }), true);
    assert.equal(isFullyPaid(lot), false);
  });
});
