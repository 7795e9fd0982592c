import { sql as dsql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx, Tx } from './db.ts';

/**
 * Typed domain events (docs/decisions/0004-outbox.md, 0010-module-definitions.md). The producing
 * module owns each event's Zod schema (`defineEvent`, in its `events.ts`) and lists the events it
 * publishes in its module definition. A payload is validated when it is written — an invalid one
 * aborts the publishing transaction — and again when it is delivered, before a subscriber sees it.
 */
export type EventDefinition<P> = {
  /** `<module>.<kebab-name>`: `case.closed`, `inquiry.requery-completed`. */
  readonly type: string;
  readonly schema: z.ZodType<P>;
};

/** Any event, whatever its payload (for lists of definitions). */
export type AnyEventDefinition = { readonly type: string; readonly schema: z.ZodType };

export function defineEvent<P>(type: string, schema: z.ZodType<P>): EventDefinition<P> {
  if (!/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/.test(type))
    throw new Error(`event type "${type}" must be <module>.<kebab-name>`);
  return { type, schema };
}

/**
 * Writes an event to the outbox inside the caller's transaction: it exists if and only if the
 * change it reports commits. Throws (and so rolls the change back) when the payload does not
 * match the event's schema — a programming error, not a client's.
 */
export async function publishEvent<P>(
  tx: DbOrTx,
  event: EventDefinition<P>,
  payload: NoInfer<P>,
  opts: { aggregateId?: string } = {},
): Promise<void> {
  const parsed = event.schema.safeParse(payload);
  if (!parsed.success) throw new Error(`event ${event.type}: invalid payload: ${parsed.error.message}`);
  await tx.execute(dsql`insert into platform.outbox_events (event_type, aggregate_id, payload)
    values (${event.type}, ${opts.aggregateId ?? null}, ${JSON.stringify(parsed.data)}::jsonb)`);
}

/** Several events of one type in one statement (a batch of bookings): as `publishEvent` for each. */
export async function publishEvents<P>(
  tx: DbOrTx,
  event: EventDefinition<P>,
  items: readonly { payload: NoInfer<P>; aggregateId?: string }[],
): Promise<void> {
  if (items.length === 0) return;
  const payloads = items.map((item) => {
    const parsed = event.schema.safeParse(item.payload);
    if (!parsed.success) throw new Error(`event ${event.type}: invalid payload: ${parsed.error.message}`);
    return JSON.stringify(parsed.data);
  });
  // One array parameter per column: the statement's text is the same for a batch of any size.
  await tx.execute(dsql`insert into platform.outbox_events (event_type, aggregate_id, payload)
    select ${event.type}, a, p::jsonb from unnest(${dsql.param(items.map((i) => i.aggregateId ?? null))}::text[],
      ${dsql.param(payloads)}::text[]) as u(a, p)`);
}

/** What a handler learns about the delivery besides the payload. */
export type EventMeta = { eventId: number; type: string; aggregateId: string | null };

export type EventHandler = {
  readonly event: AnyEventDefinition;
  /** Validates the stored payload against the event's schema, then runs the typed handler. */
  handle(tx: Tx, payload: unknown, meta: EventMeta): Promise<void>;
};

/** A handler for one event, typed by that event's schema. */
export function on<P>(
  event: EventDefinition<P>,
  handle: (tx: Tx, payload: P, meta: EventMeta) => Promise<void>,
): EventHandler {
  return {
    event,
    async handle(tx, payload, meta) {
      const parsed = event.schema.safeParse(payload);
      if (!parsed.success) {
        throw new Error(
          `${event.type} #${meta.eventId}: payload does not match its schema: ${parsed.error.message}`,
        );
      }
      await handle(tx, parsed.data, meta);
    },
  };
}

/**
 * A subscriber: a stable name (its deliveries are keyed by it) and one handler per event it
 * follows. Each delivery runs in one transaction with marking it done, so its effect on our
 * database happens exactly once.
 */
export type Subscriber = { readonly name: string; readonly handlers: readonly EventHandler[] };

export function defineSubscriber(name: string, ...handlers: EventHandler[]): Subscriber {
  if (!/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/.test(name))
    throw new Error(`subscriber "${name}" must be <module>.<kebab-name>`);
  const types = handlers.map((h) => h.event.type);
  if (new Set(types).size !== types.length) throw new Error(`subscriber ${name} handles an event twice`);
  return { name, handlers };
}
