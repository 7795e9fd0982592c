import type { ServerResponse } from 'node:http';
import { clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { Logger } from '../../platform/logging.ts';
import { auctionChannel } from './auction-store.ts';

/**
 * Live updates of lots to watchers (Server-Sent Events), across every server process: each bid and
 * state change is a PostgreSQL notification sent at its commit (`disposal.place_bids`,
 * `notifyLotState`), in commit order; one LISTEN connection per server process receives them all and
 * fans each out to that process's watchers of the lot, formatted once. A watcher that connects gets
 * a snapshot first; bids carry their sequence (the SSE `id`), so a watcher never sees one twice, and
 * one that reconnects with `Last-Event-ID` (or `?since=`) is sent what it missed. When the LISTEN
 * connection comes back after a loss, every watcher is caught up from the database.
 */
export type Watcher = {
  lotId: string;
  /** The last bid sequence this watcher has (bids at or below it are not sent again). */
  lastSeq: number;
  /** Until the snapshot is written, frames wait here. */
  pending: string[] | null;
  res: ServerResponse;
};

export type BidNotice = {
  k: 'bid';
  lot: string;
  seq: number;
  amountFen: number;
  bidderNumber: string;
  at: string;
  endsAt: string;
  isPreemptor: boolean;
};
export type StateNotice = {
  k: 'state';
  lot: string;
  state: string;
  winnerBidderNumber: string | null;
  priceFen: number | null;
  endsAt?: string;
};

export type LotHub = {
  /** Resolves once this process listens: a watcher's snapshot is read after it. */
  ready(): Promise<void>;
  add(watcher: Watcher): void;
  remove(watcher: Watcher): void;
  /** Writes a frame to a watcher now, or after its snapshot. */
  write(watcher: Watcher, frame: string): void;
  count(): number;
  close(): Promise<void>;
};

// A watcher this far behind is cut off; its client reconnects and catches up.
const maxBufferedBytes = 1024 * 1024;
const heartbeatMs = 15_000;

function iso(value: string): string {
  const ms = Date.parse(value.includes('T') ? value : value.replace(' ', 'T'));
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

export function bidFrame(n: Omit<BidNotice, 'k' | 'lot'> & { lotId: string }): string {
  const data = {
    lotId: n.lotId,
    seq: n.seq,
    amountFen: n.amountFen,
    currentPriceFen: n.amountFen,
    bidderNumber: n.bidderNumber,
    at: iso(n.at),
    endsAt: iso(n.endsAt),
    isPreemptor: n.isPreemptor,
  };
  return `id: ${n.seq}\nevent: bid\ndata: ${JSON.stringify(data)}\n\n`;
}

export function stateFrame(n: StateNotice): string {
  const data = {
    lotId: n.lot,
    state: n.state,
    winnerBidderNumber: n.winnerBidderNumber,
    priceFen: n.priceFen,
    ...(n.endsAt === undefined ? {} : { endsAt: iso(n.endsAt) }),
    serverNow: clock.now().toISOString(),
  };
  return `event: state\ndata: ${JSON.stringify(data)}\n\n`;
}

export function createLotHub(opts: {
  database: Database;
  logger: Logger;
  /** Catches a watcher up from the database (after the LISTEN connection was lost and came back). */
  catchUp(watcher: Watcher): Promise<void>;
}): LotHub {
  const byLot = new Map<string, Set<Watcher>>();
  let listening: Promise<{ unlisten(): Promise<void> }> | null = null;
  let listens = 0;
  let isClosed = false;
  let heartbeat: NodeJS.Timeout | null = null;

  const send = (w: Watcher, frame: string) => {
    if (w.pending) {
      w.pending.push(frame);
      return;
    }
    if (w.res.writableLength > maxBufferedBytes) {
      w.res.destroy();
      return;
    }
    w.res.write(frame);
  };

  const onNotify = (payload: string) => {
    let notice: BidNotice | StateNotice;
    try {
      notice = JSON.parse(payload);
    } catch {
      return;
    }
    const watchers = byLot.get(notice.lot);
    if (!watchers || watchers.size === 0) return;
    if (notice.k === 'bid') {
      const frame = bidFrame({ ...notice, lotId: notice.lot });
      for (const w of watchers) {
        if (notice.seq <= w.lastSeq) continue;
        w.lastSeq = notice.seq;
        send(w, frame);
      }
      return;
    }
    const frame = stateFrame(notice);
    for (const w of watchers) send(w, frame);
  };

  const onListen = () => {
    listens += 1;
    if (listens === 1) return;
    // Reconnected: notifications sent while the connection was down are lost; read them back.
    for (const watchers of byLot.values()) {
      for (const w of watchers) {
        opts.catchUp(w).catch((err) => opts.logger.warn({ err }, 'auction stream catch-up failed'));
      }
    }
  };

  return {
    ready() {
      if (isClosed) return Promise.reject(new Error('the auction streams are closed'));
      if (!listening) {
        const started = opts.database.sql.listen(auctionChannel, onNotify, onListen);
        listening = started;
        // A failed start is tried again by the next watcher, not remembered.
        started.catch(() => {
          if (listening === started) listening = null;
        });
      }
      heartbeat ??= setInterval(() => {
        const frame = `event: clock\ndata: ${JSON.stringify({ serverNow: clock.now().toISOString() })}\n\n`;
        for (const watchers of byLot.values()) for (const w of watchers) send(w, frame);
      }, heartbeatMs);
      heartbeat.unref();
      return listening.then(() => undefined);
    },
    add(watcher) {
      let watchers = byLot.get(watcher.lotId);
      if (!watchers) {
        watchers = new Set();
        byLot.set(watcher.lotId, watchers);
      }
      watchers.add(watcher);
    },
    remove(watcher) {
      const watchers = byLot.get(watcher.lotId);
      watchers?.delete(watcher);
      if (watchers?.size === 0) byLot.delete(watcher.lotId);
    },
    write: send,
    count() {
      let n = 0;
      for (const watchers of byLot.values()) n += watchers.size;
      return n;
    },
    async close() {
      isClosed = true;
      if (heartbeat) clearInterval(heartbeat);
      for (const watchers of byLot.values()) for (const w of watchers) w.res.end();
      byLot.clear();
      const l = listening;
      listening = null;
      if (l) await l.then((x) => x.unlisten()).catch(() => undefined);
    },
  };
}
