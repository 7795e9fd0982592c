import type { Bilingual } from '../../i18n/index.ts';

/**
 * The regions the public search filters by: the provincial-level divisions of GB/T 2260 (the first
 * two digits of a division code), and the prefecture-level cities of Zhejiang, where the demo's
 * courts are. The search takes a division-code prefix of 2–6 digits.
 */
export type Region = { code: string; label: Bilingual; children?: Region[] };

const zhejiangCities: Region[] = [
  { code: '3301', label: { zh: '杭州市', en: 'Hangzhou' } },
  { code: '3302', label: { zh: '宁波市', en: 'Ningbo' } },
  { code: '3303', label: { zh: '温州市', en: 'Wenzhou' } },
  { code: '3304', label: { zh: '嘉兴市', en: 'Jiaxing' } },
  { code: '3305', label: { zh: '湖州市', en: 'Huzhou' } },
  { code: '3306', label: { zh: '绍兴市', en: 'Shaoxing' } },
  { code: '3307', label: { zh: '金华市', en: 'Jinhua' } },
  { code: '3308', label: { zh: '衢州市', en: 'Quzhou' } },
  { code: '3309', label: { zh: '舟山市', en: 'Zhoushan' } },
  { code: '3310', label: { zh: '台州市', en: 'Taizhou' } },
  { code: '3311', label: { zh: '丽水市', en: 'Lishui' } },
];

export const regions: Region[] = [
  { code: '11', label: { zh: '北京市', en: 'Beijing' } },
  { code: '12', label: { zh: '天津市', en: 'Tianjin' } },
  { code: '13', label: { zh: '河北省', en: 'Hebei' } },
  { code: '14', label: { zh: '山西省', en: 'Shanxi' } },
  { code: '15', label: { zh: '内蒙古自治区', en: 'Inner Mongolia' } },
  { code: '21', label: { zh: '辽宁省', en: 'Liaoning' } },
  { code: '22', label: { zh: '吉林省', en: 'Jilin' } },
  { code: '23', label: { zh: '黑龙江省', en: 'Heilongjiang' } },
  { code: '31', label: { zh: '上海市', en: 'Shanghai' } },
  { code: '32', label: { zh: '江苏省', en: 'Jiangsu' } },
  { code: '33', label: { zh: '浙江省', en: 'Zhejiang' }, children: zhejiangCities },
  { code: '34', label: { zh: '安徽省', en: 'Anhui' } },
  { code: '35', label: { zh: '福建省', en: 'Fujian' } },
  { code: '36', label: { zh: '江西省', en: 'Jiangxi' } },
  { code: '37', label: { zh: '山东省', en: 'Shandong' } },
  { code: '41', label: { zh: '河南省', en: 'Henan' } },
  { code: '42', label: { zh: '湖北省', en: 'Hubei' } },
  { code: '43', label: { zh: '湖南省', en: 'Hunan' } },
  { code: '44', label: { zh: '广东省', en: 'Guangdong' } },
  { code: '45', label: { zh: '广西壮族自治区', en: 'Guangxi' } },
  { code: '46', label: { zh: '海南省', en: 'Hainan' } },
  { code: '50', label: { zh: '重庆市', en: 'Chongqing' } },
  { code: '51', label: { zh: '四川省', en: 'Sichuan' } },
  { code: '52', label: { zh: '贵州省', en: 'Guizhou' } },
  { code: '53', label: { zh: '云南省', en: 'Yunnan' } },
  { code: '54', label: { zh: '西藏自治区', en: 'Xizang' } },
  { code: '61', label: { zh: '陕西省', en: 'Shaanxi' } },
  { code: '62', label: { zh: '甘肃省', en: 'Gansu' } },
  { code: '63', label: { zh: '青海省', en: 'Qinghai' } },
  { code: '64', label: { zh: '宁夏回族自治区', en: 'Ningxia' } },
  { code: '65', label: { zh: '新疆维吾尔自治区', en: 'Xinjiang' } },
];

/** The path of codes down to `code` (a Cascader's value), or [] if the code is not listed. */
export function regionPath(code: string | undefined): string[] {
  if (!code) return [];
  for (const region of regions) {
    if (region.code === code) return [region.code];
    const child = region.children?.find((c) => c.code === code);
    if (child) return [region.code, child.code];
  }
  return [];
}
