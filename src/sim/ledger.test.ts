import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addMonths, chinaDateOf } from '../kernel/index.ts';
import { applyDeduct, applyFreeze, applyRenew, applyUnfreeze } from './ledger.ts';
import { CASE, contextAt, DAY, makeAsset, makeWorld, START, untilIn } from './measure-fixtures.ts';
import { computeFrozenFen, computeLimitYears, settleAsset } from './measures.ts';
import { applySeal } from './seal-queue.ts';
import type { AssetType } from './types.ts';

type FreezeCommand =
  | { kind: 'freeze'; amountFen: number | null; days: number }
  | { kind: 'unfreeze'; pick: number }
  | { kind: 'deduct'; pick: number; amountFen: number }
  | { kind: 'renew'; pick: number; days: number }
  | { kind: 'advance'; days: number };

const freezeCommand: fc.Arbitrary<FreezeCommand> = fc.oneof(
  fc.record({
    kind: fc.constant('freeze' as const),
    amountFen: fc.option(fc.integer({ min: 1, max: 2_000_000 }), { nil: null }),
    days: fc.integer({ min: 1, max: 400 }),
  }),
  fc.record({ kind: fc.constant('unfreeze' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('deduct' as const),
    pick: fc.nat(),
    amountFen: fc.integer({ min: 1, max: 1_500_000 }),
  }),
  fc.record({ kind: fc.constant('renew' as const), pick: fc.nat(), days: fc.integer({ min: 1, max: 500 }) }),
  fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 200 }) }),
);

