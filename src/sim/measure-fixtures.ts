/** Fixtures of the ledger and seal-queue property tests: one asset holder, a fixed clock. */
import { chinaDateOf } from '../kernel/index.ts';
import type { LedgerContext } from './measures.ts';
import type { Asset, AssetType, SealRecord } from './types.ts';
import { createWorld, registerAssets, type World } from './world/world.ts';

export const DAY = 86_400_000;
export const START = Date.parse('2026-03-02T10:00:00+08:00');
export const CASE = { caseNumber: '（2026）浙0106执100号', court: '杭州市西湖区人民法院' };

export function makeAsset(assetType: AssetType, identifier: string, balanceFen?: number): Asset {
  return {
    assetType,
    identifier,
    holders: ['icbc'],
    ownerKey: 'owner',
    ownerName: '张三',
    description: identifier,
    valueFen: balanceFen ?? 100_000_000,
    ...(balanceFen === undefined ? {} : { balanceFen }),
    extra: {},
    freezes: [],
    seals: [],
  };
}

export function makeWorld(assets: Asset[]): World {
  const world = createWorld({ seed: 1, population: { seed: 1, persons: 0, companies: 0 } });
  registerAssets(world, 'owner', assets);
  return world;
}

export function contextAt(world: World, now: number, promoted: SealRecord[] = []): LedgerContext {
  return { world, institution: 'icbc', now, onPromoted: (s) => promoted.push(s) };
}

export const untilIn = (now: number, days: number): string => chinaDateOf(now + days * DAY);
