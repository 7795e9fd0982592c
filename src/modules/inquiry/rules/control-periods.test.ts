import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { assetTypeValues } from './asset-types.ts';
import {
  checkControlUntil,
  checkRenewalUntil,
  controlPeriodYearsOf,
  expiryWarningDays,
  isExpiringSoon,
  maxUntilOf,
} from './control-periods.ts';

test('CPL-I art. 485: deposits 1 year, movables 2, real estate and other rights 3', () => {
  assert.equal(controlPeriodYearsOf('deposit'), 1);
  assert.equal(controlPeriodYearsOf('vehicle'), 2);
  assert.equal(controlPeriodYearsOf('ship'), 2);
  assert.equal(controlPeriodYearsOf('realEstate'), 3);
  for (const t of [
    'equity',
    'securities',
    'wealthProduct',
    'housingFund',
    'onlinePayment',
    'insurance',
  ] as const) {
    assert.equal(controlPeriodYearsOf(t), 3, t);
  }
});

test('a period ends on the corresponding day (民法典 arts. 201–202)', () => {
  assert.equal(maxUntilOf('deposit', '2026-03-01'), '2027-03-01');
  assert.equal(maxUntilOf('vehicle', '2026-03-01'), '2028-03-01');
  assert.equal(maxUntilOf('realEstate', '2026-03-01'), '2029-03-01');
  assert.equal(maxUntilOf('deposit', '2028-02-29'), '2029-02-28');
});

test('a deposit frozen for one year and one day is refused', () => {
  assert.deepEqual(checkControlUntil({ assetType: 'deposit', startOn: '2026-03-01', until: '2027-03-01' }), {
    ok: true,
  });
  const over = checkControlUntil({ assetType: 'deposit', startOn: '2026-03-01', until: '2027-03-02' });
  assert.equal(over.ok, false);
  assert.equal(over.ok === false && over.problem, 'pastLimit');
  assert.equal(over.ok === false && over.maxUntil, '2027-03-01');
  const backwards = checkControlUntil({
    assetType: 'realEstate',
    startOn: '2026-03-01',
    until: '2026-03-01',
  });
  assert.equal(backwards.ok === false && backwards.problem, 'notAfterStart');
});

test('a renewal runs at most the same period again from the old expiry, and only before it', () => {
  const base = { assetType: 'deposit' as const, currentUntil: '2027-03-01' };
  assert.deepEqual(checkRenewalUntil({ ...base, today: '2027-02-20', until: '2028-03-01' }), { ok: true });
  const tooLong = checkRenewalUntil({ ...base, today: '2027-02-20', until: '2028-03-02' });
  assert.equal(tooLong.ok === false && tooLong.problem, 'pastLimit');
  const late = checkRenewalUntil({ ...base, today: '2027-03-02', until: '2027-12-01' });
  assert.equal(late.ok === false && late.problem, 'expired');
});

test('property: any accepted period is within the statutory years', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...assetTypeValues),
      fc.integer({ min: 0, max: 3650 }),
      fc.integer({ min: -10, max: 1500 }),
      (assetType, startOffset, length) => {
        const start = new Date(Date.UTC(2024, 0, 1) + startOffset * 86_400_000).toISOString().slice(0, 10);
        const until = new Date(Date.parse(`${start}T00:00:00Z`) + length * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const check = checkControlUntil({ assetType, startOn: start, until });
        if (check.ok) {
          assert.ok(until > start);
          assert.ok(until <= maxUntilOf(assetType, start));
          assert.ok(length <= controlPeriodYearsOf(assetType) * 366);
        } else {
          assert.ok(until <= start || until > maxUntilOf(assetType, start));
        }
      },
    ),
  );
});

test('(practice) warnings start 15 days before expiry', () => {
  assert.equal(expiryWarningDays, 15);
  assert.equal(isExpiringSoon('2026-03-16', '2026-03-01'), true);
  assert.equal(isExpiringSoon('2026-03-17', '2026-03-01'), false);
  assert.equal(isExpiringSoon('2026-02-28', '2026-03-01'), false);
});
