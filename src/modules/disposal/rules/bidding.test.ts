import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  type BiddingState,
  decideBid,
  extendedEndMs,
  extensionMs,
  minBiddingMs,
  minimumBidFen,
  outcomeAtClose,
  winsTie,
} from './bidding.ts';

const minute = 60_000;
const start = Date.UTC(2026, 3, 1, 2, 0, 0);

function aLot(overrides: Partial<BiddingState> = {}): BiddingState {
  return {
    startingPriceFen: 100_000_00,
    incrementFen: 1_000_00,
    biddingStartsAtMs: start,
    endsAtMs: start + minBiddingMs,
    currentPriceFen: null,
    leader: null,
    lastBidAtMs: null,
    bidCount: 0,
    isOpen: true,
    ...overrides,
  };
}

function accept(state: BiddingState, bid: Parameters<typeof decideBid>[1]): BiddingState {
  const decision = decideBid(state, bid);
  assert.ok(decision.ok, `expected the bid to be accepted: ${JSON.stringify(decision)}`);
  return decision.state;
}

describe('bidding (网拍规定 arts. 20–21)', () => {
  test('the constants are the rule’s numbers: 5 minutes, 24 hours', () => {
    assert.equal(extensionMs, 5 * 60 * 1000);
    assert.equal(minBiddingMs, 24 * 60 * 60 * 1000);
  });

  test('the first bid must reach the starting price; later ones the current price plus the increment', () => {
    const lot = aLot();
    const early = { depositId: 'a', preemptorRank: null, nowMs: start + minute };
    assert.deepEqual(decideBid(lot, { ...early, amountFen: 99_999_99 }), {
      ok: false,
      reason: 'tooLow',
      minimumFen: 100_000_00,
    });
    const after = accept(lot, { ...early, amountFen: 100_000_00 });
    assert.equal(minimumBidFen(after, null), 101_000_00);
    const b = { depositId: 'b', preemptorRank: null, nowMs: start + 2 * minute };
    assert.equal(decideBid(after, { ...b, amountFen: 100_999_99 }).ok, false);
    assert.equal(decideBid(after, { ...b, amountFen: 101_000_00 }).ok, true);
  });

  test('too early, at the end and after it, on a closed lot, by the leader: refused', () => {
    const lot = aLot();
    const bid = { depositId: 'a', preemptorRank: null, amountFen: 100_000_00 };
    const early = decideBid(lot, { ...bid, nowMs: start - 1 });
    assert.equal(early.ok ? 'ok' : early.reason, 'tooEarly');
    const atEnd = decideBid(lot, { ...bid, nowMs: lot.endsAtMs });
    assert.equal(atEnd.ok ? 'ok' : atEnd.reason, 'ended');
    const closed = decideBid({ ...lot, isOpen: false }, { ...bid, nowMs: start + minute });
    assert.equal(closed.ok ? 'ok' : closed.reason, 'closed');
    const led = accept(lot, { ...bid, nowMs: start + minute });
    const again = decideBid(led, { ...bid, amountFen: 200_000_00, nowMs: start + 2 * minute });
    assert.equal(again.ok ? 'ok' : again.reason, 'alreadyLeading');
  });

  test('a bid in the last 5 minutes moves the end to 5 minutes after it, and again', () => {
    const lot = aLot();
    const end = lot.endsAtMs;
    const early = accept(lot, {
      depositId: 'a',
      preemptorRank: null,
      amountFen: 100_000_00,
      nowMs: end - 6 * minute,
    });
    assert.equal(early.endsAtMs, end, 'a bid 6 minutes before the end moves nothing');
    const late = accept(early, {
      depositId: 'b',
      preemptorRank: null,
      amountFen: 101_000_00,
      nowMs: end - minute,
    });
    assert.equal(late.endsAtMs, end + 4 * minute);
    const later = accept(late, {
      depositId: 'a',
      preemptorRank: null,
      amountFen: 102_000_00,
      nowMs: end + 3 * minute,
    });
    assert.equal(later.endsAtMs, end + 8 * minute);
    assert.equal(extendedEndMs(end, end - 5 * minute), end, 'exactly 5 minutes before: the same end');
  });

  test('preemptors may match the highest bid and win the tie: first in order, then the earlier', () => {
    assert.equal(winsTie(2, { depositId: 'x', preemptorRank: null }), true);
    assert.equal(winsTie(1, { depositId: 'x', preemptorRank: 2 }), true);
    assert.equal(winsTie(2, { depositId: 'x', preemptorRank: 2 }), false, 'same rank: the earlier keeps it');
    assert.equal(winsTie(3, { depositId: 'x', preemptorRank: 2 }), false);
    assert.equal(winsTie(null, { depositId: 'x', preemptorRank: null }), false);
    let lot = accept(aLot(), { depositId: 'o', preemptorRank: null, amountFen: 100_000_00, nowMs: start });
    lot = accept(lot, { depositId: 'p2', preemptorRank: 2, amountFen: 100_000_00, nowMs: start + 1 });
    const same = decideBid(lot, {
      depositId: 'q2',
      preemptorRank: 2,
      amountFen: 100_000_00,
      nowMs: start + 2,
    });
    assert.equal(same.ok, false);
    lot = accept(lot, { depositId: 'p1', preemptorRank: 1, amountFen: 100_000_00, nowMs: start + 3 });
    const outcome = outcomeAtClose(lot);
    assert.deepEqual(outcome, {
      kind: 'won',
      leader: { depositId: 'p1', preemptorRank: 1 },
      priceFen: 100_000_00,
    });
  });

  test('no bid: the round fails', () => {
    assert.deepEqual(outcomeAtClose(aLot()), { kind: 'failed' });
  });
});

