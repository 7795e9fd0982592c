import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { leadingZeroBits, parseSolution } from './proof-of-work.ts';

test('leading zero bits of a hex digest', () => {
  assert.equal(leadingZeroBits('ffff'), 0);
  assert.equal(leadingZeroBits('7fff'), 1);
  assert.equal(leadingZeroBits('0fff'), 4);
  assert.equal(leadingZeroBits('0001'), 15);
  assert.equal(leadingZeroBits('0000'), 16);
});

test('leading zero bits agree with the binary expansion of any digest', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 4, maxLength: 32 }), (bytes) => {
      const hex = Buffer.from(bytes).toString('hex');
      const binary = [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');
      const expected = binary.indexOf('1') === -1 ? binary.length : binary.indexOf('1');
      assert.equal(leadingZeroBits(hex), expected);
    }),
  );
});

test('a solution is challenge:nonce, and one solved by brute force checks out', () => {
  assert.equal(parseSolution('abc'), null);
  assert.equal(parseSolution('abc:'), null);
  assert.equal(parseSolution('abc:x y'), null);
  assert.deepEqual(parseSolution('a:b:42'), { challenge: 'a:b', nonce: '42' });
  let nonce = 0;
  const digest = (n: number) => createHash('sha256').update(`c1:${n}`).digest('hex');
  while (leadingZeroBits(digest(nonce)) < 8) nonce++;
  assert.ok(leadingZeroBits(digest(nonce)) >= 8);
});
