import { createWeightedPicker, drawDigits, type Random } from '../../demo/random.ts';
import type { Asset, AssetType, SubjectKind } from '../types.ts';
import {
  BANK_BRANCHES,
  BANKS,
  INSURANCE_PRODUCTS,
  PLATE_LETTERS,
  PRICE_PER_SQM_YUAN,
  SHIP_KINDS,
  STOCKS,
  VEHICLES,
  WEALTH_PRODUCTS,
} from './catalog.ts';

export type City = 'hz' | 'nb';
export type Stake = {
  companyName: string;
  creditCode: string;
  sharePct: number;
  registeredCapitalFen: number;
};
export type SubjectProfile = {
  kind: SubjectKind;
  key: string;
  name: string;
  city: City;
  isMinor: boolean;
  isShipping: boolean;
  stakes: Stake[];
};
export type BuildContext = {
  random: Random;
  profile: SubjectProfile;
  isTaken: (identifier: string) => boolean;
  /** Start of the world's reference day (unix ms): other courts' measures date from the year before it. */
  referenceMs: number;
};

const pickBank = createWeightedPicker(BANKS.map((b) => [b, b[1]] as const));
const CITY_NAME = { hz: '杭州市', nb: '宁波市' } as const;

/** Log-uniform amount in fen between two yuan amounts: many small, few large. */
export function drawFen(random: Random, minYuan: number, maxYuan: number): number {
  const lo = Math.log(Math.max(1, minYuan));
  const hi = Math.log(Math.max(minYuan + 1, maxYuan));
  return Math.round(Math.exp(lo + random.next() * (hi - lo)) * 100);
}

export function buildDeposit(ctx: BuildContext, minYuan: number, maxYuan: number): Asset {
  const [bank, , bin] = pickBank(ctx.random);
  const isCompany = ctx.profile.kind === 'company';
  const identifier = drawUnique(ctx, () =>
    isCompany ? `${bin.slice(2)}${drawDigits(ctx.random, 13)}` : `${bin}${drawDigits(ctx.random, 13)}`,
  );
  const balanceFen = drawFen(ctx.random, minYuan, maxYuan);
  const branch = `${CITY_NAME[ctx.profile.city]}${ctx.random.pick(BANK_BRANCHES)}`;
  const accountKind = isCompany ? (ctx.random.chance(0.5) ? '基本存款账户' : '一般存款账户') : '个人结算账户';
  return makeAsset(ctx, 'deposit', identifier, [bank], `${accountKind} ${branch}`, balanceFen, true, {
    branch,
    accountKind,
    currency: 'CNY',
  });
}

export function buildWealthProduct(ctx: BuildContext): Asset {
  const [bank] = pickBank(ctx.random);
  const identifier = drawUnique(ctx, () => `${bank.toUpperCase()}WM${drawDigits(ctx.random, 10)}`);
  const product = `${ctx.random.pick(WEALTH_PRODUCTS)}${ctx.random.int(1, 12)}号理财`;
  const fen = drawFen(ctx.random, 50_000, ctx.profile.kind === 'company' ? 20_000_000 : 3_000_000);
  return makeAsset(ctx, 'wealthProduct', identifier, [bank], product, fen, true, { product });
}

export function buildOnlinePayment(ctx: BuildContext, platform: 'alipay' | 'tenpay', maxYuan: number): Asset {
  const identifier = drawUnique(ctx, () =>
    platform === 'alipay' ? `2088${drawDigits(ctx.random, 12)}` : `wxp_${drawDigits(ctx.random, 14)}`,
  );
  const description = platform === 'alipay' ? '支付宝账户余额（含余额宝）' : '微信支付零钱（含零钱通）';
  const fen = drawFen(ctx.random, 0, maxYuan);
  return makeAsset(ctx, 'onlinePayment', identifier, [platform], description, fen, true, {});
}

export function buildHousingFund(ctx: BuildContext): Asset {
  const holder = ctx.profile.city === 'hz' ? 'hzgjj' : 'nbgjj';
  const identifier = drawUnique(
    ctx,
    () => `${ctx.profile.city.toUpperCase()}GJJ${drawDigits(ctx.random, 12)}`,
  );
  const fen = drawFen(ctx.random, 3_000, 300_000);
  return makeAsset(ctx, 'housingFund', identifier, [holder], '住房公积金个人账户', fen, true, {
    monthlyDepositFen: ctx.random.int(500, 6_000) * 100,
  });
}

export function buildInsurance(ctx: BuildContext): Asset {
  const insurer = ctx.random.chance(0.55) ? 'chinalife' : 'pingan';
  const identifier = drawUnique(
    ctx,
    () => `${insurer === 'chinalife' ? '2018' : 'P0'}${drawDigits(ctx.random, 16)}`,
  );
  const product = ctx.random.pick(INSURANCE_PRODUCTS);
  const fen = drawFen(ctx.random, 5_000, 1_000_000);
  return makeAsset(ctx, 'insurance', identifier, [insurer], `${product} 保单现金价值`, fen, true, {
    product,
  });
}

export function buildSecurities(ctx: BuildContext, maxYuan: number): Asset {
  const isShanghai = ctx.random.chance(0.5);
  const identifier = drawUnique(ctx, () => `${isShanghai ? 'A' : '0'}${drawDigits(ctx.random, 9)}`);
  const holdings: Array<{ code: string; name: string; shares: number; valueFen: number }> = [];
  const budget = drawFen(ctx.random, 10_000, maxYuan);
  const count = ctx.random.int(1, 4);
  for (let i = 0; i < count; i++) {
    const [code, name, priceFen] = ctx.random.pick(STOCKS);
    const shares = Math.max(100, Math.round(budget / count / priceFen / 100) * 100);
    if (holdings.some((h) => h.code === code)) continue;
    holdings.push({ code, name, shares, valueFen: shares * priceFen });
  }
  const cashFen = drawFen(ctx.random, 0, 50_000);
  const total = holdings.reduce((s, h) => s + h.valueFen, cashFen);
  return makeAsset(
    ctx,
    'securities',
    identifier,
    ['chinaclear'],
    `证券账户（${isShanghai ? '上海' : '深圳'}）`,
    total,
    true,
    {
      holdings,
      cashFen,
    },
  );
}

