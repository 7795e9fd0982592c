import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyFreeze, applyRenew } from './ledger.ts';
import { CASE, contextAt, DAY, makeAsset, makeWorld, START, untilIn } from './measure-fixtures.ts';
import { computeQueuePosition, findQueueHead, settleAsset } from './measures.ts';
import { applyRelease, applySeal } from './seal-queue.ts';
import type { SealRecord } from './types.ts';

type SealCommand =
  | { kind: 'seal'; days: number }
  | { kind: 'release'; pick: number }
  | { kind: 'renew'; pick: number; days: number }
  | { kind: 'advance'; days: number };

const sealCommand: fc.Arbitrary<SealCommand> = fc.oneof(
  fc.record({ kind: fc.constant('seal' as const), days: fc.integer({ min: 1, max: 900 }) }),
  fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('renew' as const), pick: fc.nat(), days: fc.integer({ min: 1, max: 600 }) }),
  fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 300 }) }),
);

describe('ledger: the seal queue (轮候查封)', () => {
  it('orders seals by arrival; the earliest in force is effective; a release or lapse promotes the next', () => {
    fc.assert(
      fc.property(fc.array(sealCommand, { maxLength: 40 }), (commands) => {
        const asset = makeAsset('realEstate', 'flat-1');
        const world = makeWorld([asset]);
        const promoted: SealRecord[] = [];
        const arrival: string[] = [];
        let now = START;
        commands.forEach((c, i) => {
          const headBefore = findQueueHead(asset);
          const ctx = contextAt(world, now, promoted);
          const pick = (n: number) => arrival[n % Math.max(1, arrival.length)] ?? 'none';
          if (c.kind === 'seal') {
            const r = applySeal(
              ctx,
              'seal',
              { identifier: 'flat-1', until: untilIn(now, c.days), ...CASE, caseNumber: `case-${i}` },
              `sl-${i}`,
              `rq-${i}`,
            );
            if (r.status !== 'rejected') {
              arrival.push(`sl-${i}`);
              // Effective only when no earlier seal is still in force; otherwise it waits its turn.
              const waitingAhead = asset.seals.filter(
                (s) => s.status === 'active' && s.sealId !== `sl-${i}`,
              ).length;
              assert.equal(r.status, waitingAhead === 0 ? 'sealed' : 'queued');
              assert.equal(r.queuePosition, waitingAhead + 1);
            }
          } else if (c.kind === 'release') {
            applyRelease(ctx, { sealId: pick(c.pick) });
          } else if (c.kind === 'renew') {
            const s = world.seals.get(pick(c.pick));
            if (s) applyRenew(ctx, { sealId: s.sealId, until: untilIn(s.expiresAt - 1, c.days) });
          } else {
            now += c.days * DAY;
            settleAsset(asset, now, (s) => promoted.push(s));
          }
          const active = asset.seals.filter((s) => s.status === 'active');
          // Arrival order is kept among the seals in force.
          assert.deepEqual(
            active.map((s) => s.sealId),
            arrival.filter((id) => active.some((s) => s.sealId === id)),
          );
          active.forEach((s, k) => {
            assert.equal(computeQueuePosition(asset, s), k + 1);
          });
          if (c.kind === 'advance')
            assert.ok(
              active.every((s) => s.expiresAt > now),
              'a lapsed seal left in force',
            );
          const headAfter = findQueueHead(asset);
          if (headBefore && headAfter && headAfter !== headBefore) {
            // The old head left (released or lapsed) and the next in line was told.
            assert.notEqual(headBefore.status, 'active');
            assert.equal(promoted.at(-1), headAfter);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a second seal for the same case, and seizure of what cannot be seized', () => {
    const flat = makeAsset('realEstate', 'flat-2');
    const world = makeWorld([flat]);
    const ctx = contextAt(world, START);
    assert.equal(
      applySeal(ctx, 'seal', { identifier: 'flat-2', until: untilIn(START, 300), ...CASE }, 'sl-1', 'rq-1')
        .status,
      'sealed',
    );
    assert.equal(
      applySeal(ctx, 'seal', { identifier: 'flat-2', until: untilIn(START, 300), ...CASE }, 'sl-2', 'rq-2')
        .reasonCode,
      'alreadySealed',
    );
    assert.equal(
      applySeal(ctx, 'seize', { identifier: 'flat-2', until: untilIn(START, 300), ...CASE }, 'sl-3', 'rq-3')
        .reasonCode,
      'notApplicable',
    );
    assert.equal(
      applyFreeze(ctx, { identifier: 'flat-2', amountFen: 1, until: untilIn(START, 30), ...CASE }, 'fz')
        .reasonCode,
      'notApplicable',
    );
    assert.equal(
      applySeal(ctx, 'seal', { identifier: 'nothing', until: untilIn(START, 30), ...CASE }, 'sl-4', 'rq-4')
        .reasonCode,
      'unknownAsset',
    );
  });
});
