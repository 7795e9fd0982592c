import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  aidCapFen,
  aidCapMonths,
  applyRecovery,
  barsNewApplication,
  checkApplicant,
  checkApprovedAmount,
  decisionDueOn,
  decisionWorkingDays,
  demoMonthlyWageFen,
} from './judicial-aid.ts';

test('意见 part 3: at most 36 months of the monthly wage, and never more than what is outstanding', () => {
  assert.equal(aidCapMonths, 36);
  // 8,000 yuan a month: 288,000 yuan.
  assert.equal(aidCapFen(800_000, 100_000_000), 28_800_000);
  assert.equal(aidCapFen(800_000, 5_000_000), 5_000_000);
  assert.equal(aidCapFen(demoMonthlyWageFen, 100_000_000), 36 * demoMonthlyWageFen);
  assert.equal(aidCapFen(800_000, -1), 0);
});

test('an approval is a positive amount within the cap, the refusal naming the cap', () => {
  assert.deepEqual(checkApprovedAmount(28_800_000, 28_800_000), { ok: true });
  const over = checkApprovedAmount(28_800_001, 28_800_000);
  assert.equal(over.ok, false);
  assert.equal(!over.ok && over.path, 'amountFen');
  assert.match(!over.ok ? over.zh : '', /288,000\.00元/);
  assert.equal(checkApprovedAmount(0, 100).ok, false);
  assert.equal(checkApprovedAmount(1.5, 100).ok, false);
});

test('意见 part 2: aid is for a natural person in hardship with something still outstanding', () => {
  assert.deepEqual(checkApplicant('natural', 1), { ok: true });
  assert.equal(checkApplicant('legal', 1).ok, false);
  assert.equal(checkApplicant('natural', 0).ok, false);
});

test('(practice) decided within 10 working days of filing, holidays skipped', () => {
  assert.equal(decisionWorkingDays, 10);
  // Monday 2026-03-02 + 10 working days = Monday 2026-03-16.
  assert.equal(decisionDueOn('2026-03-02'), '2026-03-16');
  // Filed Monday 2026-09-28: 09-29, 09-30, the National Day holiday to 10-07, then 10-08, 10-09,
  // the make-up Saturday 10-10, 10-12 … 10-16.
  assert.equal(decisionDueOn('2026-09-28'), '2026-10-16');
});

test('money recovered after the aid repays the aid first, then the applicant', () => {
  assert.deepEqual(applyRecovery(500_000, 2_000_000), { toAidFundFen: 500_000, toApplicantFen: 0 });
  assert.deepEqual(applyRecovery(3_000_000, 2_000_000), {
    toAidFundFen: 2_000_000,
    toApplicantFen: 1_000_000,
  });
  assert.deepEqual(applyRecovery(3_000_000, 0), { toAidFundFen: 0, toApplicantFen: 3_000_000 });
  fc.assert(
    fc.property(fc.nat(10 ** 12), fc.nat(10 ** 12), (recovered, aid) => {
      const split = applyRecovery(recovered, aid);
      return (
        split.toAidFundFen + split.toApplicantFen === recovered &&
        split.toAidFundFen <= aid &&
        split.toAidFundFen >= 0
      );
    }),
  );
});

test('意见 (一次性救助): one aid per party per case, unless the earlier one was rejected', () => {
  assert.equal(barsNewApplication('pending'), true);
  assert.equal(barsNewApplication('approved'), true);
  assert.equal(barsNewApplication('paid'), true);
  assert.equal(barsNewApplication('rejected'), false);
});
