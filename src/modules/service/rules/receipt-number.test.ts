import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatReceiptNumber } from './receipt-number.ts';

test('a receipt number reads like a case number of the court and year, with its own running number', () => {
  assert.equal(
    formatReceiptNumber({ year: 2026, courtCode: '浙0106', sequence: 12 }),
    '（2026）浙0106执事收12号',
  );
  assert.equal(formatReceiptNumber({ year: 2027, courtCode: '浙01', sequence: 1 }), '（2027）浙01执事收1号');
  assert.throws(() => formatReceiptNumber({ year: 2026, courtCode: '浙0106', sequence: 0 }), RangeError);
});
