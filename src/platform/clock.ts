import { sql as dsql } from 'drizzle-orm';
import { chinaDateOf } from '../kernel/index.ts';
import type { Database, DbOrTx } from './db.ts';
import type { Logger } from './logging.ts';

/**
 * The one clock (docs/decisions/0011-one-clock.md). Every legal rule, deadline, term, scheduled
 * slot and date a person sees reads `clock.now()` or `clock.today()` — never `new Date()`. In demo
 * mode the administrator may move it forward (`POST /api/v1/demo/clock`); the offset from real
 * time lives in `platform.clock`, so all processes and a restart agree, and each process keeps a
 * copy that a PostgreSQL notification updates at once.
 *
 * Machine time stays on `Date.now()`: leases, retries, back-off, timeouts, rate windows and
 * sessions measure how long the machine waited, which moving the calendar does not change.
 */
export type Clock = {
  /** The current instant. */
  now(): Date;
  /** The current instant in ms since the epoch. */
  nowMs(): number;
  /** Today's China date, `YYYY-MM-DD`. */
  today(): string;
  /** How far the clock runs ahead of real time, in ms (0 outside demo mode). */
  offsetMs(): number;
  /** The real (machine) instant at which the clock will show `at`: for timers and job queues. */
  toMachineTime(at: Date): Date;
};

let currentOffsetMs = 0;
const listeners = new Set<(offsetMs: number) => void>();

export const clock: Clock = {
  now: () => new Date(Date.now() + currentOffsetMs),
  nowMs: () => Date.now() + currentOffsetMs,
  today: () => chinaDateOf(Date.now() + currentOffsetMs),
  offsetMs: () => currentOffsetMs,
  toMachineTime: (at) => new Date(at.getTime() - currentOffsetMs),
};

const channel = 'zhixing_clock';

function applyOffset(offsetMs: number): void {
  if (!Number.isSafeInteger(offsetMs) || offsetMs === currentOffsetMs) return;
  currentOffsetMs = offsetMs;
  for (const listener of listeners) listener(offsetMs);
}

/** Calls `listener` whenever this process learns that the clock moved. Returns the unsubscriber. */
export function onClockMoved(listener: (offsetMs: number) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function readOffset(db: DbOrTx): Promise<number> {
  const rows = await db.execute<{ offset_ms: string }>(
    dsql`select offset_ms::text as offset_ms from platform.clock`,
  );
  return Number(rows[0]?.offset_ms ?? 0);
}

/**
 * Loads the stored offset and follows every later move: LISTEN for the notification, and a poll
 * every few seconds in case a notification was missed while the connection was down.
 */
export async function followClock(
  database: Database,
  logger: Logger,
  opts: { pollMs?: number } = {},
): Promise<{ stop(): Promise<void> }> {
  applyOffset(await readOffset(database.db));
  const listening = await database.sql.listen(channel, (payload) => applyOffset(Number(payload)));
  const timer = setInterval(() => {
    readOffset(database.db).then(applyOffset, (err) =>
      logger.warn({ err: err instanceof Error ? err.message : err }, 'clock poll failed'),
    );
  }, opts.pollMs ?? 5000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await listening.unlisten();
    },
  };
}

/**
 * Moves the clock forward by `seconds` inside the caller's transaction; every process follows when
 * it commits. Returns the new offset. The caller checks that moving the clock is allowed (demo mode).
 */
export async function advanceClock(tx: DbOrTx, seconds: number): Promise<number> {
  if (!Number.isSafeInteger(seconds) || seconds <= 0)
    throw new RangeError('seconds must be a positive integer');
  const rows = await tx.execute<{ offset_ms: string }>(dsql`update platform.clock
    set offset_ms = offset_ms + ${seconds * 1000}::bigint, updated_at = now() returning offset_ms::text as offset_ms`);
  const offsetMs = Number(rows[0]?.offset_ms ?? 0);
  await tx.execute(dsql`select pg_notify(${channel}, ${String(offsetMs)})`);
  return offsetMs;
}

/** Takes the offset this process just committed without waiting for the notification. */
export function adoptClockOffset(offsetMs: number): void {
  applyOffset(offsetMs);
}
