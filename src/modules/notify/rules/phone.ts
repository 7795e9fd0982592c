/**
 * Mobile numbers as the SMS gateway takes them (docs/protocols/sms.md): eleven digits starting
 * 13–19 (the mainland's mobile number blocks). Numbers are personal data: shown whole to the case
 * team, masked for anyone else (first 3, ****, last 4).
 */
export const mobilePattern = /^1[3-9]\d{9}$/;

/**
 * The mobile number in what a clerk typed, or null when there is none to text: spaces, hyphens
 * and the country code (+86, 0086, 86) are dropped; a landline or anything else is no mobile.
 */
export function normalizeMobile(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const compact = raw.replace(/[\s()-]/g, '');
  const national = compact.replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');
  return mobilePattern.test(national) ? national : null;
}

/** `13800001234` → `138****1234`; anything shorter than 8 characters is hidden whole. */
export function maskPhone(phone: string): string {
  const chars = [...phone];
  if (chars.length < 8) return '****';
  return `${chars.slice(0, 3).join('')}****${chars.slice(-4).join('')}`;
}
