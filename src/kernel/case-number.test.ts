import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  CaseType,
  caseTypeLabels,
  caseTypes,
  formatCaseNumber,
  isCaseType,
  parseCaseNumber,
} from './case-number.ts';
import { CourtLevel, courtCodeLevelOf, isValidCourtCode, provinceAbbreviations } from './court-code.ts';

test('format uses full-width parentheses', () => {
  assert.equal(
    formatCaseNumber({ year: 2026, courtCode: '浙0106', typeCode: CaseType.first, sequence: 1234 }),
    '（2026）浙0106执1234号',
  );
  assert.equal(
    formatCaseNumber({ year: 2026, courtCode: '最高法', typeCode: CaseType.supervision, sequence: 7 }),
    '（2026）最高法执监7号',
  );
});

test('format refuses parts that cannot form a case number', () => {
  const ok = { year: 2026, courtCode: '浙0106', typeCode: CaseType.first, sequence: 1 };
  assert.throws(() => formatCaseNumber({ ...ok, sequence: 0 }), RangeError);
  assert.throws(() => formatCaseNumber({ ...ok, sequence: 1.5 }), RangeError);
  assert.throws(() => formatCaseNumber({ ...ok, year: 26 }), RangeError);
  assert.throws(() => formatCaseNumber({ ...ok, courtCode: '浙010' }), RangeError);
});

test('parse accepts full- and half-width parentheses', () => {
  const expected = { year: 2026, courtCode: '浙0106', typeCode: '执', sequence: 1234 };
  assert.deepEqual(parseCaseNumber('（2026）浙0106执1234号'), expected);
  assert.deepEqual(parseCaseNumber('(2026)浙0106执1234号'), expected);
  assert.deepEqual(parseCaseNumber(' (2026）浙0106执1234号 '), expected);
  assert.deepEqual(parseCaseNumber('（2025）浙01执恢12号'), {
    year: 2025,
    courtCode: '浙01',
    typeCode: '执恢',
    sequence: 12,
  });
  assert.deepEqual(parseCaseNumber('（2025）京执复3号'), {
    year: 2025,
    courtCode: '京',
    typeCode: '执复',
    sequence: 3,
  });
  assert.deepEqual(parseCaseNumber('（2025）兵0801执异9号'), {
    year: 2025,
    courtCode: '兵0801',
    typeCode: '执异',
    sequence: 9,
  });
});

test('parse keeps a specialised-trial character', () => {
  assert.deepEqual(parseCaseNumber('（2026）沪73知执5号'), {
    year: 2026,
    courtCode: '沪73',
    typeCode: '执',
    sequence: 5,
    specialisedChar: '知',
  });
});

test('parse refuses what is not a case number', () => {
  for (const s of [
    '（2026）浙0106执0号',
    '（2026）浙0106执01号',
    '（2026）浙0106执1234',
    '（26）浙0106执1号',
    '（2026）港0106执1号',
    '（2026）浙106执1号',
    '（2026）浙0106民初1号',
    '（2026）浙00执1号',
    '（2026）浙0100执1号',
    '2026浙0106执1号',
    '',
  ]) {
    assert.equal(parseCaseNumber(s), null, s);
  }
});

test('eight enforcement type codes, 执 first, each with labels', () => {
  assert.deepEqual(caseTypes, ['执', '执恢', '执保', '执异', '执复', '执监', '执协', '执他']);
  assert.equal(caseTypeLabels[CaseType.restored].zh, '恢复执行');
  assert.ok(isCaseType('执协'));
  assert.ok(!isCaseType('司惩'));
});

test('property: parse(format(parts)) returns the parts', () => {
  const courtCode = fc.oneof(
    fc.constant('最高法'),
    fc.constantFrom(...provinceAbbreviations),
    fc
      .tuple(fc.constantFrom(...provinceAbbreviations), fc.integer({ min: 1, max: 99 }))
      .map(([a, n]) => `${a}${String(n).padStart(2, '0')}`),
    fc
      .tuple(
        fc.constantFrom(...provinceAbbreviations),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 99 }),
      )
      .map(([a, c, d]) => `${a}${String(c).padStart(2, '0')}${String(d).padStart(2, '0')}`),
  );
  const parts = fc.record({
    year: fc.integer({ min: 1990, max: 2100 }),
    courtCode,
    typeCode: fc.constantFrom(...caseTypes),
    sequence: fc.integer({ min: 1, max: 999_999_999 }),
  });
  fc.assert(
    fc.property(parts, (p) => JSON.stringify(parseCaseNumber(formatCaseNumber(p))) === JSON.stringify(p)),
  );
});

test('property: every code a court may be created with numbers cases, and no other', () => {
  const level = fc.constantFrom(...Object.values(CourtLevel));
  const code = fc.oneof(
    fc.constant('最高法'),
    fc.constantFrom(...provinceAbbreviations, '港', 'X'),
    fc
      .tuple(fc.constantFrom(...provinceAbbreviations), fc.stringMatching(/^\d{1,5}$/))
      .map(([a, d]) => `${a}${d}`),
  );
  fc.assert(
    fc.property(code, level, (c, l) => {
      const canCreate = isValidCourtCode(c, l);
      const numbers = (() => {
        try {
          formatCaseNumber({ year: 2026, courtCode: c, typeCode: CaseType.first, sequence: 1 });
          return true;
        } catch {
          return false;
        }
      })();
      return !canCreate || (numbers && courtCodeLevelOf(c) !== null);
    }),
  );
});
