/**
 * Court codes (法院代字) and court levels under the SPC's case-number rules (案号规定, 2015,
 * amended 2018). One rule decides both which codes a court may be created with and which codes
 * can number cases: a code the administrator can save is a code every filing can use.
 */

/** The four levels of the people's courts, and the detached tribunals (人民法庭) of basic courts. */
export const CourtLevel = {
  supreme: 'supreme',
  high: 'high',
  intermediate: 'intermediate',
  basic: 'basic',
  detachedTribunal: 'detachedTribunal',
} as const;
export type CourtLevel = (typeof CourtLevel)[keyof typeof CourtLevel];
export const courtLevelValues = Object.values(CourtLevel) as [CourtLevel, ...CourtLevel[]];

/** The levels a court code itself can show: a detached tribunal numbers its cases under a basic court's code. */
export type CourtCodeLevel = Exclude<CourtLevel, 'detachedTribunal'>;

// 案号规定: the SPC's court code
export const supremeCourtCode = '最高法';

// 案号规定: one-character abbreviations of the 31 provinces used as high-court codes, plus 军 (PLA
// Military Court) and 兵 (Xinjiang Production and Construction Corps branch)
export const provinceAbbreviations = [
  '京',
  '津',
  '冀',
  '晋',
  '内',
  '辽',
  '吉',
  '黑',
  '沪',
  '苏',
  '浙',
  '皖',
  '闽',
  '赣',
  '鲁',
  '豫',
  '鄂',
  '湘',
  '粤',
  '桂',
  '琼',
  '渝',
  '川',
  '贵',
  '云',
  '藏',
  '陕',
  '甘',
  '青',
  '宁',
  '新',
  '军',
  '兵',
] as const;

const abbreviations = provinceAbbreviations.join('');

/** The court-code alternative of a regular expression (for the case-number pattern). */
export const courtCodePatternSource = `${supremeCourtCode}|[${abbreviations}](?:\\d{4}|\\d{2})?`;
const courtCodePattern = new RegExp(`^(?:${courtCodePatternSource})$`, 'u');

/**
 * The level a court code shows, or null when it is not a court code: SPC `最高法`; high court the
 * abbreviation (`浙`); intermediate court abbreviation + 2 digits (`浙01`, digits 3–4 of the
 * city's division code, or 71–95 for specialised courts); basic court abbreviation + 4 digits
 * (`浙0106`, digits 3–6 of the county's code). `00` (the province itself), `00xx` and `xx00` (a
 * city, not a county) are not court codes.
 */
export function courtCodeLevelOf(code: string): CourtCodeLevel | null {
  if (!courtCodePattern.test(code)) return null;
  if (code === supremeCourtCode) return CourtLevel.supreme;
  const digits = code.slice(1);
  if (digits.length === 0) return CourtLevel.high;
  if (digits.length === 2) return digits === '00' ? null : CourtLevel.intermediate;
  return digits.startsWith('00') || digits.endsWith('00') ? null : CourtLevel.basic;
}

/** The level of code a court of `level` carries (a detached tribunal: its basic court's kind of code). */
export function codeLevelOfCourt(level: CourtLevel): CourtCodeLevel {
  return level === CourtLevel.detachedTribunal ? CourtLevel.basic : level;
}

/** Whether a court of `level` may carry `code` — the same test the case numbering applies. */
export function isValidCourtCode(code: string, level: CourtLevel): boolean {
  return courtCodeLevelOf(code) === codeLevelOfCourt(level);
}

/** The levels that may sit directly below a court of each level. */
export const childCourtLevels: Readonly<Record<CourtLevel, readonly CourtLevel[]>> = {
  supreme: [CourtLevel.high],
  high: [CourtLevel.intermediate],
  intermediate: [CourtLevel.basic],
  basic: [CourtLevel.detachedTribunal],
  detachedTribunal: [],
};
