/**
 * Name normalisation for fuzzy matching of name-only subjects. Two spellings of one name must
 * meet at the same key: full-width and half-width forms, traditional and simplified characters,
 * spaces and punctuation, and the variants of a company's legal-form suffix. Romanised person
 * names meet the pinyin of the Chinese name. Written with character tables so that building the
 * index over millions of names stays fast.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';

let traditionalToSimplified: Uint16Array | null = null;

/** One table for the BMP: each traditional character to its simplified form (opencc, character by character). */
function conversionTable(): Uint16Array {
  if (traditionalToSimplified) return traditionalToSimplified;
  const table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) table[c] = c;
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  for (let c = 0x3400; c <= 0xfaff; c++) {
    if (!isHan(c)) continue;
    const converted = convert(String.fromCharCode(c));
    if (converted.length === 1) table[c] = converted.charCodeAt(0);
  }
  traditionalToSimplified = table;
  return table;
}

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * Writes the normalised spelling of `raw` into `out` and returns its length: full-width forms to
 * ASCII, traditional to simplified, Latin letters to lower case, and everything that is not a
 * letter, digit or Han character removed (spaces, brackets, dots, dashes …). No allocation.
 */
export function normaliseInto(raw: string, out: Uint16Array): number {
  const table = conversionTable();
  let n = 0;
  const limit = Math.min(raw.length, out.length);
  for (let i = 0; i < limit; i++) {
    let c = raw.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out[n++] = c;
    else if (isHan(c)) out[n++] = table[c] ?? c;
  }
  return n;
}

const scratch = new Uint16Array(512);

/** `（杭州）華新 科技 有限公司` → `杭州华新科技有限公司` (see `normaliseInto`). */
export function normaliseName(raw: string): string {
  const n = normaliseInto(raw, scratch);
  let same = n === raw.length;
  for (let i = 0; same && i < n; i++) same = scratch[i] === raw.charCodeAt(i);
  return same ? raw : String.fromCharCode(...scratch.subarray(0, n));
}

/** Legal-form classes: variants within a class name the same form (公司法 art. 7, 登记管理规定). */
export const LegalForm = { none: 0, limited: 1, jointStock: 2, company: 3, partnership: 4 } as const;
export type LegalForm = (typeof LegalForm)[keyof typeof LegalForm];

// Longest first: the first suffix that matches is stripped. 集团 names a group and is dropped with the form.
const suffixes: readonly [string, LegalForm][] = [
  ['集团股份有限公司', LegalForm.jointStock],
  ['集团有限责任公司', LegalForm.limited],
  ['股份有限责任公司', LegalForm.jointStock],
  ['集团有限公司', LegalForm.limited],
  ['股份有限公司', LegalForm.jointStock],
  ['有限责任公司', LegalForm.limited],
  ['合伙企业有限合伙', LegalForm.partnership],
  ['合伙企业普通合伙', LegalForm.partnership],
  ['有限公司', LegalForm.limited],
  ['股份公司', LegalForm.jointStock],
  ['集团公司', LegalForm.company],
  ['有限合伙', LegalForm.partnership],
  ['普通合伙', LegalForm.partnership],
  ['合伙企业', LegalForm.partnership],
  ['集团', LegalForm.company],
  ['公司', LegalForm.company],
  ['ltd', LegalForm.limited],
  ['coltd', LegalForm.limited],
];

/** A normalised name without its legal-form suffix, and the form. */
export function splitLegalForm(normalised: string): { core: string; form: LegalForm } {
  for (const [suffix, form] of suffixes) {
    if (normalised.length > suffix.length && normalised.endsWith(suffix)) {
      return { core: normalised.slice(0, normalised.length - suffix.length), form };
    }
  }
  return { core: normalised, form: LegalForm.none };
}

const suffixCodes: readonly [Uint16Array, LegalForm][] = suffixes.map(([text, form]) => [
  Uint16Array.from(text, (ch) => ch.charCodeAt(0)),
  form,
]);

/**
 * The legal form of a normalised name held in `buf[0..length)`, packed with the length of its core:
 * `form * 65536 + coreLength`. The buffer form of `splitLegalForm`, for building the index.
 */