// Six bidders, some of them preemptors; bids of every kind of amount, at any instant around the auction.
const deposits = ['a', 'b', 'c', 'p1', 'p2', 'p2b'] as const;
const rankOf: Record<string, number | null> = { a: null, b: null, c: null, p1: 1, p2: 2, p2b: 2 };

const arbitraryBid = fc.record({
  who: fc.constantFrom(...deposits),
  kind: fc.constantFrom('below', 'equal', 'minimum', 'above', 'absolute'),
  extra: fc.integer({ min: 0, max: 500_000 }),
  absolute: fc.integer({ min: 1, max: 300_000_000 }),
  // From an hour before the start to an hour after the announced end, and late around the end.
  atOffsetMs: fc.oneof(
    fc.integer({ min: -3_600_000, max: minBiddingMs + 3_600_000 }),
    fc.integer({ min: minBiddingMs - 10 * minute, max: minBiddingMs + 30 * minute }),
  ),
});

describe('properties of any sequence of bids and times', () => {
  test('prices rise (only a preemptor’s tie repeats one), the end moves by the rule, no bid after the end, one winner', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryBid, { maxLength: 120 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (bids, startingPriceFen, incrementFen) => {
          let state = aLot({ startingPriceFen, incrementFen });
          const accepted: {
            depositId: string;
            amountFen: number;
            atMs: number;
            endsBefore: number;
            endsAfter: number;
            seq: number;
          }[] = [];
          for (const b of bids) {
            const current = state.currentPriceFen ?? state.startingPriceFen;
            const minimum = minimumBidFen(state, rankOf[b.who] ?? null);
            const amountFen =
              b.kind === 'below'
                ? Math.max(1, minimum - 1 - (b.extra % 1000))
                : b.kind === 'equal'
                  ? current
                  : b.kind === 'minimum'
                    ? minimum
                    : b.kind === 'above'
                      ? minimum + b.extra
                      : b.absolute;
            const before = state;
            const decision = decideBid(state, {
              depositId: b.who,
              preemptorRank: rankOf[b.who] ?? null,
              amountFen,
              nowMs: start + b.atOffsetMs,
            });
            if (!decision.ok) {
              assert.equal(state, before, 'a refusal changes nothing');
              continue;
            }
            accepted.push({
              depositId: b.who,
              amountFen,
              atMs: decision.atMs,
              endsBefore: before.endsAtMs,
              endsAfter: decision.state.endsAtMs,
              seq: decision.seq,
            });
            state = decision.state;
          }
          for (const [i, bid] of accepted.entries()) {
            assert.equal(bid.seq, i + 1, 'one gap-free sequence');
            assert.ok(bid.atMs >= state.biddingStartsAtMs, 'no bid before the start');
            assert.ok(bid.atMs < bid.endsBefore, 'no bid at or after the end');
            assert.ok(bid.atMs < state.endsAtMs, 'no bid after the final end');
            assert.equal(
              bid.endsAfter,
              Math.max(bid.endsBefore, bid.atMs + extensionMs),
              'the extension rule',
            );
            const previous = accepted[i - 1];
            if (!previous) {
              assert.ok(bid.amountFen >= startingPriceFen, 'the first bid reaches the start');
              continue;
            }
            assert.ok(bid.atMs >= previous.atMs, 'time follows the sequence');
            assert.notEqual(bid.depositId, previous.depositId, 'nobody outbids themself');
            if (bid.amountFen === previous.amountFen) {
              const rank = rankOf[bid.depositId] ?? null;
              const leaderRank = rankOf[previous.depositId] ?? null;
              assert.ok(
                rank !== null && (leaderRank === null || rank < leaderRank),
                'only a preemptor ties, by order',
              );
            } else {
              assert.ok(
                bid.amountFen >= previous.amountFen + incrementFen,
                'otherwise by the increment at least',
              );
            }
          }
          const outcome = outcomeAtClose(state);
          const last = accepted.at(-1);
          if (last === undefined) assert.equal(outcome.kind, 'failed');
          else {
            assert.equal(outcome.kind, 'won');
            assert.ok(
              outcome.kind === 'won' && outcome.leader.depositId === last.depositId,
              'the last bid wins',
            );
            assert.ok(outcome.kind === 'won' && outcome.priceFen === last.amountFen);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
