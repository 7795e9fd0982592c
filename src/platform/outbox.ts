import { sql as dsql } from 'drizzle-orm';
import type { Database } from './db.ts';
import type { EventHandler, Subscriber } from './events.ts';
import type { Logger } from './logging.ts';

/**
 * Transactional outbox delivery. A use case publishes typed events inside its transaction
 * (events.ts); the dispatcher fans each event out to the subscribers that handle its type, then
 * runs each subscriber in its own transaction together with marking the delivery done, so a
 * subscriber's effect happens exactly once even if a worker dies mid-way (the delivery row stays
 * pending and is retried with backoff, then parked as `dead` for an operator).
 */
const maxAttempts = 12;
/** Deliveries committed together (each in its own savepoint). */
const batchSize = 50;

function backoffSeconds(attempt: number): number {
  return Math.min(3600, 2 ** attempt);
}

export type OutboxDispatcher = {
  runOnce(): Promise<number>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
};

export function createOutboxDispatcher(
  database: Database,
  subscribers: Subscriber[],
  logger: Logger,
): OutboxDispatcher {
  const byType = new Map<string, string[]>();
  const handlers = new Map<string, EventHandler>();
  for (const s of subscribers) {
    for (const h of s.handlers) {
      byType.set(h.event.type, [...(byType.get(h.event.type) ?? []), s.name]);
      handlers.set(`${s.name}\u0000${h.event.type}`, h);
    }
  }
  const { sql } = database;

  async function fanOut(): Promise<number> {
    return sql.begin(async (tx) => {
      const events = await tx<{ id: string; event_type: string }[]>`
        select id::text as id, event_type from platform.outbox_events where not is_fanned_out
        order by id limit 500 for update skip locked`;
      for (const e of events) {
        const names = byType.get(e.event_type) ?? [];
        if (names.length > 0) {
          await tx`insert into platform.outbox_deliveries (event_id, subscriber)
            select ${e.id}::bigint, unnest(${names}::text[]) on conflict do nothing`;
        }
      }
      if (events.length > 0) {
        await tx`update platform.outbox_events set is_fanned_out = true
          where id = any(${events.map((e) => e.id)}::bigint[])`;
      }
      return events.length;
    });
  }

  /**
   * Delivers up to `batchSize` due deliveries in one transaction, each handler in a savepoint of its
   * own: a handler's effect and its delivery's mark commit together (exactly once), a failing handler
   * is rolled back alone and its delivery rescheduled with backoff, and a backlog of thousands
   * (the demo's seed) costs a commit per batch instead of one per delivery.
   */
  async function deliverBatch(): Promise<number> {
    const failures: { eventId: string; subscriber: string; attempts: number; error: string }[] = [];
    const delivered = await database.db.transaction(async (tx) => {
      const rows = await tx.execute<{
        event_id: string;
        subscriber: string;
        attempts: number;
        event_type: string;
        aggregate_id: string | null;
        payload: Record<string, unknown>;
      }>(dsql`select d.event_id::text as event_id, d.subscriber, d.attempts, e.event_type, e.aggregate_id, e.payload
        from platform.outbox_deliveries d join platform.outbox_events e on e.id = d.event_id
        where d.state = 'pending' and d.next_attempt_at <= now()
        order by d.next_attempt_at, d.event_id limit ${batchSize} for update of d skip locked`);
      for (const row of rows) {
        const handler = handlers.get(`${row.subscriber}\u0000${row.event_type}`);
        try {
          // A delivery to a subscriber this code no longer has is parked for an operator, not dropped.
          if (!handler) throw new Error(`no subscriber ${row.subscriber} handles ${row.event_type}`);
          await tx.transaction(async (inner) => {
            await handler.handle(inner, row.payload, {
              eventId: Number(row.event_id),
              type: row.event_type,
              aggregateId: row.aggregate_id,
            });
          });
          await tx.execute(dsql`update platform.outbox_deliveries set state = 'delivered', delivered_at = now(),
            attempts = attempts + 1 where event_id = ${row.event_id}::bigint and subscriber = ${row.subscriber}`);
        } catch (err) {
          const failure = {
            eventId: row.event_id,
            subscriber: row.subscriber,
            attempts: row.attempts + 1,
            error: err instanceof Error ? err.message : String(err),
          };
          failures.push(failure);
          const isDead = failure.attempts >= maxAttempts || failure.error.startsWith('no subscriber ');
          await tx.execute(dsql`update platform.outbox_deliveries set attempts = ${failure.attempts},
            last_error = ${failure.error.slice(0, 2000)}, state = ${isDead ? 'dead' : 'pending'},
            next_attempt_at = now() + make_interval(secs => ${backoffSeconds(failure.attempts)})
            where event_id = ${failure.eventId}::bigint and subscriber = ${failure.subscriber}`);
        }
      }
      return rows.length;
    });
    for (const f of failures) {
      logger.warn(
        { event: f.eventId, subscriber: f.subscriber, attempts: f.attempts, err: f.error },
        'delivery failed',
      );
    }
    return delivered;
  }

  async function runOnce(): Promise<number> {
    let n = 0;
    while ((await fanOut()) > 0) {}
    for (let delivered = await deliverBatch(); delivered > 0; delivered = await deliverBatch())
      n += delivered;
    return n;
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let isStopped = false;
  return {
    runOnce,
    start(intervalMs = 500) {
      const tick = () => {
        if (isStopped) return;
        running = runOnce()
          .catch((err) => logger.error({ err }, 'outbox dispatcher'))
          .finally(() => {
            if (!isStopped) timer = setTimeout(tick, intervalMs);
          });
      };
      tick();
    },
    async stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
