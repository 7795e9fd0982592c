import type { FormRule } from 'antd';
import { validateCreditCode, validateIdNumber, yuanToFen } from '../../../../../src/kernel/index.ts';
import type { I18n } from '../../../i18n/index.ts';
import { serverToday } from '../../../lib/server-clock.ts';

type Translate = I18n['t'];
type Pick = I18n['pick'];

/**
 * Client-side checks with the server's own rules (the kernel's), so the officer sees the answer
 * beside the field before submitting; the server checks the same and its answer lands on the
 * same field.
 */
export function idNumberRule(pick: Pick): FormRule {
  return {
    validator: async (_rule, value: string | undefined) => {
      if (!value?.trim()) return;
      const result = validateIdNumber(value, serverToday());
      if (!result.ok) throw new Error(pick(result.reason));
    },
  };
}

export function creditCodeRule(pick: Pick): FormRule {
  return {
    validator: async (_rule, value: string | undefined) => {
      if (!value?.trim()) return;
      const result = validateCreditCode(value);
      if (!result.ok) throw new Error(pick(result.reason));
    },
  };
}

export function phoneRule(t: Translate): FormRule {
  return { pattern: /^[0-9+\-() ]{5,20}$/, message: t('filing.phone.format') };
}

export function claimRule(t: Translate): FormRule {
  return {
    validator: async (_rule, value: string | undefined) => {
      if (value === undefined || value === null || value === '') throw new Error(t('filing.claim.required'));
      const fen = yuanToFen(value);
      if (fen === null) throw new Error(t('filing.claim.format'));
      if (fen < 1) throw new Error(t('filing.claim.positive'));
    },
  };
}

export function requiredRule(message: string): FormRule {
  return { required: true, whitespace: true, message };
}

/** Upper-case as the officer types: a lower-case `x` or credit-code letter is the same identifier. */
export function normalizeUpper(value: string | undefined): string | undefined {
  return typeof value === 'string' ? value.toUpperCase() : value;
}
