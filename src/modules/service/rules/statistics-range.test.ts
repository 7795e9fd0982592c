import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysOf, defaultStatisticsDays, longestStatisticsDays, statisticsRange } from './statistics-range.ts';

test('by default the last 30 days to today', () => {
  assert.equal(defaultStatisticsDays, 30);
  assert.deepEqual(statisticsRange({}, '2026-12-08'), {
    ok: true,
    value: { from: '2026-11-09', to: '2026-12-08' },
  });
  assert.equal(daysOf({ from: '2026-11-09', to: '2026-12-08' }).length, 30);
  assert.deepEqual(statisticsRange({ to: '2026-03-01' }, '2026-12-08'), {
    ok: true,
    value: { from: '2026-01-31', to: '2026-03-01' },
  });
});

test('a period runs forwards and covers at most 366 days', () => {
  assert.equal(longestStatisticsDays, 366);
  const backwards = statisticsRange({ from: '2026-12-09', to: '2026-12-08' }, '2026-12-08');
  assert.equal(backwards.ok ? null : backwards.code, 'from');
  // 2024 is a leap year: 2024-01-01 … 2024-12-31 is 366 days; one more is too many.
  assert.equal(statisticsRange({ from: '2024-01-01', to: '2024-12-31' }, '2026-12-08').ok, true);
  const tooLong = statisticsRange({ from: '2023-12-31', to: '2024-12-31' }, '2026-12-08');
  assert.equal(tooLong.ok ? null : tooLong.code, 'to');
  assert.deepEqual(daysOf({ from: '2026-02-27', to: '2026-03-02' }), [
    '2026-02-27',
    '2026-02-28',
    '2026-03-01',
    '2026-03-02',
  ]);
});
