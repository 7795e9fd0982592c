import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { allocateArrival } from './allocation.ts';
import { applyPayment, delayInterestFen } from './delay-interest.ts';
import { enforcementFeeFen, feeWithoutAmountFen } from './enforcement-fee.ts';
import {
  payoutAfterDelayDays,
  payoutDueOn,
  payoutLight,
  payoutLimitDays,
  payoutStanding,
  payoutWarningDays,
} from './payout-deadline.ts';

const yuan = (y: number) => y * 100;

test('the enforcement fee by the bands of 诉讼费用交纳办法 art. 14', () => {
  assert.equal(enforcementFeeFen(0), feeWithoutAmountFen, 'no amount: 50 yuan');
  assert.equal(enforcementFeeFen(yuan(5_000)), yuan(50), 'up to 10,000 yuan: 50 yuan');
  assert.equal(enforcementFeeFen(yuan(10_000)), yuan(50));
  // 50 + (100,000 − 10,000) × 1.5% = 1,400
  assert.equal(enforcementFeeFen(yuan(100_000)), yuan(1_400));
  // 50 + 490,000 × 1.5% = 7,400
  assert.equal(enforcementFeeFen(yuan(500_000)), yuan(7_400));
  // 7,400 + 4,500,000 × 1% = 52,400
  assert.equal(enforcementFeeFen(yuan(5_000_000)), yuan(52_400));
  // 52,400 + 5,000,000 × 0.5% = 77,400
  assert.equal(enforcementFeeFen(yuan(10_000_000)), yuan(77_400));
  // 77,400 + 10,000,000 × 0.1% = 87,400
  assert.equal(enforcementFeeFen(yuan(20_000_000)), yuan(87_400));
  // 50 + 0.01 yuan × 1.5% = 50.00015 → 50.00
  assert.equal(enforcementFeeFen(yuan(10_000) + 1), yuan(50));
  // 50 + 33.34 × 1.5% = 50.5001 → 50.50
  assert.equal(enforcementFeeFen(yuan(10_000) + 3_334), 5_050);
});

test('the fee never falls as the claim grows, and each band adds at most its rate', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2 ** 52 }),
      fc.integer({ min: 1, max: 1_000_000 }),
      (claim, more) => {
        const a = enforcementFeeFen(claim);
        const b = enforcementFeeFen(claim + more);
        assert.ok(b >= a);
        assert.ok(b - a <= Math.ceil((more * 15) / 1000) + 1);
      },
    ),
  );
});

test('delay interest is 0.0175% a day on the unpaid principal', () => {
  // 1,000,000 yuan × 0.0175% × 30 days = 5,250 yuan
  assert.equal(delayInterestFen(yuan(1_000_000), 30), yuan(5_250));
  // 100 yuan × 0.0175% × 1 day = 0.0175 yuan → 0.01 (rounded down)
  assert.equal(delayInterestFen(yuan(100), 1), 1);
  assert.equal(delayInterestFen(yuan(100), 0), 0);
  assert.equal(delayInterestFen(0, 365), 0);
});

test('a payment satisfies the principal before the delay interest', () => {
  assert.deepEqual(applyPayment({ principalFen: 1000, interestFen: 50 }, 1020), {
    principalFen: 1000,
    interestFen: 20,
    leftFen: 0,
  });
  assert.deepEqual(applyPayment({ principalFen: 1000, interestFen: 50 }, 2000), {
    principalFen: 1000,
    interestFen: 50,
    leftFen: 950,
  });
});

test('an arrival pays the fee first, then the principal, then interest; the rest is refunded', () => {
  // Claim 100,000 yuan: fee 1,400 yuan
  const first = allocateArrival({
    amountFen: yuan(1_000),
    claimFen: yuan(100_000),
    feesTakenFen: 0,
    principalAllocatedFen: 0,
    interestAccruedFen: 0,
    interestAllocatedFen: 0,
  });
  assert.deepEqual(first, { feeFen: yuan(1_000), principalFen: 0, interestFen: 0, refundFen: 0 });
  const second = allocateArrival({
    amountFen: yuan(200_000),
    claimFen: yuan(100_000),
    feesTakenFen: yuan(1_000),
    principalAllocatedFen: 0,
    interestAccruedFen: yuan(300),
    interestAllocatedFen: 0,
  });
  assert.deepEqual(second, {
    feeFen: yuan(400),
    principalFen: yuan(100_000),
    interestFen: yuan(300),
    refundFen: yuan(99_300),
  });
});

