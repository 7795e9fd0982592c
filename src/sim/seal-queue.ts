import { chinaDateOf } from '../kernel/index.ts';
import { computeExpiry } from './dates.ts';
import {
  checkPeriod,
  computeQueuePosition,
  type Found,
  findAsset,
  findQueueHead,
  found,
  type LedgerContext,
  type MeasureRef,
  notFound,
  type Outcome,
  reject,
  settleAsset,
} from './measures.ts';
import type { Asset, SealRecord } from './types.ts';

/**
 * Seals and seizures queue per thing in order of arrival (轮候查封): the earliest in force is
 * effective, a release or lapse moves the next one up.
 */
export type SealInput = { identifier: string; until: string; caseNumber: string; court: string };

/** Seals or seizes; behind an earlier court's seal the new one waits in the queue (轮候查封). */
export function applySeal(
  ctx: LedgerContext,
  kind: 'seal' | 'seize',
  input: SealInput,
  sealId: string,
  requestId: string,
): Outcome {
  const lookup = findAsset(ctx, input.identifier, kind);
  if (!lookup.isFound) return lookup.outcome;
  const asset = lookup.value;
  const badPeriod = checkPeriod(asset.assetType, input.until, chinaDateOf(ctx.now), ctx.now);
  if (badPeriod) return badPeriod;
  const mine = asset.seals.find((s) => s.status === 'active' && s.caseNumber === input.caseNumber);
  if (mine) return reject('alreadySealed', { sealId: mine.sealId });
  const seal: SealRecord = {
    sealId,
    institution: ctx.institution,
    identifier: asset.identifier,
    kind,
    caseNumber: input.caseNumber,
    court: input.court,
    until: input.until,
    expiresAt: computeExpiry(input.until),
    createdAt: ctx.now,
    status: 'active',
    requestId,
  };
  asset.seals.push(seal);
  ctx.world.seals.set(sealId, seal);
  const queuePosition = computeQueuePosition(asset, seal);
  return {
    status: queuePosition === 1 ? 'sealed' : 'queued',
    sealId,
    identifier: asset.identifier,
    queuePosition,
    until: input.until,
  };
}

export function findActiveSeal(
  ctx: LedgerContext,
  sealId: string,
  ref: MeasureRef,
): Found<{ seal: SealRecord; asset: Asset }> {
  const seal = ctx.world.seals.get(sealId);
  const asset = seal ? ctx.world.assetsByIdentifier.get(seal.identifier) : undefined;
  if (!seal || !asset?.holders.includes(ctx.institution)) return notFound(reject('unknownSeal'));
  settleAsset(asset, ctx.now, ctx.onPromoted);
  if (ref.caseNumber !== undefined && ref.caseNumber !== seal.caseNumber)
    return notFound(reject('otherCase'));
  if (seal.status !== 'active') return notFound(reject('notInForce', { sealStatus: seal.status }));
  return found({ seal, asset });
}

export function applyRelease(ctx: LedgerContext, input: { sealId: string } & MeasureRef): Outcome {
  const lookup = findActiveSeal(ctx, input.sealId, input);
  if (!lookup.isFound) return lookup.outcome;
  const { seal, asset } = lookup.value;
  const headBefore = findQueueHead(asset);
  seal.status = 'released';
  const headAfter = findQueueHead(asset);
  if (headAfter && headAfter !== headBefore) ctx.onPromoted(headAfter);
  return { status: 'released', sealId: seal.sealId };
}
