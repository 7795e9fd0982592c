import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addCalendarDays, compareIsoDates } from '../../../kernel/index.ts';
import { indicatorRules, ratioOf, splitByMonth, windowOf } from './indicators.ts';

test('the targets of DOMAIN §10: 90%, 90%, 90%, 80%', () => {
  assert.equal(indicatorRules.assetCasesConcluded.target, 0.9);
  assert.equal(indicatorRules.terminationQualified.target, 0.9);
  assert.equal(indicatorRules.petitionsConcluded.target, 0.9);
  assert.equal(indicatorRules.overallConcluded.target, 0.8);
});

test('a period is read up to today; the overall rate over the three years up to its end', () => {
  assert.deepEqual(windowOf('assetCasesConcluded', { from: '2025-01-01', to: '2025-12-31' }, '2025-06-30'), {
    from: '2025-01-01',
    to: '2025-06-30',
  });
  assert.deepEqual(windowOf('overallConcluded', { from: '2025-06-01', to: '2025-06-30' }, '2026-01-01'), {
    from: '2022-07-01',
    to: '2025-06-30',
  });
  assert.equal(windowOf('petitionsConcluded', { from: '2026-02-01', to: '2026-03-01' }, '2026-01-15'), null);
});

test('nothing counted has no value (neither met nor missed)', () => {
  assert.equal(ratioOf(0, 0), null);
  assert.equal(ratioOf(9, 10), 0.9);
});

test('whole months and partial edges cover a window exactly once', () => {
  assert.deepEqual(splitByMonth({ from: '2025-01-01', to: '2025-12-31' }), {
    fromMonth: '2025-01-01',
    toMonth: '2025-12-01',
    edges: [],
  });
  assert.deepEqual(splitByMonth({ from: '2025-01-15', to: '2025-03-10' }), {
    fromMonth: '2025-02-01',
    toMonth: '2025-02-01',
    edges: [
      { from: '2025-01-15', to: '2025-01-31' },
      { from: '2025-03-01', to: '2025-03-10' },
    ],
  });
  assert.deepEqual(splitByMonth({ from: '2025-02-03', to: '2025-02-20' }), {
    fromMonth: null,
    toMonth: null,
    edges: [{ from: '2025-02-03', to: '2025-02-20' }],
  });
  const day = fc.integer({ min: 0, max: 2000 }).map((n) => addCalendarDays('2020-01-01', n));
  fc.assert(
    fc.property(day, day, (a, b) => {
      const [from, to] = compareIsoDates(a, b) <= 0 ? [a, b] : [b, a];
      const split = splitByMonth({ from, to });
      // Every day of the window is in exactly one part.
      for (let d = from; compareIsoDates(d, to) <= 0; d = addCalendarDays(d, 1)) {
        const inEdges = split.edges.filter(
          (e) => compareIsoDates(e.from, d) <= 0 && compareIsoDates(d, e.to) <= 0,
        ).length;
        const month = `${d.slice(0, 8)}01`;
        const inMonths =
          split.fromMonth !== null &&
          split.toMonth !== null &&
          month >= split.fromMonth &&
          month <= split.toMonth
            ? 1
            : 0;
        if (inEdges + inMonths !== 1) return false;
      }
      // And nothing outside it.
      return (
        split.fromMonth === null || (split.fromMonth >= `${from.slice(0, 8)}01` && split.fromMonth >= from)
      );
    }),
    { numRuns: 200 },
  );
});