test('an allocation always adds up to what arrived, each part non-negative', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2 ** 40 }),
      fc.integer({ min: 0, max: 2 ** 40 }),
      fc.integer({ min: 0, max: 2 ** 30 }),
      fc.integer({ min: 0, max: 2 ** 40 }),
      fc.integer({ min: 0, max: 2 ** 30 }),
      (amountFen, claimFen, feesTakenFen, principalAllocatedFen, interestAccruedFen) => {
        const a = allocateArrival({
          amountFen,
          claimFen,
          feesTakenFen,
          principalAllocatedFen,
          interestAccruedFen,
          interestAllocatedFen: 0,
        });
        assert.equal(a.feeFen + a.principalFen + a.interestFen + a.refundFen, amountFen);
        for (const v of Object.values(a)) assert.ok(v >= 0);
      },
    ),
  );
});

test('money unpaid for 20 days is yellow, for 30 red (执行款物管理规定 art. 15)', () => {
  assert.equal(payoutDueOn('2026-01-10'), '2026-02-09');
  assert.equal(payoutLight('2026-01-10', '2026-01-29'), 'green');
  assert.equal(payoutLight('2026-01-10', '2026-01-30'), 'yellow');
  assert.equal(payoutLight('2026-01-10', '2026-02-08'), 'yellow');
  assert.equal(payoutLight('2026-01-10', '2026-02-09'), 'red');
});

test('an approved delay keeps the 30-day light from red; after its reason ends, 10 days (art. 15)', () => {
  assert.equal(payoutWarningDays, 20);
  assert.equal(payoutLimitDays, 30);
  assert.equal(payoutAfterDelayDays, 10);
  const arrivedOn = '2026-01-10';
  // Without a delay: yellow at 20 days, red at 30.
  assert.deepEqual(payoutStanding(arrivedOn, '2026-01-30', null), { dueOn: '2026-02-09', light: 'yellow' });
  assert.deepEqual(payoutStanding(arrivedOn, '2026-02-09', null), { dueOn: '2026-02-09', light: 'red' });
  // While the approved delay runs: past 30 days, still not red.
  const running = { endedOn: null };
  assert.equal(payoutStanding(arrivedOn, '2026-01-29', running).light, 'green');
  assert.equal(payoutStanding(arrivedOn, '2026-02-09', running).light, 'yellow');
  assert.equal(payoutStanding(arrivedOn, '2026-06-30', running).light, 'yellow');
  // The reason ends on 03-01: due 10 days later, red from that day.
  const ended = { endedOn: '2026-03-01' };
  assert.deepEqual(payoutStanding(arrivedOn, '2026-03-01', ended), { dueOn: '2026-03-11', light: 'yellow' });
  assert.equal(payoutStanding(arrivedOn, '2026-03-10', ended).light, 'yellow');
  assert.equal(payoutStanding(arrivedOn, '2026-03-11', ended).light, 'red');
  // A reason that ends early never shortens the 30 days: due at the later of the two.
  const early = { endedOn: '2026-01-20' };
  assert.deepEqual(payoutStanding(arrivedOn, '2026-01-30', early), { dueOn: '2026-02-09', light: 'yellow' });
  assert.equal(payoutStanding(arrivedOn, '2026-02-09', early).light, 'red');
  // 20 + 10 = 30: a reason ending on the 20th day is due on the 30th.
  assert.equal(payoutStanding(arrivedOn, '2026-01-30', { endedOn: '2026-01-30' }).dueOn, '2026-02-09');
});

test('reconciliation lists what is missing, extra or different — by serial, never by amount', async () => {
  const { reconcile } = await import('./reconciliation.ts');
  const differences = reconcile(
    [
      { serial: 'A', direction: 'in', amountFen: 100 },
      { serial: 'B', direction: 'in', amountFen: 200 },
      { serial: 'X1', direction: 'out', amountFen: 50, instructionId: 'D1' },
      { serial: 'C', direction: 'in', amountFen: 300 },
    ],
    [
      { key: 'A', direction: 'in', amountFen: 100 },
      { key: 'B', direction: 'in', amountFen: 250 },
      { key: 'D1', direction: 'out', amountFen: 50 },
      { key: 'E', direction: 'in', amountFen: 300 },
    ],
  );
  assert.deepEqual(differences, [
    { kind: 'amountDiffers', direction: 'in', key: 'B', bankFen: 200, ledgerFen: 250 },
    { kind: 'missing', direction: 'in', key: 'C', bankFen: 300 },
    { kind: 'extra', direction: 'in', key: 'E', ledgerFen: 300 },
  ]);
});
