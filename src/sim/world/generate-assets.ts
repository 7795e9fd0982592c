import { createRandom, createWeightedPicker, deriveSeed } from '../../demo/random.ts';
import type { Asset } from '../types.ts';
import {
  type BuildContext,
  buildDeposit,
  buildEquity,
  buildHousingFund,
  buildInsurance,
  buildOnlinePayment,
  buildRealEstate,
  buildSecurities,
  buildShip,
  buildVehicle,
  buildWealthProduct,
  type SubjectProfile,
} from './asset-builders.ts';
import { addEarlierFreeze, addEarlierSeal } from './earlier-measures.ts';

type Tier = 'none' | 'little' | 'modest' | 'substantial' | 'rich';

// Most enforcement debtors are hard to recover from: over two thirds have little or nothing.
const pickPersonTier = createWeightedPicker<Tier>([
  ['none', 38],
  ['little', 30],
  ['modest', 20],
  ['substantial', 9],
  ['rich', 3],
]);
const pickCompanyTier = createWeightedPicker<Tier>([
  ['none', 35],
  ['little', 30],
  ['modest', 20],
  ['substantial', 11],
  ['rich', 4],
]);

/**
 * The assets of one subject: deterministic per (seed, idNumber or creditCode), independent of every
 * other subject, except that identifiers already taken in the world are drawn again.
 */
export function generateAssets(
  seed: number,
  referenceMs: number,
  profile: SubjectProfile,
  isTaken: (id: string) => boolean,
): Asset[] {
  const random = createRandom(deriveSeed(seed, 'assets', profile.key));
  const assets: Asset[] = [];
  const used = new Set<string>();
  const ctx: BuildContext = { random, profile, referenceMs, isTaken: (id) => used.has(id) || isTaken(id) };
  const add = (asset: Asset) => {
    used.add(asset.identifier);
    assets.push(asset);
  };
  const tier: Tier = profile.isMinor
    ? 'none'
    : profile.kind === 'person'
      ? pickPersonTier(random)
      : pickCompanyTier(random);
  if (profile.kind === 'person') addPersonAssets(ctx, tier, add);
  else addCompanyAssets(ctx, tier, add);
  for (const stake of profile.stakes) add(buildEquity(ctx, stake));
  addEarlierMeasures(ctx, tier, assets);
  return assets;
}

function addPersonAssets(ctx: BuildContext, tier: Tier, add: (a: Asset) => void): void {
  const { random } = ctx;
  const repeat = (min: number, max: number, build: () => Asset) => {
    for (let n = random.int(min, max); n > 0; n--) add(build());
  };
  switch (tier) {
    case 'none':
      repeat(0, 1, () => buildDeposit(ctx, 0, 80));
      if (random.chance(0.4)) add(buildOnlinePayment(ctx, random.chance(0.5) ? 'alipay' : 'tenpay', 50));
      return;
    case 'little':
      repeat(1, 2, () => buildDeposit(ctx, 0, 3_000));
      if (random.chance(0.7)) add(buildOnlinePayment(ctx, 'alipay', 800));
      if (random.chance(0.7)) add(buildOnlinePayment(ctx, 'tenpay', 500));
      if (random.chance(0.3)) add(buildHousingFund(ctx));
      return;
    case 'modest':
      repeat(2, 3, () => buildDeposit(ctx, 1_000, 80_000));
      if (random.chance(0.8)) add(buildOnlinePayment(ctx, 'alipay', 20_000));
      if (random.chance(0.8)) add(buildOnlinePayment(ctx, 'tenpay', 5_000));
      if (random.chance(0.7)) add(buildHousingFund(ctx));
      if (random.chance(0.25)) add(buildRealEstate(ctx, false));
      if (random.chance(0.35)) add(buildVehicle(ctx));
      if (random.chance(0.2)) add(buildInsurance(ctx));
      return;
    case 'substantial':
      repeat(2, 4, () => buildDeposit(ctx, 20_000, 800_000));
      add(buildOnlinePayment(ctx, 'alipay', 100_000));
      if (random.chance(0.8)) add(buildOnlinePayment(ctx, 'tenpay', 20_000));
      if (random.chance(0.8)) add(buildHousingFund(ctx));
      repeat(1, 2, () => buildRealEstate(ctx, false));
      if (random.chance(0.7)) add(buildVehicle(ctx));
      if (random.chance(0.4)) add(buildWealthProduct(ctx));
      if (random.chance(0.35)) add(buildSecurities(ctx, 500_000));
      if (random.chance(0.5)) add(buildInsurance(ctx));
      return;
    case 'rich':
      repeat(3, 5, () => buildDeposit(ctx, 200_000, 8_000_000));
      add(buildOnlinePayment(ctx, 'alipay', 500_000));
      add(buildOnlinePayment(ctx, 'tenpay', 50_000));
      if (random.chance(0.6)) add(buildHousingFund(ctx));
      repeat(2, 4, () => buildRealEstate(ctx, random.chance(0.3)));
      repeat(1, 3, () => buildVehicle(ctx));
      repeat(1, 2, () => buildWealthProduct(ctx));
      if (random.chance(0.7)) add(buildSecurities(ctx, 5_000_000));
      if (random.chance(0.8)) add(buildInsurance(ctx));
      if (random.chance(ctx.profile.city === 'nb' ? 0.3 : 0.1)) add(buildShip(ctx));
      return;
  }
}

