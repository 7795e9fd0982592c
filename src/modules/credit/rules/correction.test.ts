import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  correctionDueOn,
  correctionGrounds,
  correctionReviewDays,
  correctionReviewDueOn,
  correctionWorkingDays,
  higherReviewDays,
  higherReviewDueOn,
  higherReviewRequestDays,
  higherReviewRequestDueOn,
  outcomeOfUpheldCorrection,
} from './correction.ts';

test('失信规定 art. 11: three grounds for a correction request', () => {
  assert.deepEqual(Object.keys(correctionGrounds), [
    'wronglyListed',
    'wrongInformation',
    'shouldHaveBeenDeleted',
  ]);
  assert.equal(outcomeOfUpheldCorrection('wronglyListed'), 'revoke');
  assert.equal(outcomeOfUpheldCorrection('wrongInformation'), 'correct');
  assert.equal(outcomeOfUpheldCorrection('shouldHaveBeenDeleted'), 'delete');
});

test('art. 11: reviewed within 15 days; a well-founded request corrected within 3 working days', () => {
  assert.equal(correctionReviewDays, 15);
  assert.equal(correctionReviewDueOn('2026-06-01'), '2026-06-16');
  assert.equal(correctionWorkingDays, 3);
  // Friday 2026-06-05: Mon 8, Tue 9, Wed 10
  assert.equal(correctionDueOn('2026-06-05'), '2026-06-10');
});

test('art. 12: a rejection may go to the higher court within 10 days, decided within 15 days', () => {
  assert.equal(higherReviewRequestDays, 10);
  assert.equal(higherReviewRequestDueOn('2026-06-16'), '2026-06-26');
  assert.equal(higherReviewDays, 15);
  assert.equal(higherReviewDueOn('2026-06-20'), '2026-07-05');
});
