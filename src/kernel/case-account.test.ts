import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  caseAccountNumber,
  courtAccountOf,
  luhnCheckDigit,
  maxCaseSequence,
  parseCaseAccountNumber,
} from './case-account.ts';

test('the Luhn digit of the ISO/IEC 7812 example 7992739871 is 3', () => {
  assert.equal(luhnCheckDigit('7992739871'), 3);
});

test('a case account is the court account, a 7-digit sequence and a check digit — 20 digits', () => {
  const n = caseAccountNumber('622188000001', 42);
  assert.equal(n.length, 20);
  assert.ok(n.startsWith('6221880000010000042'));
  assert.deepEqual(parseCaseAccountNumber(n), { courtAccount: '622188000001', sequence: 42 });
  assert.deepEqual(parseCaseAccountNumber(`${n.slice(0, 4)} ${n.slice(4, 12)}-${n.slice(12)}`), {
    courtAccount: '622188000001',
    sequence: 42,
  });
  assert.throws(() => caseAccountNumber('62218800000', 1), RangeError);
  assert.throws(() => caseAccountNumber('622188000001', 0), RangeError);
  assert.throws(() => caseAccountNumber('622188000001', maxCaseSequence + 1), RangeError);
});

test('every mistyped digit and every swap of two different neighbours is caught', () => {
  fc.assert(
    fc.property(
      fc.stringMatching(/^\d{12}$/),
      fc.integer({ min: 1, max: maxCaseSequence }),
      fc.integer({ min: 0, max: 19 }),
      fc.integer({ min: 1, max: 9 }),
      (court, seq, at, delta) => {
        const n = caseAccountNumber(court, seq);
        const typo = `${n.slice(0, at)}${(Number(n[at]) + delta) % 10}${n.slice(at + 1)}`;
        assert.equal(parseCaseAccountNumber(typo), null);
        if (
          at < 19 &&
          n[at] !== n[at + 1] &&
          !(`${n[at]}${n[at + 1]}` === '09' || `${n[at]}${n[at + 1]}` === '90')
        ) {
          const swapped = `${n.slice(0, at)}${n[at + 1]}${n[at]}${n.slice(at + 2)}`;
          assert.equal(parseCaseAccountNumber(swapped), null);
        }
        assert.equal(courtAccountOf(typo), at < 12 ? typo.slice(0, 12) : court);
      },
    ),
  );
});

test('a number that is not 20 digits is no case account; its court is its first 12 digits', () => {
  assert.equal(parseCaseAccountNumber('622188000001'), null);
  assert.equal(parseCaseAccountNumber('abc'), null);
  assert.equal(courtAccountOf('622188000001'), '622188000001');
  assert.equal(courtAccountOf('62218800000'), null);
  assert.equal(courtAccountOf('6221880000x1'), null);
});
