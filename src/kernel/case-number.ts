/**
 * Case numbers (案号) under the SPC's 2015 rules (amended 2018):
 * `（收案年度）` + court code + [specialised-trial character] + type code + sequence + `号`.
 */
import { courtCodeLevelOf, courtCodePatternSource } from './court-code.ts';
import type { Bilingual } from './rule-result.ts';

// SPC 案号规定: enforcement type codes
export const CaseType = {
  first: '执',
  restored: '执恢',
  preservation: '执保',
  objection: '执异',
  review: '执复',
  supervision: '执监',
  coordination: '执协',
  other: '执他',
} as const;
export type CaseType = (typeof CaseType)[keyof typeof CaseType];

export const caseTypeLabels: Readonly<Record<CaseType, Bilingual>> = {
  执: { zh: '首次执行', en: 'First enforcement' },
  执恢: { zh: '恢复执行', en: 'Restored enforcement' },
  执保: { zh: '财产保全执行', en: 'Enforcement of preservation' },
  执异: { zh: '执行异议', en: 'Enforcement objection' },
  执复: { zh: '执行复议', en: 'Review of an objection ruling' },
  执监: { zh: '执行监督', en: 'Enforcement supervision' },
  执协: { zh: '执行协调', en: 'Coordination between courts' },
  执他: { zh: '其他执行', en: 'Other enforcement matters' },
};

export const caseTypes: readonly CaseType[] = Object.values(CaseType);

export function isCaseType(s: string): s is CaseType {
  return caseTypes.some((t) => t === s);
}

export type CaseNumberParts = {
  readonly year: number;
  readonly courtCode: string;
  readonly typeCode: CaseType;
  readonly sequence: number;
  /** SPC 案号规定: an optional specialised-trial character between court code and type code. */
  readonly specialisedChar?: string;
};

const typeAlternatives = [...caseTypes].sort((a, b) => b.length - a.length).join('|');
const caseNumberPattern = new RegExp(
  `^[（(](\\d{4})[）)](${courtCodePatternSource})((?!执)\\p{Script=Han})??(${typeAlternatives})([1-9]\\d{0,8})号$`,
  'u',
);

/**
 * `（2026）浙0106执1234号`, with full-width parentheses. Throws RangeError on parts that cannot
 * form a case number (a programming error: the numbering counter produces them).
 */
export function formatCaseNumber(parts: CaseNumberParts): string {
  const { year, courtCode, typeCode, sequence, specialisedChar = '' } = parts;
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Bad year ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999_999) {
    throw new RangeError(`Bad sequence ${sequence}`);
  }
  if (courtCodeLevelOf(courtCode) === null) throw new RangeError(`Bad court code ${courtCode}`);
  if (!isCaseType(typeCode)) throw new RangeError(`Bad type code ${typeCode}`);
  if (specialisedChar !== '' && !/^(?!执)\p{Script=Han}$/u.test(specialisedChar)) {
    throw new RangeError(`Bad specialised-trial character ${specialisedChar}`);
  }
  return `（${year}）${courtCode}${specialisedChar}${typeCode}${sequence}号`;
}

/** The parts of a case number, or null. Half-width parentheses and surrounding spaces are accepted. */
export function parseCaseNumber(s: string): CaseNumberParts | null {
  const match = caseNumberPattern.exec(s.trim());
  if (!match) return null;
  const [, year, courtCode, specialisedChar, typeCode, sequence] = match;
  if (courtCode === undefined || typeCode === undefined || !isCaseType(typeCode)) return null;
  if (courtCodeLevelOf(courtCode) === null) return null;
  const parts = { year: Number(year), courtCode, typeCode, sequence: Number(sequence) };
  return specialisedChar === undefined ? parts : { ...parts, specialisedChar };
}
