import type { Random } from '../../demo/random.ts';
import { addMonths, chinaDateOf } from '../../kernel/index.ts';
import { computeExpiry } from '../dates.ts';
import type { Asset } from '../types.ts';
import type { BuildContext } from './asset-builders.ts';
import { EARLIER_COURTS } from './catalog.ts';

const DAY_MS = 86_400_000;

/** A day in the year before the reference day: all earlier measures are still in force on that day. */
function drawCreatedAt(ctx: BuildContext): number {
  return ctx.referenceMs - ctx.random.int(1, 360) * DAY_MS;
}

/** Another court froze part of a balance before the demo: the new case only gets what is left. */
export function addEarlierFreeze(ctx: BuildContext, asset: Asset): void {
  const createdAt = drawCreatedAt(ctx);
  const [court, caseNumber] = drawEarlierCase(ctx.random, createdAt);
  const amountFen = Math.max(1, Math.round((asset.balanceFen ?? 0) * (0.3 + ctx.random.next() * 0.7)));
  // CPL-I art. 485: a deposit is frozen for at most 1 year.
  const until = chinaDateOf(createdAt + 364 * DAY_MS);
  asset.freezes.push({
    freezeId: `fz-earlier-${asset.identifier}`,
    institution: asset.holders[0] ?? '',
    identifier: asset.identifier,
    caseNumber,
    court,
    requestedFen: amountFen,
    isWholeAccount: false,
    originalFen: amountFen,
    amountFen,
    deductedFen: 0,
    until,
    expiresAt: computeExpiry(until),
    createdAt,
    status: 'active',
  });
}

/** Another court sealed the thing before the demo: a new seal queues behind it. */
export function addEarlierSeal(ctx: BuildContext, asset: Asset): void {
  const createdAt = drawCreatedAt(ctx);
  const [court, caseNumber] = drawEarlierCase(ctx.random, createdAt);
  // CPL-I art. 485: movables sealed for at most 2 years, real estate and other rights 3.
  const years = asset.assetType === 'vehicle' || asset.assetType === 'ship' ? 2 : 3;
  const until = chinaDateOf(computeExpiry(addMonths(chinaDateOf(createdAt), 12 * years)) - 2 * DAY_MS);
  asset.seals.push({
    sealId: `sl-earlier-${asset.identifier}-${asset.seals.length + 1}`,
    institution: asset.holders[0] ?? '',
    identifier: asset.identifier,
    kind: 'seal',
    caseNumber,
    court,
    until,
    expiresAt: computeExpiry(until),
    createdAt,
    status: 'active',
    requestId: '',
  });
  // The queue (轮候查封) is in order of arrival.
  asset.seals.sort((a, b) => a.createdAt - b.createdAt);
}

function drawEarlierCase(random: Random, createdAt: number): [court: string, caseNumber: string] {
  const [code, name] = random.pick(EARLIER_COURTS);
  const year = Number(chinaDateOf(createdAt).slice(0, 4)) - (random.chance(0.6) ? 0 : 1);
  return [name, `（${year}）${code}执${random.int(1, 9999)}号`];
}
