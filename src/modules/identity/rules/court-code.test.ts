import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidCourtCode } from './court-code.ts';

test('court codes follow the level (案号规定 2015)', () => {
  assert.equal(isValidCourtCode('最高法', 'supreme'), true);
  assert.equal(isValidCourtCode('浙', 'high'), true);
  assert.equal(isValidCourtCode('兵', 'high'), true);
  assert.equal(isValidCourtCode('浙01', 'intermediate'), true);
  assert.equal(isValidCourtCode('浙72', 'intermediate'), true);
  assert.equal(isValidCourtCode('浙0106', 'basic'), true);
  assert.equal(isValidCourtCode('浙0106', 'intermediate'), false);
  assert.equal(isValidCourtCode('浙01', 'basic'), false);
  assert.equal(isValidCourtCode('X01', 'intermediate'), false);
  assert.equal(isValidCourtCode('浙', 'supreme'), false);
  assert.equal(isValidCourtCode('浙00', 'intermediate'), false);
});
