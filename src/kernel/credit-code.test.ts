import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  computeCreditCodeCheckChar,
  computeOrgCodeCheckChar,
  makeCreditCode,
  validateCreditCode,
} from './credit-code.ts';

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

test('published codes of real companies validate', () => {
  // Tencent Technology (Shenzhen) and Huawei Technologies, as on their business licences
  for (const code of ['9144030071526726XG', '914403001922038216']) {
    assert.deepEqual(validateCreditCode(code), { ok: true, value: code });
  }
});

test('GB 32100 check: 31 − (Σ value × weight mod 31), 31 → 0', () => {
  // weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 over 9144030071526726X:
  // Σ = 1782, 1782 mod 31 = 15, 31 − 15 = 16, and the symbol of value 16 is G
  assert.equal(computeCreditCodeCheckChar('9144030071526726X'), 'G');
  assert.equal(computeCreditCodeCheckChar('91440300192203821'), '6');
  // a sum divisible by 31 gives 31, which maps to 0
  assert.equal(computeCreditCodeCheckChar('00000000000000000'), '0');
  assert.throws(() => computeCreditCodeCheckChar('9144030071526726I'), RangeError);
});

test('GB 11714 check: 11 − (Σ value × weight mod 11), 10 → X, 11 → 0', () => {
  // weights 3 7 9 10 5 8 4 2 over 71526726: Σ = 199, 199 mod 11 = 1, 11 − 1 = 10 → X
  assert.equal(computeOrgCodeCheckChar('71526726'), 'X');
  assert.equal(computeOrgCodeCheckChar('19220382'), '1');
  assert.equal(computeOrgCodeCheckChar('00000000'), '0');
  // letters count 10–35: A·3 = 30, 30 mod 11 = 8, 11 − 8 = 3
  assert.equal(computeOrgCodeCheckChar('A0000000'), '3');
});

test('lower case is accepted and normalised', () => {
  assert.deepEqual(validateCreditCode(' 9144030071526726xg '), { ok: true, value: '9144030071526726XG' });
});

test('specific reasons', () => {
  const codeOf = (s: string) => {
    const r = validateCreditCode(s);
    return r.ok ? 'ok' : r.code;
  };
  assert.equal(codeOf('9144030071526726X'), 'length');
  assert.equal(codeOf('9144030071526726IG'), 'characters');
  assert.equal(codeOf('9144030O71526726XG'), 'characters');
  assert.equal(codeOf(makeCreditCode('91', '440300', '71526726').replace('440300', '4403A0')), 'division');
  assert.equal(codeOf('914403007152672610'), 'orgCheckChar');
  assert.equal(codeOf('9144030071526726XH'), 'checkChar');
  const r = validateCreditCode('9144030071526726XH');
  if (!r.ok) assert.equal(r.reason.zh, '校验位错误，应为 G');
  const org = validateCreditCode('914403007152672610');
  if (!org.ok) assert.match(org.reason.zh, /第17位应为 X/);
});

test('makeCreditCode fills both check characters', () => {
  assert.equal(makeCreditCode('91', '440300', '71526726'), '9144030071526726XG');
  assert.throws(() => makeCreditCode('91', '4403', '71526726'), RangeError);
  assert.throws(() => makeCreditCode('91', '440300', '7152672O'), RangeError);
});

test('property: generated codes validate; any single-character change is caught', () => {
  const symbol = fc.constantFrom(...alphabet);
  const body = fc.array(symbol, { minLength: 8, maxLength: 8 }).map((a) => a.join(''));
  const prefix = fc.array(symbol, { minLength: 2, maxLength: 2 }).map((a) => a.join(''));
  const division = fc.integer({ min: 110000, max: 659999 }).map(String);
  fc.assert(
    fc.property(
      prefix,
      division,
      body,
      fc.integer({ min: 0, max: 17 }),
      fc.integer({ min: 1, max: 30 }),
      (p, d, b, pos, delta) => {
        const code = makeCreditCode(p, d, b);
        if (!validateCreditCode(code).ok) return false;
        const value = (alphabet.indexOf(code.charAt(pos)) + delta) % 31;
        const changed = code.slice(0, pos) + alphabet.charAt(value) + code.slice(pos + 1);
        return !validateCreditCode(changed).ok;
      },
    ),
  );
});
