import { chinaDateOf } from '../kernel/index.ts';
import { computeExpiry } from './dates.ts';
import {
  checkPeriod,
  computeAvailableFen,
  computeQueuePosition,
  type Found,
  findAsset,
  found,
  type LedgerContext,
  type MeasureRef,
  notFound,
  type Outcome,
  reject,
  settleAsset,
} from './measures.ts';
import { findActiveSeal } from './seal-queue.ts';
import type { FreezeRecord } from './types.ts';

/**
 * Freezes, unfreezes, deductions and renewals. Invariant for every balance asset:
 * 0 ≤ Σ frozen amounts of active freezes ≤ balance; a deduction lowers both together.
 */
export type FreezeInput = {
  identifier: string;
  amountFen?: number | undefined;
  wholeAccount?: boolean | undefined;
  until: string;
  caseNumber: string;
  court: string;
};

/** Freezes what it can: never beyond the unfrozen balance; less than asked is `partiallyFrozen`. */
export function applyFreeze(ctx: LedgerContext, input: FreezeInput, freezeId: string): Outcome {
  const lookup = findAsset(ctx, input.identifier, 'freeze');
  if (!lookup.isFound) return lookup.outcome;
  const asset = lookup.value;
  const badPeriod = checkPeriod(asset.assetType, input.until, chinaDateOf(ctx.now), ctx.now);
  if (badPeriod) return badPeriod;
  const available = computeAvailableFen(asset);
  const isWhole = input.wholeAccount === true;
  const requested = isWhole ? null : (input.amountFen ?? 0);
  const amountFen = requested === null ? available : Math.min(requested, available);
  if (amountFen <= 0) return reject('nothingAvailable', { amountFen: 0, availableFen: available });
  const record: FreezeRecord = {
    freezeId,
    institution: ctx.institution,
    identifier: asset.identifier,
    caseNumber: input.caseNumber,
    court: input.court,
    requestedFen: requested,
    isWholeAccount: isWhole,
    originalFen: amountFen,
    amountFen,
    deductedFen: 0,
    until: input.until,
    expiresAt: computeExpiry(input.until),
    createdAt: ctx.now,
    status: 'active',
  };
  asset.freezes.push(record);
  ctx.world.freezes.set(freezeId, record);
  const isPartial = requested !== null && amountFen < requested;
  return {
    status: isPartial ? 'partiallyFrozen' : 'frozen',
    freezeId,
    identifier: asset.identifier,
    amountFen,
    ...(requested !== null ? { requestedFen: requested } : { wholeAccount: true }),
    balanceFen: asset.balanceFen ?? 0,
    until: input.until,
  };
}

function findActiveFreeze(ctx: LedgerContext, freezeId: string, ref: MeasureRef): Found<FreezeRecord> {
  const f = ctx.world.freezes.get(freezeId);
  const asset = f ? ctx.world.assetsByIdentifier.get(f.identifier) : undefined;
  if (!f || !asset?.holders.includes(ctx.institution)) return notFound(reject('unknownFreeze'));
  settleAsset(asset, ctx.now, ctx.onPromoted);
  if (ref.caseNumber !== undefined && ref.caseNumber !== f.caseNumber) return notFound(reject('otherCase'));
  if (f.status !== 'active') return notFound(reject('notInForce', { freezeStatus: f.status }));
  return found(f);
}

export function applyUnfreeze(ctx: LedgerContext, input: { freezeId: string } & MeasureRef): Outcome {
  const lookup = findActiveFreeze(ctx, input.freezeId, input);
  if (!lookup.isFound) return lookup.outcome;
  const f = lookup.value;
  const amountFen = f.amountFen;
  f.status = 'released';
  f.amountFen = 0;
  return { status: 'unfrozen', freezeId: f.freezeId, amountFen };
}

/** Transfers frozen money: balance and frozen amount drop together, never beyond the frozen amount. */
export function applyDeduct(
  ctx: LedgerContext,
  input: { freezeId: string; amountFen: number; courtAccount: unknown } & MeasureRef,
  transferId: string,
): Outcome {
  const lookup = findActiveFreeze(ctx, input.freezeId, input);
  if (!lookup.isFound) return lookup.outcome;
  const f = lookup.value;
  if (input.amountFen > f.amountFen) return reject('exceedsFrozen', { frozenFen: f.amountFen });
  const asset = ctx.world.assetsByIdentifier.get(f.identifier);
  if (!asset || asset.balanceFen === undefined) return reject('unknownFreeze');
  asset.balanceFen -= input.amountFen;
  asset.valueFen = asset.balanceFen;
  f.amountFen -= input.amountFen;
  f.deductedFen += input.amountFen;
  if (f.amountFen === 0) f.status = 'exhausted';
  ctx.world.transfers.set(transferId, {
    transferId,
    freezeId: f.freezeId,
    identifier: f.identifier,
    amountFen: input.amountFen,
    courtAccount: input.courtAccount,
    at: ctx.now,
  });
  return {
    status: 'deducted',
    transferId,
    freezeId: f.freezeId,
    amountFen: input.amountFen,
    remainingFrozenFen: f.amountFen,
    balanceFen: asset.balanceFen,
  };
}

/** Extends a freeze or seal in force; the new period counts from the later of today and the current end. */
export function applyRenew(
  ctx: LedgerContext,
  input: { freezeId?: string | undefined; sealId?: string | undefined; until: string } & MeasureRef,
): Outcome {
  const expiresAt = computeExpiry(input.until);
  if (input.freezeId !== undefined) {
    const lookup = findActiveFreeze(ctx, input.freezeId, input);
    if (!lookup.isFound) return lookup.outcome;
    const f = lookup.value;
    const bad = checkRenewal(ctx, f.identifier, f.until, f.expiresAt, input.until);
    if (bad) return bad;
    f.until = input.until;
    f.expiresAt = expiresAt;
    return { status: 'renewed', freezeId: f.freezeId, until: input.until, amountFen: f.amountFen };
  }
  const lookup = findActiveSeal(ctx, input.sealId ?? '', input);
  if (!lookup.isFound) return lookup.outcome;
  const { seal, asset } = lookup.value;
  const bad = checkRenewal(ctx, seal.identifier, seal.until, seal.expiresAt, input.until);
  if (bad) return bad;
  seal.until = input.until;
  seal.expiresAt = expiresAt;
  return {
    status: 'renewed',
    sealId: seal.sealId,
    until: input.until,
    queuePosition: computeQueuePosition(asset, seal),
  };
}

function checkRenewal(
  ctx: LedgerContext,
  identifier: string,
  currentUntil: string,
  currentExpiresAt: number,
  until: string,
): Outcome | undefined {
  const asset = ctx.world.assetsByIdentifier.get(identifier);
  if (!asset) return reject('unknownAsset');
  if (!(computeExpiry(until) > currentExpiresAt)) return reject('mustExtend', { currentUntil });
  const from = chinaDateOf(Math.max(ctx.now, currentExpiresAt - 1));
  return checkPeriod(asset.assetType, until, from, ctx.now);
}
