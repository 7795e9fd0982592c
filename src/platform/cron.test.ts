import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findLatestSlot, isCronDue, parseCron } from './cron.ts';

test('cron runs in China time (UTC+8)', () => {
  const daily = parseCron('0 2 * * *');
  // 02:00 in Shanghai is 18:00 UTC the day before.
  assert.equal(isCronDue(daily, Date.parse('2026-03-01T18:00:00Z')), true);
  assert.equal(isCronDue(daily, Date.parse('2026-03-02T02:00:00Z')), false);
  const slot = findLatestSlot(daily, new Date('2026-03-02T05:30:12Z'), 86400_000);
  assert.equal(slot?.toISOString(), '2026-03-01T18:00:00.000Z');
});

test('ranges, lists, steps and day-of-week 7', () => {
  const s = parseCron('*/15 9-17 * * 1-5');
  assert.deepEqual([...s.minutes], [0, 15, 30, 45]);
  assert.equal(s.hours.size, 9);
  assert.ok(parseCron('0 0 * * 7').daysOfWeek.has(0));
  assert.deepEqual([...parseCron('5,10 * * * *').minutes], [5, 10]);
  // 2026-03-07 is a Saturday in Shanghai.
  assert.equal(isCronDue(s, Date.parse('2026-03-07T02:15:00Z')), false);
  assert.equal(isCronDue(s, Date.parse('2026-03-06T02:15:00Z')), true);
});

test('either restricted day field matches, as in classic cron', () => {
  const s = parseCron('0 0 1 * 1');
  assert.equal(isCronDue(s, Date.parse('2026-03-31T16:00:00Z')), true); // 1 April, a Wednesday
  assert.equal(isCronDue(s, Date.parse('2026-03-01T16:00:00Z')), true); // 2 March, a Monday
  assert.equal(isCronDue(s, Date.parse('2026-03-02T16:00:00Z')), false);
});

test('bad expressions are refused', () => {
  for (const bad of ['* * * *', '60 * * * *', '* 24 * * *', 'a * * * *', '*/0 * * * *', '5-1 * * * *']) {
    assert.throws(() => parseCron(bad), /cron/, bad);
  }
});

test('the latest slot is at or before now, inside the look-back, and due', () => {
  const s = parseCron('*/7 * * * *');
  fc.assert(
    fc.property(fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }), (t) => {
      const slot = findLatestSlot(s, new Date(t), 3600_000);
      assert.ok(slot);
      assert.ok(slot.getTime() <= t && slot.getTime() > t - 3600_000);
      assert.ok(isCronDue(s, slot.getTime()));
      for (let m = slot.getTime() + 60_000; m <= t; m += 60_000) assert.equal(isCronDue(s, m), false);
    }),
  );
});
