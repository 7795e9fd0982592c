import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerDueOn, answerPeriods } from './requests.ts';

test('a clue is verified within 7 days, 3 if urgent (财产调查规定 art. 2)', () => {
  assert.equal(answerPeriods.clue.days, 7);
  assert.equal(answerDueOn('clue', '2026-03-02'), '2026-03-09');
  assert.equal(answerDueOn('clue', '2026-03-02', { isUrgent: true }), '2026-03-05');
});

test('a reward notice or audit is decided within 10 days; an order within 3; a listing within 15', () => {
  assert.equal(answerDueOn('rewardNotice', '2026-03-02'), '2026-03-12');
  assert.equal(answerDueOn('audit', '2026-03-02'), '2026-03-12');
  assert.equal(answerDueOn('investigationOrder', '2026-03-02'), '2026-03-05');
  assert.equal(answerDueOn('dishonestListing', '2026-03-02'), '2026-03-17');
  assert.equal(answerDueOn('objection', '2026-03-02'), '2026-03-17');
  assert.equal(answerDueOn('correction', '2026-03-02'), '2026-03-17');
  assert.equal(answerDueOn('restoration', '2026-03-02'), '2026-03-09');
});

test('a message is answered within 3 working days: over a weekend and the National Day holiday', () => {
  // Friday 2026-03-06 → Mon, Tue, Wed
  assert.equal(answerDueOn('message', '2026-03-06'), '2026-03-11');
  // 2026-09-30: 10-01…10-07 are holidays; 10-08, 10-09 and the make-up Saturday 10-10 count
  assert.equal(answerDueOn('message', '2026-09-30'), '2026-10-10');
});
