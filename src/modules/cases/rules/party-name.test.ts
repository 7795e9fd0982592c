import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { validatePartyName } from './party-name.ts';

const codeOf = (name: string, kind?: 'natural' | 'legal' | 'other') => {
  const r = validatePartyName(name, kind);
  return r.ok ? 'ok' : r.code;
};

test('natural persons: CJK, letters, middle dot, spaces, hyphens; 2–30 characters', () => {
  assert.deepEqual(validatePartyName('  张三 ', 'natural'), { ok: true, value: '张三' });
  assert.deepEqual(validatePartyName('买买提・艾力', 'natural'), { ok: true, value: '买买提·艾力' });
  assert.deepEqual(validatePartyName('John   Smith-Jones', 'natural'), {
    ok: true,
    value: 'John Smith-Jones',
  });
  assert.equal(codeOf('阿沛·阿旺晋美', 'natural'), 'ok');
  assert.equal(codeOf('𠮷野家', 'natural'), 'ok');
  assert.equal(codeOf('李', 'natural'), 'tooShort');
  assert.equal(codeOf('张'.repeat(30), 'natural'), 'ok');
  assert.equal(codeOf('张'.repeat(31), 'natural'), 'tooLong');
  assert.equal(codeOf('张三1', 'natural'), 'characters');
  assert.equal(codeOf('张三（曾用名）', 'natural'), 'characters');
  assert.equal(codeOf('·张三', 'natural'), 'characters');
});

test('organisations may use digits, parentheses of both widths, & . ,', () => {
  assert.equal(codeOf('杭州某某科技有限公司', 'legal'), 'ok');
  assert.equal(codeOf('中国工商银行股份有限公司杭州西湖支行', 'legal'), 'ok');
  assert.equal(codeOf('华为技术有限公司（深圳）', 'legal'), 'ok');
  assert.equal(codeOf('Smith & Sons (China) Co., Ltd.', 'legal'), 'ok');
  assert.equal(codeOf('杭州市西湖区第1建筑工程队', 'other'), 'ok');
  assert.equal(codeOf('Acme Co.; DROP TABLE', 'legal'), 'characters');
  assert.equal(codeOf('某公司#1', 'legal'), 'characters');
});

test('refused everywhere: empty, over 100, control characters, markup, no letter', () => {
  assert.equal(codeOf('   '), 'empty');
  assert.equal(codeOf('公'.repeat(101), 'legal'), 'tooLong');
  assert.equal(codeOf('公'.repeat(100), 'legal'), 'ok');
  assert.equal(codeOf('张\u0000三', 'natural'), 'control');
  assert.equal(codeOf('张\u202e三', 'natural'), 'control');
  assert.equal(codeOf('张\n三', 'natural'), 'control');
  assert.equal(codeOf('<script>公司', 'legal'), 'markup');
  assert.equal(codeOf('123 456', 'legal'), 'noLetter');
  assert.equal(codeOf('(&.,)', 'legal'), 'noLetter');
});

test('reasons are bilingual', () => {
  const r = validatePartyName('<b>', 'legal');
  assert.equal(r.ok, false);
  if (!r.ok) assert.deepEqual(r.reason, { zh: '名称不能包含 < 或 >', en: 'Name must not contain < or >' });
});

test('without a kind the looser organisation rules apply', () => {
  assert.equal(codeOf('某某公司（杭州）'), 'ok');
  assert.equal(codeOf('李'), 'ok');
});

test('property: an accepted name is trimmed, has a letter and no < > or control characters', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.constantFrom('natural', 'legal', 'other' as const),
      (s, kind) => {
        const r = validatePartyName(s, kind);
        if (!r.ok) return true;
        const v = r.value;
        return (
          v === v.trim() && /\p{L}/u.test(v) && !/[<>\p{Cc}\p{Cf}]/u.test(v) && Array.from(v).length <= 100
        );
      },
    ),
  );
});

test('whitespace at the ends is trimmed, tabs and newlines inside are refused', () => {
  assert.deepEqual(validatePartyName('\t张三\n', 'natural'), { ok: true, value: '张三' });
  assert.deepEqual(validatePartyName('欧阳\u3000\u3000娜娜', 'natural'), { ok: true, value: '欧阳 娜娜' });
  assert.equal(codeOf('张\t三', 'natural'), 'control');
});