describe('ledger: freezes, unfreezes, deductions and renewals', () => {
  it('keeps Σ active freezes ≤ balance, and the balance falls by exactly what was deducted', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.array(freezeCommand, { maxLength: 40 }),
        (balance, commands) => {
          const asset = makeAsset('deposit', 'acct-1', balance);
          const world = makeWorld([asset]);
          const freezeIds: string[] = [];
          let now = START;
          let deducted = 0;
          commands.forEach((c, i) => {
            const ctx = contextAt(world, now);
            const pick = (n: number) => freezeIds[n % Math.max(1, freezeIds.length)] ?? 'none';
            if (c.kind === 'freeze') {
              const available = balance - deducted - computeFrozenFen(asset);
              const input = { identifier: 'acct-1', until: untilIn(now, c.days), ...CASE };
              const r = applyFreeze(
                ctx,
                c.amountFen === null
                  ? { ...input, wholeAccount: true }
                  : { ...input, amountFen: c.amountFen },
                `fz-${i}`,
              );
              if (r.status === 'frozen' || r.status === 'partiallyFrozen') {
                freezeIds.push(`fz-${i}`);
                // The real amount frozen: what was asked, or what was left.
                assert.equal(
                  r.amountFen,
                  c.amountFen === null ? available : Math.min(c.amountFen, available),
                );
                assert.equal(r.status === 'partiallyFrozen', c.amountFen !== null && c.amountFen > available);
              } else {
                assert.equal(r.status, 'rejected');
              }
            } else if (c.kind === 'unfreeze') {
              applyUnfreeze(ctx, { freezeId: pick(c.pick) });
            } else if (c.kind === 'deduct') {
              const r = applyDeduct(
                ctx,
                { freezeId: pick(c.pick), amountFen: c.amountFen, courtAccount: 'court' },
                `tr-${i}`,
              );
              if (r.status === 'deducted') deducted += c.amountFen;
            } else if (c.kind === 'renew') {
              const f = world.freezes.get(pick(c.pick));
              if (f) applyRenew(ctx, { freezeId: f.freezeId, until: untilIn(f.expiresAt - 1, c.days) });
            } else {
              now += c.days * DAY;
              settleAsset(asset, now, () => {});
            }
            const frozen = computeFrozenFen(asset);
            assert.ok(frozen <= (asset.balanceFen ?? 0), `frozen ${frozen} > balance ${asset.balanceFen}`);
            assert.ok(
              asset.freezes.every((f) => f.amountFen >= 0 && (f.status === 'active') === f.amountFen > 0),
            );
            assert.equal(asset.balanceFen, balance - deducted);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('deducts only from a freeze in force and never more than it holds', () => {
    const asset = makeAsset('deposit', 'acct-2', 100_000);
    const world = makeWorld([asset]);
    const ctx = contextAt(world, START);
    const frozen = applyFreeze(
      ctx,
      { identifier: 'acct-2', amountFen: 30_000, until: untilIn(START, 30), ...CASE },
      'fz-a',
    );
    assert.equal(frozen.status, 'frozen');
    assert.equal(
      applyDeduct(ctx, { freezeId: 'fz-a', amountFen: 30_001, courtAccount: 'c' }, 'tr-1').reasonCode,
      'exceedsFrozen',
    );
    assert.equal(
      applyDeduct(ctx, { freezeId: 'fz-a', amountFen: 30_000, courtAccount: 'c' }, 'tr-2').status,
      'deducted',
    );
    assert.equal(asset.balanceFen, 70_000);
    // Exhausted: nothing left to deduct, and the freeze is no longer in force.
    assert.equal(
      applyDeduct(ctx, { freezeId: 'fz-a', amountFen: 1, courtAccount: 'c' }, 'tr-3').reasonCode,
      'notInForce',
    );
    assert.equal(world.transfers.size, 1);
  });

  it('refuses a measure for another case and a renewal that does not extend', () => {
    const asset = makeAsset('deposit', 'acct-3', 100_000);
    const world = makeWorld([asset]);
    const ctx = contextAt(world, START);
    applyFreeze(
      ctx,
      { identifier: 'acct-3', amountFen: 10_000, until: untilIn(START, 100), ...CASE },
      'fz-b',
    );
    assert.equal(
      applyUnfreeze(ctx, { freezeId: 'fz-b', caseNumber: '（2026）浙0106执999号' }).reasonCode,
      'otherCase',
    );
    assert.equal(applyRenew(ctx, { freezeId: 'fz-b', until: untilIn(START, 50) }).reasonCode, 'mustExtend');
    const renewed = applyRenew(ctx, { freezeId: 'fz-b', until: untilIn(START, 200) });
    assert.equal(renewed.status, 'renewed');
    // The freeze now outlives its first end date.
    settleAsset(asset, START + 150 * DAY, () => {});
    assert.equal(computeFrozenFen(asset), 10_000);
    settleAsset(asset, START + 202 * DAY, () => {});
    assert.equal(computeFrozenFen(asset), 0);
  });
});

describe('ledger: statutory limits on the period (CPL-I art. 485)', () => {
  it('deposits 1 year, vehicles and ships 2 years, real estate and other rights 3 years', () => {
    assert.equal(computeLimitYears('deposit'), 1);
    assert.equal(computeLimitYears('vehicle'), 2);
    assert.equal(computeLimitYears('ship'), 2);
    assert.equal(computeLimitYears('realEstate'), 3);
    assert.equal(computeLimitYears('equity'), 3);
  });

  it('accepts a period exactly up to the limit and refuses one day more, for new measures and renewals', () => {
    const types: AssetType[] = ['deposit', 'onlinePayment', 'vehicle', 'realEstate', 'equity', 'ship'];
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.integer({ min: -3, max: 3 }),
        fc.integer({ min: 0, max: 2000 }),
        (type, delta, startDay) => {
          const now = START + startDay * DAY;
          const isBalance = ['deposit', 'onlinePayment'].includes(type);
          const asset = makeAsset(type, 'thing', isBalance ? 1_000 : undefined);
          const world = makeWorld([asset]);
          const ctx = contextAt(world, now);
          const limitDate = addMonths(chinaDateOf(now), 12 * computeLimitYears(type));
          const until = chinaDateOf(Date.parse(`${limitDate}T12:00:00+08:00`) + delta * DAY);
          const r = isBalance
            ? applyFreeze(ctx, { identifier: 'thing', amountFen: 10, until, ...CASE }, 'fz')
            : applySeal(ctx, 'seal', { identifier: 'thing', until, ...CASE }, 'sl', 'rq');
          assert.equal(
            r.status === 'rejected',
            delta > 0,
            `${type} until ${until} (limit ${limitDate}): ${r.status}`,
          );
          if (delta <= 0) {
            // A renewal counts its period from the current end date.
            const next = chinaDateOf(
              Date.parse(`${addMonths(until, 12 * computeLimitYears(type))}T12:00:00+08:00`) + delta * DAY,
            );
            const renewed = applyRenew(
              ctx,
              isBalance ? { freezeId: 'fz', until: next } : { sealId: 'sl', until: next },
            );
            assert.equal(renewed.status, 'renewed');
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a period that has already ended', () => {
    const world = makeWorld([makeAsset('deposit', 'acct-4', 1_000)]);
    const r = applyFreeze(
      contextAt(world, START),
      { identifier: 'acct-4', amountFen: 10, until: untilIn(START, -1), ...CASE },
      'fz',
    );
    assert.equal(r.reasonCode, 'invalidPeriod');
  });
});