export function legalFormIn(buf: Uint16Array, length: number): number {
  for (const [suffix, form] of suffixCodes) {
    const start = length - suffix.length;
    if (start <= 0) continue;
    let isMatch = true;
    for (let i = 0; isMatch && i < suffix.length; i++) isMatch = buf[start + i] === suffix[i];
    if (isMatch) return form * 65536 + start;
  }
  return length;
}

/** 32-bit FNV-1a over `buf[0..length)`. Equals `hashString` of the same code units. */
export function hashCodeUnits(buf: Uint16Array, length: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < length; i++) {
    h ^= buf[i] ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** 32-bit FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Scores of a name-only match. A person's name is not an identity, so it never reaches the threshold.
export const nameScores = {
  sameName: 1,
  sameFormVariant: 0.98,
  otherForm: 0.92,
  personName: 0.8,
  romanised: 0.75,
} as const;
// A name-only subject counts as restricted only from this score on.
export const fuzzyThreshold = 0.9;

/** The score of a candidate's normalised name against the query's (same core assumed). */
export function scoreOrganisation(
  query: { full: string; form: LegalForm },
  candidate: { full: string; form: LegalForm },
): number {
  if (query.full === candidate.full) return nameScores.sameName;
  if (query.form === candidate.form || query.form === LegalForm.none || candidate.form === LegalForm.none) {
    return nameScores.sameFormVariant;
  }
  return nameScores.otherForm;
}

// Readings by UTF-16 code unit, filled on first use.
const pinyinCache: (string | undefined)[] = Array.from({ length: 65536 }, () => undefined);
const surnameCache: (string | undefined)[] = Array.from({ length: 65536 }, () => undefined);

function pinyinOf(c: number, isSurname: boolean): string {
  const cache = isSurname ? surnameCache : pinyinCache;
  const known = cache[c];
  if (known !== undefined) return known;
  const char = String.fromCharCode(c);
  const reading = pinyin(char, {
    toneType: 'none',
    v: true,
    ...(isSurname ? { mode: 'surname' as const } : {}),
  });
  const clean = reading.replace(/[^a-z]/g, '');
  cache[c] = clean;
  return clean;
}

/** The toneless pinyin of a normalised Chinese person name (`张伟` → `zhangwei`), or '' when it has other characters. */
export function pinyinKeyOf(normalisedName: string): string {
  let out = '';
  for (let i = 0; i < normalisedName.length; i++) {
    const c = normalisedName.charCodeAt(i);
    if (!isHan(c)) return '';
    out += pinyinOf(c, i === 0);
  }
  return out;
}

/**
 * The hash (`hashString`) of the pinyin of the normalised person name in `buf[0..length)`, computed
 * without building the string; −1 when it holds anything but Han characters.
 */
export function pinyinHashIn(buf: Uint16Array, length: number): number {
  if (length === 0) return -1;
  let h = 0x811c9dc5;
  for (let i = 0; i < length; i++) {
    const c = buf[i] ?? 0;
    if (!isHan(c)) return -1;
    const syllable = pinyinOf(c, i === 0);
    for (let k = 0; k < syllable.length; k++) {
      h ^= syllable.charCodeAt(k);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

/**
 * The keys a romanised name may have: surname first as written, or given name first (passports
 * and Western order: `Wei ZHANG` → `weizhang`, `zhangwei`). Empty when the name is not romanised.
 */
export function romanisedKeysOf(raw: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (let i = 0; i < raw.length; i++) {
    let c = raw.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if (c >= 65 && c <= 90) c += 32;
    if (c === 252) c = 118; // ü is written v
    if (c >= 97 && c <= 122) current += String.fromCharCode(c);
    else if (isHan(c) || (c >= 48 && c <= 57)) return [];
    else if (current) {
      tokens.push(current);
      current = '';
    }
  }
  if (current) tokens.push(current);
  if (tokens.length === 0) return [];
  const asWritten = tokens.join('');
  if (tokens.length === 1) return [asWritten];
  const last = tokens[tokens.length - 1] ?? '';
  const surnameLast = last + tokens.slice(0, -1).join('');
  return surnameLast === asWritten ? [asWritten] : [asWritten, surnameLast];
}
