/**
 * Citizen ID numbers (公民身份号码, GB 11643-1999): 6-digit administrative division, 8-digit birth
 * date, 3-digit sequence (odd = male), check character.
 */
import { daysInMonth, formatIsoDate, parseIsoDate } from './iso-date.ts';
import { type RuleResult, refuse, succeed } from './rule-result.ts';

export type IdNumberProblem = 'length' | 'characters' | 'region' | 'birthDate' | 'sequence' | 'checkChar';
export type Sex = 'male' | 'female';

// GB 11643: weights of positions 1–17
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
// GB 11643: weighted sum mod 11 = 0…10 maps to these check characters
const checkChars = '10X98765432';
/** The check character for the first 17 digits. Throws RangeError unless given exactly 17 digits. */
export function computeIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('computeIdCheckChar needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (weights[i] ?? 0);
  return checkChars.charAt(sum % 11);
}

/** `input` itself when it is 17 ASCII digits and a digit or `X`; else the trimmed, upper-cased form. */
function normaliseIdInput(input: string): string {
  if (input.length === 18) {
    let isPlain = true;
    for (let i = 0; i < 17 && isPlain; i++) {
      const c = input.charCodeAt(i);
      isPlain = c >= 48 && c <= 57;
    }
    const last = input.charCodeAt(17);
    if (isPlain && ((last >= 48 && last <= 57) || last === 88)) return input;
  }
  return input.trim().toUpperCase();
}

let cachedToday = '';
let cachedTodayKey = 0;

/** `YYYYMMDD` as a number, for comparing dates without building strings (the last `today` is cached). */
function dateKeyOf(date: string): number {
  if (date === cachedToday) return cachedTodayKey;
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not a YYYY-MM-DD calendar date: ${JSON.stringify(date)}`);
  cachedToday = date;
  cachedTodayKey = parts.year * 10_000 + parts.month * 100 + parts.day;
  return cachedTodayKey;
}

// No one born before 1900 holds a current ID number; an earlier "birth date" is a typing error.
const earliestBirthKey = 1900_01_01;

/**
 * Checks an ID number and returns it normalised (trimmed, check character `x` upper-cased).
 * `today` (China date, `YYYY-MM-DD`, the clock's) bounds the birth date.
 * Written with character codes and no regular expressions: the matching API checks up to 10,000
 * per request, so a valid number costs no string building.
 */
export function validateIdNumber(input: string, today: string): RuleResult<string, IdNumberProblem> {
  const s = normaliseIdInput(input);
  if (s.length !== 18) {
    return refuse(
      'length',
      `身份证号应为18位，实为${s.length}位`,
      `ID number must have 18 characters, got ${s.length}`,
    );
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return refuseCharacters();
    sum += d * (weights[i] ?? 0);
  }
  const last = s.charCodeAt(17);
  if (!((last >= 48 && last <= 57) || last === 88)) return refuseCharacters();
  if (s.charCodeAt(0) === 48) {
    return refuse(
      'region',
      '身份证号地址码不能以0开头',
      'The region code of an ID number cannot start with 0',
    );
  }
  const year = digitsAt(s, 6, 4);
  const month = digitsAt(s, 10, 2);
  const day = digitsAt(s, 12, 2);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    const birthDate = birthDateOf(s);
    return refuse('birthDate', `出生日期${birthDate}不存在`, `Birth date ${birthDate} is not a real date`);
  }
  const birthKey = year * 10_000 + month * 100 + day;
  if (birthKey > dateKeyOf(today)) {
    const birthDate = birthDateOf(s);
    return refuse('birthDate', `出生日期${birthDate}晚于今天`, `Birth date ${birthDate} is in the future`);
  }
  if (birthKey < earliestBirthKey) {
    const birthDate = birthDateOf(s);
    return refuse('birthDate', `出生日期${birthDate}早于1900年`, `Birth date ${birthDate} is before 1900`);
  }
  if (s.charCodeAt(14) === 48 && s.charCodeAt(15) === 48 && s.charCodeAt(16) === 48) {
    return refuse('sequence', '身份证号顺序码不能为000', 'The sequence code of an ID number cannot be 000');
  }
  if (checkChars.charCodeAt(sum % 11) !== last) {
    const expected = checkChars.charAt(sum % 11);
    return refuse(
      'checkChar',
      `校验位错误，应为 ${expected}`,
      `Check character is wrong; it should be ${expected}`,
    );
  }
  return succeed(s);
}

function refuseCharacters() {
  return refuse(
    'characters' as const,
    '身份证号前17位应为数字，最后一位为数字或X',
    'ID number must be 17 digits followed by a digit or X',
  );
}

/** The number written by `length` ASCII digits of `s` from `start` (the caller checked they are digits). */
function digitsAt(s: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/** Birth date `YYYY-MM-DD` of a valid ID number. */
export function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** GB 11643: the 17th digit (last of the sequence) is odd for men, even for women. */
export function sexOf(id: string): Sex {
  return Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female';
}

/**
 * Age in full years on `date` (needed because a minor may never be listed as dishonest,
 * 失信规定 art. 4). A year is completed on the birthday; someone born on 29 February completes it
 * on 1 March in common years.
 */
export function ageOn(id: string, date: string): number {
  const birth = parseIsoDate(birthDateOf(id));
  const on = parseIsoDate(date);
  if (!birth || !on) throw new RangeError('ageOn needs a valid ID number and a YYYY-MM-DD date');
  const hasHadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hasHadBirthday ? 0 : 1);
}

/** Which characters to hide: 1-based positions `from`…`to` inclusive. */
export type IdMask = { readonly from: number; readonly to: number; readonly char?: string };

// 失信规定 art. 6 (practice): the public portal hides digits 11–14, the birth month and day
export const defaultIdMask: IdMask = { from: 11, to: 14, char: '*' };

/** `330106199001011234` → `3301061990****1234` with the default mask. */
export function maskIdNumber(id: string, mask: IdMask = defaultIdMask): string {
  const char = mask.char ?? '*';
  return Array.from(id, (c, i) => (i + 1 >= mask.from && i + 1 <= mask.to ? char : c)).join('');
}

/**
 * Builds an ID number with its check character (for tests and the demo data generator) from a
 * 6-digit region, a `YYYY-MM-DD` birth date and a sequence 0–999 (a number, or 3 digits).
 */
export function makeIdNumber(region6: string, birthDate: string, sequence: string | number): string {
  const birth = parseIsoDate(birthDate);
  const sequence3 = typeof sequence === 'number' ? String(sequence).padStart(3, '0') : sequence;
  if (!/^[1-9]\d{5}$/.test(region6) || !birth || !/^\d{3}$/.test(sequence3)) {
    throw new RangeError('makeIdNumber needs a 6-digit region, a YYYY-MM-DD date and a 3-digit sequence');
  }
  const first17 = `${region6}${formatIsoDate(birth).replaceAll('-', '')}${sequence3}`;
  return first17 + computeIdCheckChar(first17);
}
