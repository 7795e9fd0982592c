/**
 * Identifiers of a respondent's assets (account numbers, registry numbers, plates) are personal
 * data: shown whole to the case team, masked for anyone else who may see the case.
 */
export function maskIdentifier(identifier: string): string {
  const chars = [...identifier];
  if (chars.length <= 4) return '*'.repeat(chars.length);
  const keep = chars.length >= 12 ? 4 : 2;
  return `${chars.slice(0, keep).join('')}${'*'.repeat(chars.length - 2 * keep)}${chars.slice(-keep).join('')}`;
}

/** Free text may carry the identifier too (e.g. "账户 6222…"): replace long digit runs. */
export function maskDigitsIn(text: string): string {
  return text.replace(/[0-9A-Z]{8,}/g, (run) => maskIdentifier(run));
}
