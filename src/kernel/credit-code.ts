/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015), 18 characters: registering
 * authority, organisation type, 6-digit administrative division, 9-character organisation code
 * (GB 11714, with its own check character), check character.
 */
import { type RuleResult, refuse, succeed } from './rule-result.ts';

export type CreditCodeProblem = 'length' | 'characters' | 'division' | 'orgCheckChar' | 'checkChar';

// GB 32100: 31 symbols, value = index (no I O S V Z)
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// GB 32100: weights of positions 1–17
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
// GB 11714: weights of the 8 body characters of the organisation code
const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** GB 32100: check value = 31 − (Σ value × weight mod 31), 31 → 0. Throws RangeError on bad input. */
export function computeCreditCodeCheckChar(first17: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17)) {
    throw new RangeError('computeCreditCodeCheckChar needs 17 characters of the GB 32100 alphabet');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(first17.charAt(i)) * (weights[i] ?? 0);
  return alphabet.charAt((31 - (sum % 31)) % 31);
}

/**
 * GB 11714: check = 11 − (Σ value × weight mod 11), 10 → X, 11 → 0; digits count as themselves
 * and letters A–Z as 10–35. Throws RangeError on bad input.
 */
export function computeOrgCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8))
    throw new RangeError('computeOrgCodeCheckChar needs 8 digits or capitals');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(first8.charAt(i), 36) * (orgWeights[i] ?? 0);
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  return check === 11 ? '0' : String(check);
}

// GB 32100: the value of each symbol by character code, −1 for characters outside the alphabet
const valueByCharCode = new Int8Array(128).fill(-1);
for (let i = 0; i < alphabet.length; i++) valueByCharCode[alphabet.charCodeAt(i)] = i;

function symbolValue(code: number): number {
  return code < 128 ? (valueByCharCode[code] ?? -1) : -1;
}

/** `input` itself when it is 18 symbols of the alphabet; else the trimmed, upper-cased form. */
function normaliseCodeInput(input: string): string {
  if (input.length === 18) {
    let isPlain = true;
    for (let i = 0; i < 18 && isPlain; i++) isPlain = symbolValue(input.charCodeAt(i)) >= 0;
    if (isPlain) return input;
  }
  return input.trim().toUpperCase();
}

/**
 * Checks a credit code and returns it normalised (trimmed, upper-case). Written with character
 * codes and no regular expressions: the matching API checks up to 10,000 per request.
 */
export function validateCreditCode(input: string): RuleResult<string, CreditCodeProblem> {
  const s = normaliseCodeInput(input);
  if (s.length !== 18) {
    return refuse(
      'length',
      `统一社会信用代码应为18位，实为${s.length}位`,
      `A credit code must have 18 characters, got ${s.length}`,
    );
  }
  let sum = 0;
  let isDivisionNumeric = true;
  for (let i = 0; i < 18; i++) {
    const v = symbolValue(s.charCodeAt(i));
    if (v < 0) {
      return refuse(
        'characters',
        '统一社会信用代码只能包含数字和除 I、O、S、V、Z 以外的大写字母',
        'A credit code may contain only digits and capital letters other than I, O, S, V and Z',
      );
    }
    if (i >= 2 && i < 8 && v > 9) isDivisionNumeric = false;
    if (i < 17) sum += v * (weights[i] ?? 0);
  }
  if (!isDivisionNumeric) {
    return refuse(
      'division',
      '统一社会信用代码第3至8位（行政区划码）应为数字',
      'Positions 3–8 of a credit code (administrative division) must be digits',
    );
  }
  let orgSum = 0;
  // GB 11714: digits count as themselves, letters as 10–35 (the alphabet has no I, O, S, V, Z)
  for (let i = 0; i < 8; i++) {
    const c = s.charCodeAt(8 + i);
    orgSum += (c <= 57 ? c - 48 : c - 55) * (orgWeights[i] ?? 0);
  }
  const orgCheck = (11 - (orgSum % 11)) % 11;
  if (s.charCodeAt(16) !== (orgCheck === 10 ? 88 : 48 + orgCheck)) {
    const orgExpected = orgCheck === 10 ? 'X' : String(orgCheck);
    return refuse(
      'orgCheckChar',
      `组织机构代码校验位错误，第17位应为 ${orgExpected}`,
      `The organisation code's check character is wrong; position 17 should be ${orgExpected}`,
    );
  }
  const check = (31 - (sum % 31)) % 31;
  if (s.charCodeAt(17) !== alphabet.charCodeAt(check)) {
    const expected = alphabet.charAt(check);
    return refuse(
      'checkChar',
      `校验位错误，应为 ${expected}`,
      `Check character is wrong; it should be ${expected}`,
    );
  }
  return succeed(s);
}

/**
 * Builds a valid credit code from its parts, filling both check characters (for the demo data
 * generator). `prefix2`: registering authority + organisation type (e.g. `91`, an enterprise
 * registered by market regulation); `division6`: administrative division; `orgBody8`: the first 8
 * characters of the organisation code, from the GB 32100 alphabet. Throws RangeError on bad parts.
 */
export function makeCreditCode(prefix2: string, division6: string, orgBody8: string): string {
  const symbols = '[0-9A-HJ-NPQRTUWXY]';
  if (!new RegExp(`^${symbols}{2}$`).test(prefix2) || !/^\d{6}$/.test(division6)) {
    throw new RangeError('makeCreditCode needs a 2-character prefix and a 6-digit division');
  }
  if (!new RegExp(`^${symbols}{8}$`).test(orgBody8)) {
    throw new RangeError(
      'makeCreditCode needs an 8-character organisation code body from the GB 32100 alphabet',
    );
  }
  const first17 = `${prefix2}${division6}${orgBody8}${computeOrgCodeCheckChar(orgBody8)}`;
  return first17 + computeCreditCodeCheckChar(first17);
}
