import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arabicChineseDate, chineseDate } from './chinese-date.ts';

test('the foot date is written in words, the year digit by digit', () => {
  assert.equal(chineseDate('2026-12-07'), '二〇二六年十二月七日');
  assert.equal(chineseDate('2020-10-20'), '二〇二〇年十月二十日');
  assert.equal(chineseDate('2019-01-31'), '二〇一九年一月三十一日');
  assert.equal(chineseDate('2024-02-19'), '二〇二四年二月十九日');
});

test('the body date keeps arabic numerals without leading zeros', () => {
  assert.equal(arabicChineseDate('2026-03-05'), '2026年3月5日');
});
