import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  ageOn,
  birthDateOf,
  computeIdCheckChar,
  makeIdNumber,
  maskIdNumber,
  sexOf,
  validateIdNumber,
} from './id-number.ts';
import { fromDayNumber, toDayNumber } from './iso-date.ts';

const today = '2026-06-01';

test('GB 11643 example 11010519491231002X is valid', () => {
  // weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 → 1 0 X 9 8 7 6 5 4 3 2
  assert.equal(computeIdCheckChar('11010519491231002'), 'X');
  assert.deepEqual(validateIdNumber('11010519491231002X', today), { ok: true, value: '11010519491231002X' });
});

test('a lower-case x is accepted and normalised to X; surrounding spaces are trimmed', () => {
  assert.deepEqual(validateIdNumber(' 11010519491231002x ', today), {
    ok: true,
    value: '11010519491231002X',
  });
});

test('check digit: weighted sum mod 11 maps to 1 0 X 9 8 7 6 5 4 3 2', () => {
  // 4·7+4·9+0·10+3·5+0·8+8·4+1·2+9·1+8·6+0·3+0·7+1·9+0·10+1·5+0·8+0·4+1·2 = 186; 186 mod 11 = 10 → 2
  assert.equal(computeIdCheckChar('44030819800101001'), '2');
  assert.throws(() => computeIdCheckChar('4403081980010100'), RangeError);
});

test('a wrong check character names the expected one', () => {
  const r = validateIdNumber('110105194912310021', today);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.code, 'checkChar');
    assert.equal(r.reason.zh, '校验位错误，应为 X');
    assert.match(r.reason.en, /should be X/);
  }
});

test('specific reasons for length, characters, region, birth date and sequence', () => {
  const codeOf = (s: string, on = today) => {
    const r = validateIdNumber(s, on);
    return r.ok ? 'ok' : r.code;
  };
  assert.equal(codeOf('1101051949123100'), 'length');
  assert.equal(codeOf(''), 'length');
  assert.equal(codeOf('11010519491231002XX'), 'length');
  assert.equal(codeOf('1101051949123100XX'), 'characters');
  assert.equal(codeOf('11010519491231A02X'), 'characters');
  assert.equal(codeOf('01010519491231002X'), 'region');
  assert.equal(
    codeOf(makeIdNumber('110105', '1990-01-01', '123').replace('19900101', '19900230')),
    'birthDate',
  );
  assert.equal(codeOf(makeIdNumber('110105', '2026-06-02', '123')), 'birthDate');
  assert.equal(codeOf(makeIdNumber('110105', '2026-06-01', '123')), 'ok');
  assert.equal(codeOf(makeIdNumber('110105', '1899-12-31', '123')), 'birthDate');
  assert.equal(codeOf(makeIdNumber('110105', '1990-01-01', '000')), 'sequence');
  const length = validateIdNumber('123', today);
  if (!length.ok) assert.equal(length.reason.zh, '身份证号应为18位，实为3位');
});

test('every generated ID number validates, and any single-digit change is caught', () => {
  const region = fc.integer({ min: 110000, max: 659999 }).map(String);
  const birth = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber(today) }).map(fromDayNumber);
  const sequence = fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, '0'));
  fc.assert(
    fc.property(
      region,
      birth,
      sequence,
      fc.integer({ min: 0, max: 16 }),
      fc.integer({ min: 1, max: 9 }),
      (r, b, q, pos, delta) => {
        const id = makeIdNumber(r, b, q);
        if (!validateIdNumber(id, today).ok) return false;
        const digit = (Number(id.charAt(pos)) + delta) % 10;
        const changed = id.slice(0, pos) + String(digit) + id.slice(pos + 1);
        return !validateIdNumber(changed, today).ok;
      },
    ),
  );
});

test('birth date, sex and age', () => {
  const man = makeIdNumber('330106', '2008-06-02', '013');
  const woman = makeIdNumber('330106', '1990-01-01', '124');
  assert.equal(birthDateOf(man), '2008-06-02');
  assert.equal(sexOf(man), 'male');
  assert.equal(sexOf(woman), 'female');
  // 失信规定 art. 4: a minor (under 18) cannot be listed; 18 is reached on the birthday
  assert.equal(ageOn(man, '2026-06-01'), 17);
  assert.equal(ageOn(man, '2026-06-02'), 18);
  assert.equal(ageOn(woman, '2026-06-01'), 36);
  assert.equal(ageOn(woman, '1990-01-01'), 0);
});

test('someone born on 29 February is a year older on 1 March of a common year', () => {
  const leapling = makeIdNumber('330106', '2008-02-29', '011');
  assert.equal(ageOn(leapling, '2026-02-28'), 17);
  assert.equal(ageOn(leapling, '2026-03-01'), 18);
  assert.equal(ageOn(leapling, '2028-02-29'), 20);
});

test('masking hides digits 11–14 (birth month and day) by default; the mask is configurable', () => {
  assert.equal(maskIdNumber('330106199001011234'), '3301061990****1234');
  assert.equal(maskIdNumber('330106199001011234', { from: 7, to: 14 }), '330106********1234');
  assert.equal(maskIdNumber('330106199001011234', { from: 15, to: 18, char: '×' }), '33010619900101××××');
});
