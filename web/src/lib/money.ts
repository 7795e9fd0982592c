/** Money is integer fen everywhere (CONTRIBUTING.md); these convert at the edge of the UI. */

const groupFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0, useGrouping: true });

/** `123456789` fen → `"1,234,567.89"`, with integer arithmetic so that no cent is lost. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${groupFormat.format(yuan)}.${String(cents).padStart(2, '0')}`;
}

/**
 * Yuan as typed (`"1234.5"`, `1234.5`) → integer fen (`123450`); `null` when it is not a
 * non-negative amount with at most two decimals.
 */
export function yuanToFen(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'number' ? value.toFixed(2) : value.replaceAll(',', '').trim();
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return null;
  const whole = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  const fen = whole * 100 + cents;
  return Number.isSafeInteger(fen) ? fen : null;
}
