import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CourtLevel,
  childCourtLevels,
  courtCodeLevelOf,
  isValidCourtCode,
  provinceAbbreviations,
} from './court-code.ts';

test('court codes by level (案号规定 2015)', () => {
  // 案号规定: 31 provinces + 军 + 兵
  assert.equal(provinceAbbreviations.length, 33);
  assert.ok(isValidCourtCode('最高法', CourtLevel.supreme));
  assert.ok(isValidCourtCode('浙', CourtLevel.high));
  assert.ok(isValidCourtCode('军', CourtLevel.high));
  assert.ok(isValidCourtCode('兵', CourtLevel.high));
  assert.ok(isValidCourtCode('浙01', CourtLevel.intermediate));
  assert.ok(isValidCourtCode('浙72', CourtLevel.intermediate));
  assert.ok(isValidCourtCode('京73', CourtLevel.intermediate));
  assert.ok(isValidCourtCode('浙0106', CourtLevel.basic));
  assert.ok(isValidCourtCode('鄂9004', CourtLevel.basic));
  assert.ok(!isValidCourtCode('浙0106', CourtLevel.intermediate));
  assert.ok(!isValidCourtCode('浙01', CourtLevel.basic));
  assert.ok(!isValidCourtCode('X01', CourtLevel.intermediate));
  assert.ok(!isValidCourtCode('浙', CourtLevel.supreme));
  assert.ok(!isValidCourtCode('浙', CourtLevel.intermediate));
  assert.ok(!isValidCourtCode('最高法', CourtLevel.high));
  assert.ok(!isValidCourtCode('港', CourtLevel.high));
  assert.ok(!isValidCourtCode('浙00', CourtLevel.intermediate));
  assert.ok(!isValidCourtCode('浙001', CourtLevel.basic));
  assert.equal(courtCodeLevelOf('浙０１'), null);
});

test('a city code (浙0100) or a province code with digits (浙0006) is no basic court', () => {
  assert.equal(courtCodeLevelOf('浙0100'), null);
  assert.equal(courtCodeLevelOf('浙0006'), null);
  assert.ok(!isValidCourtCode('浙0100', CourtLevel.basic));
  assert.ok(!isValidCourtCode('浙0100', CourtLevel.detachedTribunal));
});

test('a detached tribunal carries a basic court code', () => {
  assert.ok(isValidCourtCode('浙0106', CourtLevel.detachedTribunal));
  assert.ok(!isValidCourtCode('浙01', CourtLevel.detachedTribunal));
});

test('the court tree: SPC → high → intermediate → basic → detached tribunal', () => {
  assert.deepEqual(childCourtLevels.supreme, ['high']);
  assert.deepEqual(childCourtLevels.basic, ['detachedTribunal']);
  assert.deepEqual(childCourtLevels.detachedTribunal, []);
});
