import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasControlCharacters } from './free-text.ts';

test('control characters are found; ordinary Chinese and English text passes', () => {
  assert.equal(hasControlCharacters('被执行人已履行 / performed'), false);
  assert.equal(hasControlCharacters('a\u0000b'), true);
  assert.equal(hasControlCharacters('a\u007fb'), true);
  assert.equal(hasControlCharacters('a\u001bb'), true);
});

test('line breaks and tabs are allowed only in multi-line fields', () => {
  assert.equal(hasControlCharacters('第一行\n第二行\t尾', { allowLineBreaks: true }), false);
  assert.equal(hasControlCharacters('第一行\r\n第二行'), true);
  assert.equal(hasControlCharacters('x\u0007y', { allowLineBreaks: true }), true);
});
