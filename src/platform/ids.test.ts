import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isUuid, timeOrderedUuid } from './ids.ts';

test('a time-ordered UUID is a version-7, variant-10 UUID carrying its millisecond', () => {
  const id = timeOrderedUuid(Date.UTC(2026, 11, 7, 4, 0, 0));
  assert.ok(isUuid(id));
  assert.equal(id[14], '7', 'version 7');
  assert.match(id[19] ?? '', /[89ab]/, 'variant 10');
  const ms = Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
  assert.ok(ms >= Date.UTC(2026, 11, 7, 4, 0, 0));
});

test('ids made one after another sort in the order they were made, even within a millisecond', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 6000 }), (steps) => {
      // A clock that stands still or moves forward by a few milliseconds (or, once, backwards).
      let now = Date.UTC(2030, 0, 1);
      const ids = steps.map((s, i) => {
        now += i === 3 ? -2 : s;
        return timeOrderedUuid(now);
      });
      for (let i = 1; i < ids.length; i++) assert.ok((ids[i - 1] ?? '') < (ids[i] ?? ''), `${i}`);
    }),
    { numRuns: 50 },
  );
});
