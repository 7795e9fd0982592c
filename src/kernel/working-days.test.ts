import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addCalendarDays, addMonths, chinaDateOf, fromDayNumber, toDayNumber } from './iso-date.ts';
import {
  addWorkingDays,
  isCalendarPublished,
  isWorkingDay,
  publishedCalendarYears,
  rollForwardToWorkingDay,
  workingDaysBetween,
} from './working-days.ts';

test('the official calendar: holidays off, make-up weekends on (2026 notice)', () => {
  // 国庆节 2026: 10月1日至7日放假，9月20日（周日）、10月10日（周六）上班
  assert.equal(isWorkingDay('2026-10-01'), false);
  assert.equal(isWorkingDay('2026-10-07'), false);
  assert.equal(isWorkingDay('2026-10-08'), true);
  assert.equal(isWorkingDay('2026-09-20'), true);
  assert.equal(isWorkingDay('2026-10-10'), true);
  // 春节 2026: 2月15日至23日放假，2月14日（周六）、2月28日（周六）上班
  assert.equal(isWorkingDay('2026-02-16'), false);
  assert.equal(isWorkingDay('2026-02-14'), true);
  assert.equal(isWorkingDay('2026-02-28'), true);
  // an ordinary weekend and weekday
  assert.equal(isWorkingDay('2026-03-07'), false);
  assert.equal(isWorkingDay('2026-03-09'), true);
});

test('the published range starts in 2004; beyond it Monday–Friday are working days', () => {
  const { first, last } = publishedCalendarYears();
  assert.equal(first, 2004);
  assert.ok(last >= 2026);
  assert.equal(isCalendarPublished(last), true);
  assert.equal(isCalendarPublished(last + 1), false);
  assert.equal(isCalendarPublished(2003), false);
  const beyond = last + 1;
  const jan1 = `${beyond}-01-01`;
  // New Year's Day of an unpublished year counts as a working day when it falls Monday–Friday
  const weekdayOfJan1 = (((toDayNumber(jan1) + 4) % 7) + 7) % 7;
  assert.equal(isWorkingDay(jan1), weekdayOfJan1 >= 1 && weekdayOfJan1 <= 5);
});

test('addWorkingDays skips holidays and counts make-up days', () => {
  assert.equal(addWorkingDays('2026-09-30', 1), '2026-10-08');
  assert.equal(addWorkingDays('2026-10-08', 2), '2026-10-10');
  assert.equal(addWorkingDays('2026-10-08', -1), '2026-09-30');
  assert.equal(addWorkingDays('2026-10-03', 0), '2026-10-03');
  // 失信规定 art. 10: delete within 3 working days — decided Thursday 2026-09-24, 25–27 are 中秋 holidays
  assert.equal(addWorkingDays('2026-09-24', 3), '2026-09-30');
  assert.throws(() => addWorkingDays('2026-09-24', 1.5), RangeError);
});

test('workingDaysBetween counts days after `from` up to and including `to`, signed', () => {
  assert.equal(workingDaysBetween('2026-09-30', '2026-10-10'), 3);
  assert.equal(workingDaysBetween('2026-10-10', '2026-09-30'), -3);
  assert.equal(workingDaysBetween('2026-10-02', '2026-10-02'), 0);
  assert.equal(workingDaysBetween('2026-10-01', '2026-10-07'), 0);
});

const anyDate = fc
  .integer({ min: toDayNumber('2004-01-01'), max: toDayNumber('2030-12-31') })
  .map(fromDayNumber);

test('property: counting back what was added gives n', () => {
  fc.assert(
    fc.property(
      anyDate,
      fc.integer({ min: 0, max: 300 }),
      (d, n) => workingDaysBetween(d, addWorkingDays(d, n)) === n,
    ),
  );
});

test('property: workingDaysBetween is antisymmetric and additive', () => {
  fc.assert(
    fc.property(anyDate, anyDate, anyDate, (a, b, c) => {
      const ab = workingDaysBetween(a, b);
      return ab === -workingDaysBetween(b, a) && ab + workingDaysBetween(b, c) === workingDaysBetween(a, c);
    }),
  );
});

test('property: addWorkingDays lands on a working day and is monotonic', () => {
  fc.assert(
    fc.property(anyDate, fc.integer({ min: 1, max: 200 }), (d, n) => {
      const out = addWorkingDays(d, n);
      return isWorkingDay(out) && out > d && addWorkingDays(d, n + 1) > out;
    }),
  );
});

test('rollForwardToWorkingDay', () => {
  assert.equal(rollForwardToWorkingDay('2026-10-01'), '2026-10-08');
  assert.equal(rollForwardToWorkingDay('2026-10-08'), '2026-10-08');
  assert.equal(rollForwardToWorkingDay('2026-10-10'), '2026-10-10');
});

test('calendar helpers are re-exported', () => {
  assert.equal(addCalendarDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
  assert.equal(chinaDateOf(new Date('2026-09-30T16:00:00Z')), '2026-10-01');
});
