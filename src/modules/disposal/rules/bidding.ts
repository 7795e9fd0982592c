/**
 * Bidding on one lot (网拍规定 2016 arts. 20–21), as a pure function of the lot's bidding state and
 * one bid. The database decides every real bid with the same rule in one statement under the lot's
 * row lock (`disposal.place_bids`, migrations/0002_auction.sql); this is its specification, which
 * the property tests and the SQL are both held to.
 */

// 网拍规定 art. 20: a bid in the final 5 minutes moves the end to 5 minutes after that bid
export const extensionMs = 5 * 60 * 1000;

// 网拍规定 art. 20: bidding lasts at least 24 hours
export const minBiddingMs = 24 * 60 * 60 * 1000;

export type Leader = { depositId: string; preemptorRank: number | null };

export type BiddingState = {
  startingPriceFen: number;
  incrementFen: number;
  biddingStartsAtMs: number;
  /** The current end: the announced one, moved by late bids. */
  endsAtMs: number;
  /** The highest accepted bid; null before the first. */
  currentPriceFen: number | null;
  leader: Leader | null;
  /** The instant of the last accepted bid (bids are stamped in order, never earlier than it). */
  lastBidAtMs: number | null;
  /** Accepted bids so far: the sequence of the next is `bidCount + 1`. */
  bidCount: number;
  /** False once the lot is closed (or withdrawn): nothing more is accepted. */
  isOpen: boolean;
};

export type Bid = {
  depositId: string;
  /** The bidder's order among the lot's preemptors (1 first); null for an ordinary bidder. */
  preemptorRank: number | null;
  amountFen: number;
  /** The server's clock when the bid arrived. */
  nowMs: number;
};

export type BidRefusal = 'closed' | 'tooEarly' | 'ended' | 'alreadyLeading' | 'tooLow';

export type BidDecision =
  | { ok: true; seq: number; atMs: number; state: BiddingState }
  | { ok: false; reason: BidRefusal; minimumFen?: number };

/**
 * Whether `challenger` wins a tie against `leader` (网拍规定 art. 21): a preemptor may bid the same
 * price as the highest bid and wins at equal price; among preemptors the one first in order (lower
 * rank number) wins, and at the same rank the earlier bid — the leader — keeps it.
 */
export function winsTie(challengerRank: number | null, leader: Leader | null): boolean {
  if (challengerRank === null || leader === null) return false;
  return leader.preemptorRank === null || challengerRank < leader.preemptorRank;
}

/** The lowest amount this bidder may bid now (网拍规定 art. 20: the start, then the current price plus the increment). */
export function minimumBidFen(state: BiddingState, preemptorRank: number | null): number {
  if (state.currentPriceFen === null) return state.startingPriceFen;
  return winsTie(preemptorRank, state.leader)
    ? state.currentPriceFen
    : state.currentPriceFen + state.incrementFen;
}

/**
 * 网拍规定 art. 20: a bid below the start, or below the current price plus the increment, is void —
 * except a preemptor's bid of exactly the current price that wins the tie (art. 21).
 */
export function isHighEnough(state: BiddingState, bid: Pick<Bid, 'amountFen' | 'preemptorRank'>): boolean {
  if (state.currentPriceFen === null) return bid.amountFen >= state.startingPriceFen;
  if (bid.amountFen === state.currentPriceFen) return winsTie(bid.preemptorRank, state.leader);
  return bid.amountFen >= state.currentPriceFen + state.incrementFen;
}

/** The instant a bid is stamped with: the clock's, never before the previous bid's (one order of time and sequence). */
export function stampOf(state: BiddingState, nowMs: number): number {
  return state.lastBidAtMs === null ? nowMs : Math.max(nowMs, state.lastBidAtMs);
}

/** The end after a bid at `atMs` (网拍规定 art. 20): five minutes after it when that is later. */
export function extendedEndMs(endsAtMs: number, atMs: number): number {
  return Math.max(endsAtMs, atMs + extensionMs);
}

export function decideBid(state: BiddingState, bid: Bid): BidDecision {
  if (!state.isOpen) return { ok: false, reason: 'closed' };
  const atMs = stampOf(state, bid.nowMs);
  if (atMs < state.biddingStartsAtMs) return { ok: false, reason: 'tooEarly' };
  if (atMs >= state.endsAtMs) return { ok: false, reason: 'ended' };
  if (state.leader?.depositId === bid.depositId) return { ok: false, reason: 'alreadyLeading' };
  if (!isHighEnough(state, bid)) {
    return { ok: false, reason: 'tooLow', minimumFen: minimumBidFen(state, bid.preemptorRank) };
  }
  const seq = state.bidCount + 1;
  return {
    ok: true,
    seq,
    atMs,
    state: {
      ...state,
      currentPriceFen: bid.amountFen,
      leader: { depositId: bid.depositId, preemptorRank: bid.preemptorRank },
      lastBidAtMs: atMs,
      bidCount: seq,
      endsAtMs: extendedEndMs(state.endsAtMs, atMs),
    },
  };
}

/** The outcome at the close: the leader wins (网拍规定 art. 20: one bid at or above the start suffices); no bid, the round fails. */
export function outcomeAtClose(
  state: BiddingState,
): { kind: 'won'; leader: Leader; priceFen: number } | { kind: 'failed' } {
  if (state.leader === null || state.currentPriceFen === null) return { kind: 'failed' };
  return { kind: 'won', leader: state.leader, priceFen: state.currentPriceFen };
}
