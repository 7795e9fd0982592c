import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatYuan, splitFenProRata, yuanToFen } from './money.ts';

test('formatYuan groups the yuan and keeps two decimals', () => {
  assert.equal(formatYuan(0), '0.00');
  assert.equal(formatYuan(5), '0.05');
  assert.equal(formatYuan(999_999), '9,999.99');
  assert.equal(formatYuan(123_456_789), '1,234,567.89');
  assert.equal(formatYuan(-1050), '-10.50');
  assert.throws(() => formatYuan(1.5), RangeError);
});

test('yuanToFen reads what people type', () => {
  assert.equal(yuanToFen('1234.5'), 123_450);
  assert.equal(yuanToFen('1,234.56'), 123_456);
  assert.equal(yuanToFen(' 7 '), 700);
  assert.equal(yuanToFen(0.1), 10);
  assert.equal(yuanToFen('1.234'), null);
  assert.equal(yuanToFen('-1'), null);
  assert.equal(yuanToFen('abc'), null);
  assert.equal(yuanToFen(null), null);
});

test('property: formatYuan and yuanToFen round-trip every non-negative amount', () => {
  fc.assert(fc.property(fc.maxSafeNat(), (fen) => yuanToFen(formatYuan(fen)) === fen));
});

test('property: a pro-rata split sums to the total, each part within one fen of its exact share', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 1e12 }),
      fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 20 }),
      (total, weights) => {
        const parts = splitFenProRata(total, weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        if (sum === 0) return parts.every((p) => p === 0);
        if (parts.reduce((a, b) => a + b, 0) !== total) return false;
        return parts.every((p, i) => Math.abs(p - (total * (weights[i] ?? 0)) / sum) < 1 + 1e-6);
      },
    ),
  );
});