function addCompanyAssets(ctx: BuildContext, tier: Tier, add: (a: Asset) => void): void {
  const { random } = ctx;
  const repeat = (min: number, max: number, build: () => Asset) => {
    for (let n = random.int(min, max); n > 0; n--) add(build());
  };
  const balanceRange = {
    none: [0, 2_000],
    little: [1_000, 60_000],
    modest: [20_000, 800_000],
    substantial: [200_000, 8_000_000],
    rich: [2_000_000, 60_000_000],
  }[tier];
  repeat(1, tier === 'none' ? 1 : tier === 'rich' ? 5 : 3, () =>
    buildDeposit(ctx, balanceRange[0] ?? 0, balanceRange[1] ?? 0),
  );
  if (tier === 'none') return;
  if (random.chance(0.3)) add(buildOnlinePayment(ctx, 'alipay', tier === 'little' ? 5_000 : 200_000));
  const rank = { none: 0, little: 1, modest: 2, substantial: 3, rich: 4 }[tier];
  if (random.chance([0, 0.2, 0.5, 0.8, 1][rank] ?? 0)) repeat(1, rank * 2, () => buildVehicle(ctx));
  if (random.chance([0, 0, 0.2, 0.6, 0.9][rank] ?? 0)) repeat(1, rank - 1, () => buildRealEstate(ctx, true));
  if (random.chance([0, 0, 0.1, 0.4, 0.6][rank] ?? 0)) add(buildWealthProduct(ctx));
  if (ctx.profile.isShipping ? rank >= 1 : random.chance(rank >= 3 && ctx.profile.city === 'nb' ? 0.1 : 0)) {
    repeat(1, Math.max(1, rank), () => buildShip(ctx));
  }
}

/** Debtors with little are often already pursued by other courts: their things carry earlier measures. */
function addEarlierMeasures(ctx: BuildContext, tier: Tier, assets: readonly Asset[]): void {
  const pressure = tier === 'none' || tier === 'little' ? 0.25 : tier === 'modest' ? 0.15 : 0.08;
  for (const asset of assets) {
    if (asset.balanceFen !== undefined) {
      if (asset.balanceFen > 0 && asset.assetType === 'deposit' && ctx.random.chance(pressure)) {
        addEarlierFreeze(ctx, asset);
      }
    } else if (ctx.random.chance(pressure * 1.5)) {
      addEarlierSeal(ctx, asset);
      if (ctx.random.chance(0.3)) addEarlierSeal(ctx, asset);
    }
  }
}
