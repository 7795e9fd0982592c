import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  checkDeductAmount,
  checkFreezeAmount,
  type HeldMeasure,
  heldFenOf,
  outstandingClaimFen,
} from './claim.ts';

const freeze = (state: string, o: Partial<HeldMeasure> = {}): HeldMeasure => ({
  kind: 'freeze',
  state,
  requestedFen: null,
  amountFen: null,
  deductedFen: 0,
  ...o,
});

test('the outstanding claim is claim − recovered − what the case already holds', () => {
  const measures = [
    freeze('inForce', { amountFen: 300_000, requestedFen: 500_000 }),
    freeze('requested', { requestedFen: 100_000 }),
    freeze('exhausted', { amountFen: 0, deductedFen: 50_000 }),
    freeze('rejected', { requestedFen: 999_999 }),
    { kind: 'seal', state: 'inForce', requestedFen: null, amountFen: null, deductedFen: 0 },
  ];
  assert.equal(outstandingClaimFen({ claimAmountFen: 1_000_000, recoveredFen: 200_000, measures }), 350_000);
  assert.equal(outstandingClaimFen({ claimAmountFen: 100, recoveredFen: 200, measures: [] }), 0);
});

test('a partially frozen answer holds only the real amount', () => {
  assert.equal(heldFenOf(freeze('inForce', { requestedFen: 500_000, amountFen: 120_000 })), 120_000);
});

test('over-freezing is refused; amounts must be positive whole fen', () => {
  assert.deepEqual(checkFreezeAmount(350_000, 350_000), { ok: true });
  assert.deepEqual(checkFreezeAmount(350_001, 350_000), {
    ok: false,
    problem: 'exceedsClaim',
    outstandingFen: 350_000,
  });
  assert.equal(checkFreezeAmount(0, 10).ok, false);
  assert.equal(checkFreezeAmount(1.5, 10).ok, false);
  assert.equal(checkDeductAmount(11, 10).ok, false);
  assert.equal(checkDeductAmount(10, 10).ok, true);
});

test('property: freezes accepted one after another never exceed claim − recovered', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 10 ** 12 }),
      fc.integer({ min: 0, max: 10 ** 12 }),
      fc.array(
        fc.record({
          ask: fc.integer({ min: 1, max: 10 ** 12 }),
          partial: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        { maxLength: 30 },
      ),
      (claim, recovered, asks) => {
        const measures: HeldMeasure[] = [];
        for (const { ask, partial } of asks) {
          const outstanding = outstandingClaimFen({
            claimAmountFen: claim,
            recoveredFen: recovered,
            measures,
          });
          if (!checkFreezeAmount(ask, outstanding).ok) continue;
          // The institution may freeze less (partially frozen): the real amount is recorded.
          measures.push(freeze('inForce', { requestedFen: ask, amountFen: Math.floor(ask * partial) }));
        }
        const held = measures.reduce((s, m) => s + heldFenOf(m), 0);
        assert.ok(held <= Math.max(0, claim - recovered));
      },
    ),
  );
});
