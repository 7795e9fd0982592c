/**
 * Dates as a court writes them at the foot of a document (人民法院诉讼文书样式): the year digit by
 * digit with 〇, month and day in words — 2026-12-07 → 二〇二六年十二月七日.
 */
const digits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function numberInWords(n: number): string {
  if (n < 10) return digits[n] ?? '';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}

export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  const year = [...(y ?? '')].map((c) => digits[Number(c)] ?? c).join('');
  return `${year}年${numberInWords(Number(m))}月${numberInWords(Number(d))}日`;
}

/** 2026-12-07 → 2026年12月7日, the form the body text uses. */
export function arabicChineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
