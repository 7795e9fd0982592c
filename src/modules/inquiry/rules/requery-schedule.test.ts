import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  nextRequeryRound,
  requeryDueOn,
  requeryIntervalMonths,
  requeryRoundCount,
  requeryYears,
} from './requery-schedule.ts';

test('终本规定 art. 9: every 6 months for 5 years, ten rounds', () => {
  assert.equal(requeryIntervalMonths, 6);
  assert.equal(requeryYears, 5);
  assert.equal(requeryRoundCount, 10);
  assert.equal(requeryDueOn('2026-01-31', 1), '2026-07-31');
  assert.equal(requeryDueOn('2026-08-31', 1), '2027-02-28');
  assert.equal(requeryDueOn('2026-01-15', 10), '2031-01-15');
  assert.deepEqual(nextRequeryRound('2026-01-15', 0), { round: 1, dueOn: '2026-07-15' });
  assert.equal(nextRequeryRound('2026-01-15', 10), null);
  assert.throws(() => requeryDueOn('2026-01-15', 11), RangeError);
});
