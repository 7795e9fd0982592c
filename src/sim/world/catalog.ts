/** Word lists for the synthetic asset world. */

/** Banks a person or company keeps accounts with, weighted by market share in Zhejiang; card BIN prefix. */
export const BANKS: ReadonlyArray<readonly [code: string, weight: number, bin: string]> = [
  ['icbc', 16, '622202'],
  ['abc', 14, '622848'],
  ['ccb', 13, '621700'],
  ['boc', 9, '621661'],
  ['bocom', 6, '622262'],
  ['psbc', 7, '621799'],
  ['cmb', 7, '621483'],
  ['citic', 3, '621768'],
  ['cib', 4, '622909'],
  ['spdb', 3, '622521'],
  ['hzbank', 6, '621977'],
  ['nbcb', 5, '621418'],
  ['zjrcu', 9, '621058'],
];

export const BANK_BRANCHES = [
  '营业部',
  '城西支行',
  '城东支行',
  '高新支行',
  '开发区支行',
  '中山支行',
  '湖滨支行',
];

export const WEALTH_PRODUCTS = ['稳利', '安享', '季季鑫', '天天盈', '添利', '睿远', '鑫益'];

/**
 * Models on Chinese roads, with the year each was first sold here (registrations start then, and
 * not before 2012 in this world): no 2012 小鹏 P7.
 */
export const VEHICLES: ReadonlyArray<
  readonly [model: string, newPriceYuan: number, isElectric: boolean, firstSoldYear: number]
> = [
  ['大众 帕萨特', 220_000, false, 2012],
  ['大众 朗逸', 130_000, false, 2012],
  ['丰田 凯美瑞', 200_000, false, 2012],
  ['本田 雅阁', 190_000, false, 2012],
  ['日产 轩逸', 120_000, false, 2012],
  ['别克 君越', 230_000, false, 2012],
  ['吉利 星越L', 160_000, false, 2021],
  ['长安 CS75', 120_000, false, 2014],
  ['宝马 5系', 450_000, false, 2012],
  ['奔驰 E级', 480_000, false, 2012],
  ['奥迪 A6L', 420_000, false, 2012],
  ['比亚迪 汉', 220_000, true, 2020],
  ['比亚迪 秦PLUS', 130_000, true, 2021],
  ['特斯拉 Model 3', 260_000, true, 2019],
  ['理想 L7', 330_000, true, 2023],
  ['小鹏 P7', 230_000, true, 2020],
  ['五菱 宏光', 60_000, false, 2012],
  ['江铃 顺达 货车', 110_000, false, 2012],
];

export const STOCKS: ReadonlyArray<readonly [code: string, name: string, priceFen: number]> = [
  ['600519', '贵州茅台', 150_000_0],
  ['601318', '中国平安', 5_200],
  ['600036', '招商银行', 3_600],
  ['000858', '五粮液', 13_500],
  ['002415', '海康威视', 3_100],
  ['000333', '美的集团', 7_000],
  ['600887', '伊利股份', 2_800],
  ['300750', '宁德时代', 20_000],
  ['601398', '工商银行', 650],
  ['002594', '比亚迪', 26_000],
  ['600104', '上汽集团', 1_500],
  ['002050', '三花智控', 2_400],
];

export const INSURANCE_PRODUCTS = ['国寿鑫享', '国寿福', '平安福', '金瑞人生', '御享财富', '安鑫保'];

export const SHIP_KINDS = ['散货船', '集装箱船', '油船', '多用途船', '渔船'];

/** Courts that sealed or froze things before the demo starts. */
export const EARLIER_COURTS: ReadonlyArray<readonly [code: string, name: string]> = [
  ['浙0102', '杭州市上城区人民法院'],
  ['浙0105', '杭州市拱墅区人民法院'],
  ['浙0106', '杭州市西湖区人民法院'],
  ['浙0108', '杭州市滨江区人民法院'],
  ['浙0109', '杭州市萧山区人民法院'],
  ['浙0110', '杭州市余杭区人民法院'],
  ['浙0203', '宁波市海曙区人民法院'],
  ['浙0212', '宁波市鄞州区人民法院'],
  ['浙01', '杭州市中级人民法院'],
  ['浙02', '宁波市中级人民法院'],
];

/** Registered capital choices (yuan) for the companies whose equity people hold. */
export const REGISTERED_CAPITAL_YUAN = [
  500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 30_000_000, 50_000_000,
];

/** Housing price per square metre (yuan) by city. */
export const PRICE_PER_SQM_YUAN = { hz: [25_000, 70_000], nb: [16_000, 40_000] } as const;

export const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
