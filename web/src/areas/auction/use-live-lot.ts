import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import {
  auctionKeys,
  fetchPublicLot,
  type LiveLot,
  lotStreamUrl,
  offsetFrom,
  type TPublicBid,
  type TPublicLot,
} from '../../api/disposal.ts';
import { lotStates } from './labels.ts';

/**
 * A lot kept live: read once, then followed through its Server-Sent Events stream (`snapshot`,
 * `bid`, `state`, `clock`) — reconnecting by itself, and after a refusal with a growing pause. The
 * offset of the server's clock comes with every snapshot, state change and heartbeat (`serverNow`
 * less the moment it arrived), so that the countdown runs on the server's time, not the browser's.
 */
export type Connection = 'connecting' | 'live' | 'reconnecting';

/** A bid as the stream sends it (auction-live.ts `bidFrame`): the public bid and the price after it. */
export type BidFrame = TPublicBid & { currentPriceFen: number };
type StateFrame = {
  state: TPublicLot['state'];
  winnerBidderNumber: string | null;
  priceFen: number | null;
  endsAt?: string;
  serverNow?: string;
};

const maxBids = 100;
const maxPauseMs = 30_000;

function parse(data: unknown): Record<string, unknown> | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : null;
  } catch {
    return null;
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

function readBid(data: unknown): BidFrame | null {
  const v = parse(data);
  if (!v) return null;
  const { seq, bidderNumber, amountFen, currentPriceFen, at, endsAt, isPreemptor } = v;
  if (!isInt(seq) || !isString(bidderNumber) || !isInt(amountFen) || !isString(at) || !isString(endsAt))
    return null;
  return {
    seq,
    bidderNumber,
    amountFen,
    currentPriceFen: isInt(currentPriceFen) ? currentPriceFen : amountFen,
    at,
    endsAt,
    isPreemptor: isPreemptor === true,
  };
}

function readState(data: unknown): StateFrame | null {
  const v = parse(data);
  if (!v || !isString(v.state)) return null;
  const state = readLotState(v.state);
  if (!state) return null;
  return {
    state,
    winnerBidderNumber: isString(v.winnerBidderNumber) ? v.winnerBidderNumber : null,
    priceFen: isInt(v.priceFen) ? v.priceFen : null,
    ...(isString(v.endsAt) ? { endsAt: v.endsAt } : {}),
    ...(isString(v.serverNow) ? { serverNow: v.serverNow } : {}),
  };
}

function readLotState(value: string): TPublicLot['state'] | null {
  return lotStates.find((s) => s === value) ?? null;
}

function readSnapshot(data: unknown): TPublicLot | null {
  if (typeof data !== 'string') return null;
  try {
    const value: TPublicLot = JSON.parse(data);
    return typeof value?.id === 'string' && Array.isArray(value.bids) ? value : null;
  } catch {
    return null;
  }
}

/** The lot after an accepted bid; the same lot when it already has it. */
export function applyBid(live: LiveLot, bid: BidFrame, receivedAtMs = Date.now()): LiveLot {
  const { lot } = live;
  if (bid.seq <= lot.bidCount) return live;
  const { currentPriceFen, ...publicBid } = bid;
  const bids = [publicBid, ...lot.bids.filter((b) => b.seq !== bid.seq)]
    .sort((a, b) => b.seq - a.seq)
    .slice(0, maxBids);
  // The server stamped the bid with its clock: "now" there is at least that.
  const atOffset = offsetFrom(bid.at, receivedAtMs);
  return {
    offsetMs: atOffset === null ? live.offsetMs : Math.max(live.offsetMs, atOffset),
    lot: {
      ...lot,
      state: lot.state === 'announced' ? 'bidding' : lot.state,
      bids,
      bidCount: bid.seq,
      currentPriceFen,
      endsAt: bid.endsAt,
    },
  };
}

function applyState(live: LiveLot, frame: StateFrame, receivedAtMs: number): LiveLot {
  const offset = frame.serverNow ? offsetFrom(frame.serverNow, receivedAtMs) : null;
  return {
    offsetMs: offset ?? live.offsetMs,
    lot: {
      ...live.lot,
      state: frame.state,
      winnerBidderNumber: frame.winnerBidderNumber ?? live.lot.winnerBidderNumber,
      priceFen: frame.priceFen ?? live.lot.priceFen,
      ...(frame.endsAt ? { endsAt: frame.endsAt } : {}),
    },
  };
}

function update(queryClient: QueryClient, lotId: string, change: (live: LiveLot) => LiveLot): void {
  queryClient.setQueryData<LiveLot>(auctionKeys.lot(lotId), (old) => (old ? change(old) : old));
}

/** Applies a bid the bidder's own request answered, before the stream brings it. */
export function applyOwnBid(queryClient: QueryClient, lotId: string, bid: BidFrame): void {
  update(queryClient, lotId, (live) => applyBid(live, bid));
}

export function useLiveLot(lotId: string) {
  const queryClient = useQueryClient();
  const [connection, setConnection] = useState<Connection>('connecting');
  const [lastBid, setLastBid] = useState<BidFrame | null>(null);

  const query = useQuery({
    queryKey: auctionKeys.lot(lotId),
    queryFn: async ({ signal }) => {
      const fresh = await fetchPublicLot(lotId, signal);
      // The stream may already have brought later bids than this answer holds.
      const cached = queryClient.getQueryData<LiveLot>(auctionKeys.lot(lotId));
      return cached && cached.lot.bidCount > fresh.lot.bidCount && fresh.lot.state === cached.lot.state
        ? { ...cached, offsetMs: fresh.offsetMs }
        : fresh;
    },
    retry: (count, error) => !(isApiError(error) && error.status === 404) && count < 2,
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: number | undefined;
    let failures = 0;
    let isDisposed = false;

    const connect = () => {
      if (isDisposed) return;
      setConnection((c) => (c === 'live' ? 'reconnecting' : c));
      const es = new EventSource(lotStreamUrl(lotId));
      source = es;
      es.onopen = () => {
        failures = 0;
        setConnection('live');
      };
      es.addEventListener('snapshot', (event) => {
        const lot = readSnapshot(event.data);
        if (!lot) return;
        const offset = offsetFrom(lot.serverNow, Date.now());
        queryClient.setQueryData<LiveLot>(auctionKeys.lot(lotId), (old) => ({
          lot,
          offsetMs: offset ?? old?.offsetMs ?? 0,
        }));
        setConnection('live');
      });
      es.addEventListener('bid', (event) => {
        const bid = readBid(event.data);
        if (!bid) return;
        const before = queryClient.getQueryData<LiveLot>(auctionKeys.lot(lotId));
        update(queryClient, lotId, (live) => applyBid(live, bid));
        if (before && bid.seq > before.lot.bidCount) setLastBid(bid);
        // A gap in the sequence: read the lot again rather than show a history with holes.
        if (before && bid.seq > before.lot.bidCount + 1) {
          void queryClient.invalidateQueries({ queryKey: auctionKeys.lot(lotId) });
        }
      });
      es.addEventListener('state', (event) => {
        const frame = readState(event.data);
        if (!frame) return;
        update(queryClient, lotId, (live) => applyState(live, frame, Date.now()));
        // The whole lot after a change of state (the price, the balance's due date …), and the
        // bidder's own deposits (won, released).
        void queryClient.invalidateQueries({ queryKey: auctionKeys.lot(lotId) });
        void queryClient.invalidateQueries({ queryKey: auctionKeys.bidders() });
      });
      es.addEventListener('clock', (event) => {
        const v = parse(event.data);
        const offset = v && isString(v.serverNow) ? offsetFrom(v.serverNow, Date.now()) : null;
        if (offset !== null) update(queryClient, lotId, (live) => ({ ...live, offsetMs: offset }));
      });
      es.onerror = () => {
        if (isDisposed) return;
        setConnection('reconnecting');
        // CONNECTING: the browser tries again by itself (with Last-Event-ID). CLOSED: it gave up
        // (an error answer), so try again after a pause that grows.
        if (es.readyState === EventSource.CLOSED) {
          es.close();
          failures += 1;
          const pause = Math.min(maxPauseMs, 1000 * 2 ** Math.min(failures, 5));
          timer = window.setTimeout(connect, pause);
        }
      };
    };

    connect();
    return () => {
      isDisposed = true;
      window.clearTimeout(timer);
      source?.close();
    };
  }, [lotId, queryClient]);

  return { query, connection, lastBid };
}

/** The server's "now" in ms, ticking every half second from the browser's clock plus the offset. */
export function useServerNow(offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    setNow(Date.now() + offsetMs);
    const timer = window.setInterval(() => setNow(Date.now() + offsetMs), 500);
    return () => window.clearInterval(timer);
  }, [offsetMs]);
  return now;
}
