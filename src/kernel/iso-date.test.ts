import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  chinaDateOf,
  compareIsoDates,
  dayOfWeek,
  formatChinaDateTime,
  fromDayNumber,
  isIsoDate,
  parseIsoDate,
  startOfChinaDate,
  toDayNumber,
} from './iso-date.ts';

test('parseIsoDate accepts real dates only', () => {
  assert.deepEqual(parseIsoDate('2024-02-29'), { year: 2024, month: 2, day: 29 });
  assert.equal(parseIsoDate('2023-02-29'), null);
  assert.equal(parseIsoDate('1900-02-29'), null);
  assert.deepEqual(parseIsoDate('2000-02-29'), { year: 2000, month: 2, day: 29 });
  assert.equal(parseIsoDate('2026-13-01'), null);
  assert.equal(parseIsoDate('2026-04-31'), null);
  assert.equal(parseIsoDate('2026-4-1'), null);
  assert.equal(parseIsoDate('2026-04-01T00:00:00Z'), null);
  assert.equal(isIsoDate('2026-00-10'), false);
});

test('isIsoDate: real dates from 1900 to 2199 only (PostgreSQL has no year 0)', () => {
  assert.equal(isIsoDate('0000-01-01'), false);
  assert.equal(isIsoDate('1899-12-31'), false);
  assert.equal(isIsoDate('1900-01-01'), true);
  assert.equal(isIsoDate('2199-12-31'), true);
  assert.equal(isIsoDate('2200-01-01'), false);
  assert.equal(isIsoDate('2026-02-30'), false);
  assert.equal(isIsoDate('2026-13-01'), false);
});

test('formatChinaDateTime and startOfChinaDate use UTC+8 whatever the host zone', () => {
  assert.equal(formatChinaDateTime('2026-03-01T15:59:00Z'), '2026-03-01 23:59');
  assert.equal(formatChinaDateTime(new Date('2026-03-01T16:05:00Z')), '2026-03-02 00:05');
  assert.equal(startOfChinaDate('2026-03-02').toISOString(), '2026-03-01T16:00:00.000Z');
  assert.equal(chinaDateOf(startOfChinaDate('2026-03-02')), '2026-03-02');
});

test('day numbers agree with the UTC calendar', () => {
  assert.equal(toDayNumber('1970-01-01'), 0);
  assert.equal(fromDayNumber(0), '1970-01-01');
  assert.equal(fromDayNumber(-1), '1969-12-31');
  const day = fc.integer({ min: -30_000, max: 100_000 });
  fc.assert(
    fc.property(day, (n) => {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      return fromDayNumber(n) === iso && toDayNumber(iso) === n;
    }),
  );
});

test('malformed dates are programming errors', () => {
  assert.throws(() => toDayNumber('2026-02-30'), RangeError);
  assert.throws(() => addCalendarDays('2026-01-01', 1.5), RangeError);
});

test('dayOfWeek: 2026-10-01 is a Thursday', () => {
  assert.equal(dayOfWeek('2026-10-01'), 4);
  assert.equal(dayOfWeek('1970-01-04'), 0);
  assert.equal(dayOfWeek('1969-12-31'), 3);
});

test('calendar days add and subtract', () => {
  assert.equal(addCalendarDays('2026-02-28', 1), '2026-03-01');
  assert.equal(addCalendarDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addCalendarDays('2026-01-01', -1), '2025-12-31');
  assert.equal(calendarDaysBetween('2026-01-01', '2026-12-31'), 364);
  assert.ok(compareIsoDates('2026-01-02', '2026-01-01') > 0);
  assert.equal(compareIsoDates('2026-01-02', '2026-01-02'), 0);
});

test('addMonths keeps the day or clamps to the end of the month', () => {
  // SPC 2014 reply: filed 2014-05-28, three months end on 2014-08-28
  assert.equal(addMonths('2014-05-28', 3), '2014-08-28');
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
  assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
  assert.equal(addMonths('2026-11-15', 2), '2027-01-15');
});

test('addMonths never overshoots the target month', () => {
  const date = fc.integer({ min: 0, max: 60_000 }).map(fromDayNumber);
  fc.assert(
    fc.property(date, fc.integer({ min: -240, max: 240 }), (d, n) => {
      const out = addMonths(d, n);
      const [y, m] = d.split('-').map(Number);
      const [oy, om] = out.split('-').map(Number);
      return (oy ?? 0) * 12 + (om ?? 0) - ((y ?? 0) * 12 + (m ?? 0)) === n;
    }),
  );
});

test('chinaDateOf is the date in UTC+8', () => {
  assert.equal(chinaDateOf(new Date('2026-03-01T15:59:59Z')), '2026-03-01');
  assert.equal(chinaDateOf(new Date('2026-03-01T16:00:00Z')), '2026-03-02');
  assert.equal(chinaDateOf(new Date('2025-12-31T16:30:00Z')), '2026-01-01');
  assert.throws(() => chinaDateOf(new Date('nonsense')), RangeError);
});
