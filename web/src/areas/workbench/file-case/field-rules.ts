import type { FormRule } from 'antd';
import type { I18n } from '../../../i18n/index.ts';
import { checkCreditCode, checkIdNumber } from '../../../lib/identifiers.ts';
import { yuanToFen } from '../../../lib/money.ts';

type Translate = I18n['t'];

/** Client-side checks in plain words; the server checks the same and its answer lands on the same field. */
export function idNumberRule(t: Translate): FormRule {
  return {
    validator: async (_rule, value: string | undefined) => {
      if (!value?.trim()) return;
      const problem = checkIdNumber(value);
      if (problem === 'length') throw new Error(t('filing.idNumber.length'));
      if (problem === 'format') throw new Error(t('filing.idNumber.format'));
      if (problem === 'birthDate') throw new Error(t('filing.idNumber.birthDate'));
      if (problem === 'checkDigit') throw new Error(t('filing.idNumber.checkDigit'));
    },
  };
}

export function creditCodeRule(t: Translate): FormRule {
  return {
    validator: async (_rule, value: string | undefined) => {
      if (!value?.trim()) return;
      const problem = checkCreditCode(value);
      if (problem === 'length') throw new Error(t('filing.creditCode.length'));
      if (problem === 'charset') throw new Error(t('filing.creditCode.charset'));
      if (problem === 'checkDigit') throw new Error(t('filing.creditCode.checkDigit'));
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
