import type { FastifyReply, FastifyRequest } from 'fastify';
import { clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import { bidFrame, type LotHub, type Watcher } from './auction-live.ts';
import { findLot } from './auction-store.ts';
import { getPublicLot, listBids, publicViewOf } from './use-cases/lot-read.ts';

/**
 * `GET /api/v1/auction/lots/{id}/stream`: a lot's live updates as Server-Sent Events for a client
 * that asks for `text/event-stream` (EventSource does) — `snapshot` first (the public lot), then
 * `bid` (with its sequence as the event id), `state` and a `clock` heartbeat; any other client gets
 * the public lot once, as JSON (a polling fallback).
 */
const maxWatchersPerProcess = 20_000;
const catchUpLimit = 1000;

function lastEventIdOf(request: FastifyRequest, since: number | undefined): number | undefined {
  const header = request.headers['last-event-id'];
  const value = Array.isArray(header) ? header[0] : header;
  const fromHeader = value !== undefined && /^\d{1,10}$/.test(value) ? Number(value) : undefined;
  return fromHeader ?? since;
}

export function wantsEventStream(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/event-stream');
}

/** Sends a watcher the bids it has not had (after a lost LISTEN connection, or a resume). */
export async function catchUp(db: Db, hub: LotHub, w: Watcher): Promise<void> {
  const bids = await listBids(db, w.lotId, { since: w.lastSeq, limit: catchUpLimit });
  for (const b of bids) {
    if (b.seq <= w.lastSeq) continue;
    w.lastSeq = b.seq;
    hub.write(w, bidFrame({ ...b, lotId: w.lotId }));
  }
  // The current state (and the true end) after the bids: a snapshot again.
  const lot = await findLot(db, w.lotId);
  if (lot)
    hub.write(w, `event: snapshot\ndata: ${JSON.stringify(await publicViewOf(db, lot, clock.nowMs()))}\n\n`);
}

export async function streamLot(
  db: Db,
  hub: LotHub,
  request: FastifyRequest,
  reply: FastifyReply,
  lotId: string,
  since: number | undefined,
): Promise<void> {
  if (hub.count() >= maxWatchersPerProcess) {
    throw new AppError(
      ErrorCode.unavailable,
      bi('观看人数过多，请稍后再试', 'Too many watchers, try again later'),
    );
  }
  await hub.ready();
  // Registered before the snapshot is read: what commits meanwhile waits behind the snapshot.
  const watcher: Watcher = {
    lotId,
    // Every bid is kept while the snapshot is read; those after it are sent after it.
    lastSeq: 0,
    pending: [],
    res: reply.raw,
  };
  const resumeFrom = lastEventIdOf(request, since);
  hub.add(watcher);
  let snapshot: Awaited<ReturnType<typeof getPublicLot>>;
  try {
    snapshot = await getPublicLot(db, lotId);
  } catch (err) {
    hub.remove(watcher);
    throw err;
  }
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
  });
  res.on('close', () => hub.remove(watcher));
  const head: string[] = ['retry: 2000\n\n'];
  if (resumeFrom !== undefined && resumeFrom < snapshot.bidCount) {
    const missed = await listBids(db, lotId, { since: resumeFrom, limit: catchUpLimit });
    for (const b of missed) head.push(bidFrame({ ...b, lotId }));
  }
  head.push(`event: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`);
  // Frames that arrived while the snapshot was read: bids after it only (each carries its seq).
  let lastSeq = snapshot.bidCount;
  for (const frame of watcher.pending ?? []) {
    const seq = /^id: (\d+)\n/.exec(frame)?.[1];
    if (seq !== undefined && Number(seq) <= snapshot.bidCount) continue;
    if (seq !== undefined) lastSeq = Math.max(lastSeq, Number(seq));
    head.push(frame);
  }
  watcher.pending = null;
  watcher.lastSeq = lastSeq;
  res.write(head.join(''));
}
