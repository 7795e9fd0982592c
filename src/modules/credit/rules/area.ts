/**
 * Administrative divisions (GB/T 2260) of listed subjects, for grid workers (网格员): an ID number
 * carries the division of registration in positions 1–6 (GB 11643), a credit code in positions 3–8
 * (GB 32100).
 */

/** The 6-digit division a subject is registered in, or null when it carries no identifier. */
export function divisionOfSubject(subject: {
  idNumber: string | null;
  creditCode: string | null;
}): string | null {
  if (subject.idNumber && subject.idNumber.length === 18) return subject.idNumber.slice(0, 6);
  if (subject.creditCode && subject.creditCode.length === 18) return subject.creditCode.slice(2, 8);
  return null;
}

/**
 * The prefix of every division inside an area: a province `330000` covers `33…`, a city `330100`
 * covers `3301…`, a county `330106` only itself.
 */
export function areaPrefix(areaCode: string): string {
  if (areaCode.endsWith('0000')) return areaCode.slice(0, 2);
  if (areaCode.endsWith('00')) return areaCode.slice(0, 4);
  return areaCode;
}

export function isInArea(division: string, areaCode: string): boolean {
  return division.startsWith(areaPrefix(areaCode));
}

export function isAreaCode(s: string): boolean {
  return /^[1-9]\d{5}$/.test(s);
}
