import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import {
  defaultOrderValidDays,
  encodeOrderCode,
  forbiddenTermsIn,
  formatOrderCode,
  isOrderValidOn,
  maxOrderValidDays,
  normalizeOrderCode,
  orderDecisionDueOn,
  orderValidUntil,
} from './investigation-order.ts';

test('an order is decided within 3 days (DOMAIN §9)', () => {
  assert.equal(orderDecisionDueOn('2026-03-02'), '2026-03-05');
  assert.equal(orderDecisionDueOn('2026-02-27'), '2026-03-02');
});

test('an order is valid 15 days by default, at most 30, counting the day it is granted', () => {
  assert.equal(defaultOrderValidDays, 15);
  assert.equal(maxOrderValidDays, 30);
  assert.equal(orderValidUntil('2026-03-02', 15), '2026-03-16');
  assert.equal(orderValidUntil('2026-03-02', 30), '2026-03-31');
  assert.equal(orderValidUntil('2026-03-02', 1), '2026-03-02');
  assert.throws(() => orderValidUntil('2026-03-02', 31), RangeError);
  assert.throws(() => orderValidUntil('2026-03-02', 0), RangeError);
});

test('an order is valid from the day granted to its last day, unless revoked', () => {
  const granted = { state: 'granted' as const, validFrom: '2026-03-02', validUntil: '2026-03-16' };
  assert.equal(isOrderValidOn(granted, '2026-03-02'), true);
  assert.equal(isOrderValidOn(granted, '2026-03-16'), true);
  assert.equal(isOrderValidOn(granted, '2026-03-17'), false);
  assert.equal(isOrderValidOn(granted, '2026-03-01'), false);
  assert.equal(isOrderValidOn({ ...granted, state: 'revoked' }, '2026-03-05'), false);
  assert.equal(isOrderValidOn({ state: 'pending', validFrom: null, validUntil: null }, '2026-03-05'), false);
});

test('never for state secrets, trade secrets or privacy (DOMAIN §9)', () => {
  assert.deepEqual(forbiddenTermsIn('被执行人在贵行开立账户的存款余额及近一年交易流水'), []);
  assert.deepEqual(forbiddenTermsIn('被执行人名下车辆登记信息'), []);
  assert.deepEqual(forbiddenTermsIn('调取涉及国家秘密的采购合同'), ['国家秘密']);
  assert.deepEqual(forbiddenTermsIn('该公司的商业秘密及客户名单'), ['商业秘密']);
  assert.deepEqual(forbiddenTermsIn('被执行人的病历'), ['病历']);
  assert.deepEqual(forbiddenTermsIn('被执行人的个人隐私'), ['个人隐私', '隐私']);
  // Spaces or punctuation between the characters do not hide a term.
  assert.deepEqual(forbiddenTermsIn('国 家·秘-密文件'), ['国家秘密']);
  assert.deepEqual(forbiddenTermsIn('Trade  Secrets of the firm'), ['trade secret']);
});

test('a verification code is 16 base32 characters, printed in groups of four, read back as typed', () => {
  assert.equal(encodeOrderCode(new Uint8Array(10)), 'AAAAAAAAAAAAAAAA');
  assert.equal(encodeOrderCode(new Uint8Array(10).fill(255)), '7777777777777777');
  // RFC 4648 test vector: "fooba" → MZXW6YTB
  assert.equal(encodeOrderCode(new TextEncoder().encode('foobafooba')), 'MZXW6YTBMZXW6YTB');
  const code = encodeOrderCode(randomBytes(10));
  assert.match(code, /^[A-Z2-7]{16}$/);
  const printed = formatOrderCode(code);
  assert.match(printed, /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
  assert.equal(normalizeOrderCode(printed), code);
  assert.equal(normalizeOrderCode(` ${printed.toLowerCase()} `), code);
  assert.equal(normalizeOrderCode('ABCD-2345-EFGH-678'), null);
  assert.equal(normalizeOrderCode('ABCD-2345-EFGH-6781'), null);
});