export function buildRealEstate(ctx: BuildContext, isCommercial: boolean): Asset {
  const city = ctx.profile.city;
  const year = ctx.random.int(2016, 2025);
  const identifier = drawUnique(
    ctx,
    () => `浙(${year})${CITY_NAME[city]}不动产权第${String(ctx.random.int(1, 9_999_999)).padStart(7, '0')}号`,
  );
  const area =
    Math.round((isCommercial ? 80 + ctx.random.next() * 900 : 45 + ctx.random.next() * 140) * 100) / 100;
  const [lo, hi] = PRICE_PER_SQM_YUAN[city];
  const valueFen = Math.round(area * ctx.random.int(lo, hi)) * 100;
  const address = `浙江省${CITY_NAME[city]}${ctx.random.pick(city === 'hz' ? HZ_AREAS : NB_AREAS)}${ctx.random.int(1, 40)}幢${ctx.random.int(1, 3)}单元${ctx.random.int(1, 33)}0${ctx.random.int(1, 4)}室`;
  const use = isCommercial ? ctx.random.pick(['办公', '商业', '工业']) : '住宅';
  const holders = ['mnr', city === 'hz' ? 'hzbdc' : 'nbbdc'];
  return makeAsset(
    ctx,
    'realEstate',
    identifier,
    holders,
    `${address}（${use}，${area}㎡）`,
    valueFen,
    false,
    {
      address,
      areaSqm: area,
      use,
      mortgaged: ctx.random.chance(0.35),
    },
  );
}
const HZ_AREAS = [
  '西溪诚园',
  '翠苑一区',
  '新城时代广场',
  '星耀城',
  '金色海岸',
  '江南豪园',
  '未来科技城海创园',
];
const NB_AREAS = ['东部新城', '南部商务区', '天一家园', '万达广场', '江北万科城', '北仑新碶'];

export function buildVehicle(ctx: BuildContext): Asset {
  const letter = ctx.profile.city === 'hz' ? 'A' : 'B';
  const [model, newPriceYuan, isElectric, firstSoldYear] = ctx.random.pick(VEHICLES);
  const identifier = drawUnique(ctx, () =>
    isElectric
      ? `浙${letter}·${ctx.random.pick(['D', 'F'])}${drawDigits(ctx.random, 5)}`
      : `浙${letter}·${drawPlateTail(ctx.random)}`,
  );
  const year = ctx.random.int(Math.max(2012, firstSoldYear), 2025);
  const valueFen = Math.round(newPriceYuan * 0.85 ** (2026 - year)) * 100;
  return makeAsset(ctx, 'vehicle', identifier, ['vma'], `${model}（${year}年登记）`, valueFen, false, {
    model,
    registeredYear: year,
    vin: `L${drawDigits(ctx.random, 16)}`,
  });
}

function drawPlateTail(random: Random): string {
  let tail = '';
  for (let i = 0; i < 5; i++)
    tail += random.chance(0.2) ? random.pick([...PLATE_LETTERS]) : String(random.int(0, 9));
  return tail;
}

export function buildShip(ctx: BuildContext): Asset {
  const identifier = drawUnique(ctx, () => `CN${ctx.random.int(2008, 2024)}${drawDigits(ctx.random, 7)}`);
  const kind = ctx.random.pick(SHIP_KINDS);
  const name = `浙${ctx.profile.city === 'hz' ? '杭州' : '甬'}${kind === '渔船' ? '渔' : '货'}${ctx.random.int(1000, 9999)}`;
  const tonnage = ctx.random.int(kind === '渔船' ? 50 : 500, kind === '渔船' ? 400 : 20_000);
  const valueFen = tonnage * ctx.random.int(2_000, 6_000) * 100;
  return makeAsset(ctx, 'ship', identifier, ['msa'], `${name}（${kind}，${tonnage}总吨）`, valueFen, false, {
    shipName: name,
    shipKind: kind,
    grossTonnage: tonnage,
  });
}

export function buildEquity(ctx: BuildContext, stake: Stake): Asset {
  const identifier = `${stake.creditCode}/${ctx.profile.key}`;
  const valueFen = Math.round((stake.registeredCapitalFen * stake.sharePct) / 100);
  return makeAsset(
    ctx,
    'equity',
    identifier,
    ['samr'],
    `${stake.companyName} ${stake.sharePct}% 股权`,
    valueFen,
    false,
    {
      companyName: stake.companyName,
      companyCreditCode: stake.creditCode,
      sharePct: stake.sharePct,
      subscribedCapitalFen: valueFen,
    },
  );
}

function makeAsset(
  ctx: BuildContext,
  assetType: AssetType,
  identifier: string,
  holders: string[],
  description: string,
  valueFen: number,
  hasBalance: boolean,
  extra: Record<string, unknown>,
): Asset {
  return {
    assetType,
    identifier,
    holders,
    ownerKey: ctx.profile.key,
    ownerName: ctx.profile.name,
    description,
    valueFen,
    ...(hasBalance ? { balanceFen: valueFen } : {}),
    extra,
    freezes: [],
    seals: [],
  };
}

function drawUnique(ctx: BuildContext, draw: () => string): string {
  for (;;) {
    const candidate = draw();
    if (!ctx.isTaken(candidate)) return candidate;
  }
}
