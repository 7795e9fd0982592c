import { addMonths } from '../kernel/index.ts';
import { computeExpiry } from './dates.ts';
import {
  type Asset,
  type AssetType,
  BALANCE_ASSET_TYPES,
  type Operation,
  SEALABLE_ASSET_TYPES,
  SEIZABLE_ASSET_TYPES,
  type SealRecord,
} from './types.ts';
import type { World } from './world/world.ts';

/**
 * The effects of control measures on the world. Invariant for every balance asset:
 * 0 ≤ Σ frozen amounts of active freezes ≤ balance. Seals on one thing form a queue (轮候查封):
 * the earliest active seal is effective, the others wait and move up when it is released or lapses.
 */
export type LedgerContext = {
  world: World;
  institution: string;
  now: number;
  /** Called when a waiting seal becomes the effective one. */
  onPromoted: (seal: SealRecord) => void;
};

export type Outcome = { status: string; reason?: string; reasonCode?: string } & Record<string, unknown>;

const reasons = {
  unknownAsset: '本机构无此财产 / No such asset at this institution',
  notApplicable: '该财产不适用此措施 / This measure does not apply to this asset',
  nothingAvailable: '无可冻结余额 / No unfrozen balance left',
  invalidPeriod: '期限无效或已过 / The until date is invalid or past',
  periodTooLong: '期限超过法定上限 / The period exceeds the statutory limit',
  mustExtend: '续行期限须晚于原期限 / A renewal must end later than the current period',
  unknownFreeze: '无此冻结 / No such freeze',
  unknownSeal: '无此查封 / No such seal',
  notInForce: '该措施已解除或失效 / The measure is no longer in force',
  otherCase: '非本案措施 / The measure belongs to another case',
  exceedsFrozen: '扣划金额超过冻结金额 / Amount exceeds the frozen amount',
  alreadySealed: '本案已查封该财产 / Already sealed in this case',
} as const;
export type ReasonCode = keyof typeof reasons;

export function reject(reasonCode: ReasonCode, extra: Record<string, unknown> = {}): Outcome {
  return { status: 'rejected', reasonCode, reason: reasons[reasonCode], ...extra };
}

export type Found<T> = { isFound: true; value: T } | { isFound: false; outcome: Outcome };
export const found = <T>(value: T): Found<T> => ({ isFound: true, value });
export const notFound = <T>(outcome: Outcome): Found<T> => ({ isFound: false, outcome });

/** CPL-I art. 485: deposits frozen ≤ 1 year; movables ≤ 2 years; real estate and other property rights ≤ 3 years. */
export function computeLimitYears(assetType: AssetType): number {
  if (assetType === 'deposit') return 1;
  if (assetType === 'vehicle' || assetType === 'ship') return 2;
  return 3;
}

/** Checks a period ending `until` that starts on the China date `from`; undefined when it is acceptable. */
export function checkPeriod(
  assetType: AssetType,
  until: string,
  from: string,
  now: number,
): Outcome | undefined {
  const expiresAt = computeExpiry(until);
  if (!(expiresAt > now)) return reject('invalidPeriod');
  if (expiresAt > computeExpiry(addMonths(from, 12 * computeLimitYears(assetType)))) {
    return reject('periodTooLong', { limitYears: computeLimitYears(assetType) });
  }
  return undefined;
}

export function computeFrozenFen(asset: Asset): number {
  let frozen = 0;
  for (const f of asset.freezes) if (f.status === 'active') frozen += f.amountFen;
  return frozen;
}

export function computeAvailableFen(asset: Asset): number {
  return Math.max(0, (asset.balanceFen ?? 0) - computeFrozenFen(asset));
}

/** Lapses the asset's expired measures at `now` and promotes the next seal in the queue. */
export function settleAsset(asset: Asset, now: number, onPromoted: (seal: SealRecord) => void): void {
  for (const f of asset.freezes) {
    if (f.status === 'active' && f.expiresAt <= now) {
      f.status = 'lapsed';
      f.amountFen = 0;
    }
  }
  const headBefore = findQueueHead(asset);
  for (const s of asset.seals) if (s.status === 'active' && s.expiresAt <= now) s.status = 'lapsed';
  const headAfter = findQueueHead(asset);
  if (headAfter && headAfter !== headBefore) onPromoted(headAfter);
}

export function findQueueHead(asset: Asset): SealRecord | undefined {
  return asset.seals.find((s) => s.status === 'active');
}

/** 1 for the effective seal, 2 for the first one waiting behind it …; 0 when not in force. */
export function computeQueuePosition(asset: Asset, seal: SealRecord): number {
  if (seal.status !== 'active') return 0;
  let position = 0;
  for (const s of asset.seals) {
    if (s.status === 'active') position++;
    if (s === seal) return position;
  }
  return 0;
}

export function findAsset(ctx: LedgerContext, identifier: string, operation: Operation): Found<Asset> {
  const asset = ctx.world.assetsByIdentifier.get(identifier);
  if (!asset?.holders.includes(ctx.institution)) return notFound(reject('unknownAsset'));
  const types =
    operation === 'freeze'
      ? BALANCE_ASSET_TYPES
      : operation === 'seize'
        ? SEIZABLE_ASSET_TYPES
        : SEALABLE_ASSET_TYPES;
  if (!types.includes(asset.assetType)) return notFound(reject('notApplicable'));
  settleAsset(asset, ctx.now, ctx.onPromoted);
  return found(asset);
}

/** A measure named by its id may also name its case; then it must be that case's. */
export type MeasureRef = { caseNumber?: string | undefined };
