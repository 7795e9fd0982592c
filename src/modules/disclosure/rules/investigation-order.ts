/**
 * Lawyers' investigation orders (律师调查令; DOMAIN §9, court practice): the decision period, how long
 * an order is valid, and what it may never open. Pure.
 */
import { addCalendarDays, compareIsoDates } from '../../../kernel/index.ts';
import { answerDueOn } from './requests.ts';

/** (practice) DOMAIN §9: an application is decided within 3 days (rules/requests.ts). */
export function orderDecisionDueOn(receivedOn: string): string {
  return answerDueOn('investigationOrder', receivedOn);
}

// (practice) DOMAIN §9: an order is valid 15 days, at most 30
export const defaultOrderValidDays = 15;
export const maxOrderValidDays = 30;

/** The last day an order may be used: valid `validDays` calendar days counting the day it was granted. */
export function orderValidUntil(grantedOn: string, validDays: number): string {
  if (!Number.isInteger(validDays) || validDays < 1 || validDays > maxOrderValidDays) {
    throw new RangeError(`an order is valid 1 to ${maxOrderValidDays} days, got ${validDays}`);
  }
  return addCalendarDays(grantedOn, validDays - 1);
}

export type OrderValidity = {
  state: 'pending' | 'granted' | 'refused' | 'revoked';
  validFrom: string | null;
  validUntil: string | null;
};

/** Whether an order may be used today: granted, not revoked, and within its days. */
export function isOrderValidOn(order: OrderValidity, today: string): boolean {
  if (order.state !== 'granted' || order.validFrom === null || order.validUntil === null) return false;
  return compareIsoDates(order.validFrom, today) <= 0 && compareIsoDates(today, order.validUntil) <= 0;
}

/**
 * (practice) DOMAIN §9: never for state secrets, trade secrets or privacy (保守国家秘密法;
 * 反不正当竞争法 art. 9; 民法典 art. 1032). A scope naming any of these is refused as written.
 */
export const forbiddenScopeTerms: readonly string[] = [
  // state secrets
  '国家秘密',
  '军事秘密',
  '绝密',
  '机密',
  '涉密',
  // trade secrets
  '商业秘密',
  '技术秘密',
  '经营秘密',
  '商业机密',
  // privacy
  '个人隐私',
  '隐私',
  '病历',
  '病案',
  '诊疗',
  '医疗记录',
  '健康状况',
  '通话记录',
  '通信内容',
  '聊天记录',
  '行踪轨迹',
  '基因',
  '宗教信仰',
  'state secret',
  'trade secret',
  'privacy',
  'medical record',
];

/** Spaces and punctuation put between the characters of a term do not hide it. */
function squeeze(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The forbidden terms a scope names, in list order (none: the scope may be ordered). */
export function forbiddenTermsIn(scope: string): string[] {
  const squeezed = squeeze(scope);
  return forbiddenScopeTerms.filter((term) => squeezed.includes(squeeze(term)));
}

const codeAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 10 random bytes → 16 base32 characters (80 bits): the order's verification code. */
export function encodeOrderCode(bytes: Uint8Array): string {
  if (bytes.length !== 10) throw new RangeError('an order code is made of 10 random bytes');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += codeAlphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** `ABCD2345EFGH6789` → `ABCD-2345-EFGH-6789`, as printed on the order. */
export function formatOrderCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** The code as typed (lower case, hyphens, spaces) → its 16 characters, or null if it cannot be one. */
export function normalizeOrderCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]+/g, '');
  return /^[A-Z2-7]{16}$/.test(code) ? code : null;
}
