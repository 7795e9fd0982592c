import type { CourtLevel } from '../actor.ts';

// 案号规定 (SPC 2015, amended 2018): province abbreviations used as high-court codes, plus
// 军 (PLA Military Court) and 兵 (Xinjiang Production and Construction Corps branch).
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

const abbreviations = new Set<string>(provinceAbbreviations);

/**
 * Court code (法院代字) shape by level: SPC `最高法`; high court the one-character abbreviation;
 * intermediate court abbreviation + 2 digits (71–95 for specialised courts); basic court
 * abbreviation + 4 digits. A detached tribunal numbers its cases under its basic court's code.
 */
export function isValidCourtCode(code: string, level: CourtLevel): boolean {
  if (level === 'supreme') return code === '最高法';
  const head = code.slice(0, 1);
  const digits = code.slice(1);
  if (!abbreviations.has(head)) return false;
  switch (level) {
    case 'high':
      return digits === '';
    case 'intermediate':
      return /^\d{2}$/.test(digits) && digits !== '00';
    case 'basic':
    case 'detachedTribunal':
      return /^\d{4}$/.test(digits) && digits !== '0000';
  }
}
