import { randomUUID } from 'node:crypto';
import type { Random } from '../demo/random.ts';
import { type CallbackPolicy, createCallbackSender } from './callbacks.ts';
import type { SimClock } from './clock.ts';
import { formatEnvelope } from './envelopes.ts';
import type { Journal, JournalRecord } from './journal.ts';
import { type KnobBoard, sampleLatencyMs } from './knobs.ts';
import type { LedgerContext, Outcome } from './measures.ts';
import {
  executeOperation,
  findCallbackUrl,
  isParseFailure,
  type ParsedBody,
  parseBody,
} from './operations.ts';
import { createScheduler } from './scheduler.ts';
import type { Stats } from './stats.ts';
import { OPERATIONS, type Operation } from './types.ts';
import type { World } from './world/world.ts';

/**
 * The institutions' back office: accepts requests (idempotently, journaled before they are
 * acknowledged), answers each after a sampled latency against the world, publishes the answer for
 * polling and sends it to the callback URL. No HTTP here; `server.ts` is the front door.
 */
type RequestRecord = {
  requestId: string;
  institution: string;
  operation: Operation;
  bodyHash: string;
  /** Until answered; dropped afterwards to keep memory flat. */
  parsed: ParsedBody | null;
  callbackUrl: string | undefined;
  acceptedAt: number;
  /** Accepted but never answered (the timeout knob). */
  isDropped: boolean;
  /** The answer envelope as sent, once it is in the journal. */
  envelope: string | null;
  callbackState: 'none' | 'pending' | 'delivered' | 'failed';
  /** Settles once the accept record is in the journal. */
  durable: Promise<void>;
};

export type SubmitInput = {
  institution: string;
  operation: Operation;
  idempotencyKey: string;
  parsed: ParsedBody;
  /** The body as received (JSON value), journaled so a restart can parse it again. */
  body: unknown;
  bodyHash: string;
};

export type SubmitOutcome =
  | { kind: 'accepted' | 'replayed' | 'conflict'; requestId: string }
  | { kind: 'fault' }
  | { kind: 'busy'; retryAfterS: number };

export type Engine = {
  submit(input: SubmitInput): Promise<SubmitOutcome>;
  /** The request's envelope (JSON), or undefined if the institution has no such request. */
  poll(institution: string, requestId: string): string | undefined;
  /** Feeds one journal record while starting up. */
  replay(record: JournalRecord): void;
  /** After replay: schedules unanswered requests and re-sends undelivered callbacks. */
  resume(): void;
  setClockOffset(offsetMs: number): Promise<void>;
  /** Requests accepted and not yet answered (dropped ones excluded). */
  pendingCount(institution?: string): number;
  /** Callbacks queued, in flight or waiting to be retried. */
  callbacksPending(): number;
  close(): Promise<void>;
};

export type EngineOptions = {
  world: World;
  knobs: KnobBoard;
  random: Random;
  journal: Journal;
  clock: SimClock;
  stats: Stats;
  callbackPolicy: CallbackPolicy;
  keyOf: (institution: string) => string;
  onJournalError: (err: unknown) => void;
};

const keyOf = (institution: string, idempotencyKey: string): string => `${institution}\n${idempotencyKey}`;

export function createEngine(options: EngineOptions): Engine {
  const { world, knobs, random, journal, clock, stats } = options;
  const byId = new Map<string, RequestRecord>();
  const byKey = new Map<string, RequestRecord>();
  const pending = new Map<string, number>();
  let pendingTotal = 0;
  const scheduler = createScheduler((id) => answer(id));
  const callbacks = createCallbackSender({
    policy: options.callbackPolicy,
    keyOf: options.keyOf,
    random,
    stats,
    onDone: (requestId, outcome) => {
      const rec = byId.get(requestId);
      if (rec) rec.callbackState = outcome;
      journal.append({ t: 'callback', requestId, outcome }).catch(options.onJournalError);
    },
  });

  const ledgerContext = (institution: string, now: number): LedgerContext => ({
    world,
    institution,
    now,
    onPromoted: () => stats.promotion(),
  });
  const addPending = (institution: string, delta: number): void => {
    pending.set(institution, (pending.get(institution) ?? 0) + delta);
    pendingTotal += delta;
  };

  const execute = (rec: RequestRecord, simNow: number): Outcome => {
    const parsed = rec.parsed;
    if (!parsed) return { status: 'rejected', reason: '请求无法执行 / The request cannot be carried out' };
    const result = executeOperation(ledgerContext(rec.institution, simNow), parsed, rec.requestId);
    rec.parsed = null;
    stats.answer(rec.institution, rec.operation, result.status);
    return result;
  };

  const sendCallback = (rec: RequestRecord): void => {
    if (!rec.callbackUrl || !rec.envelope) return;
    rec.callbackState = 'pending';
    const k = knobs.get(rec.institution);
    callbacks.send({
      callbackId: `cb-${rec.requestId}`,
      requestId: rec.requestId,
      institution: rec.institution,
      url: rec.callbackUrl,
      body: rec.envelope,
      isMalformedFirst: random.next() < k.malformedCallbackRate,
      isDuplicated: random.next() < k.duplicateCallbackRate,
    });
  };

  function answer(requestId: string): void {
    const rec = byId.get(requestId);
    if (!rec || rec.envelope !== null || !rec.parsed) return;
    addPending(rec.institution, -1);
    const simNow = clock.now();
    const result = execute(rec, simNow);
    // Visible (to polling and callbacks) only once the journal holds it.
    journal.append({ t: 'answer', requestId, simNow }).then(() => {
      rec.envelope = formatEnvelope(rec, result, simNow);
      sendCallback(rec);
    }, options.onJournalError);
  }

  const schedule = (rec: RequestRecord): void => {
    addPending(rec.institution, 1);
    scheduler.schedule(Date.now() + sampleLatencyMs(random, knobs.get(rec.institution)), rec.requestId);
  };

  const register = (rec: RequestRecord, idempotencyKey: string): void => {
    byId.set(rec.requestId, rec);
    byKey.set(keyOf(rec.institution, idempotencyKey), rec);
  };

  return {
    async submit(input) {
      const existing = byKey.get(keyOf(input.institution, input.idempotencyKey));
      if (existing) {
        await existing.durable;
        const kind =
          existing.bodyHash === input.bodyHash && existing.operation === input.operation
            ? 'replayed'
            : 'conflict';
        return { kind, requestId: existing.requestId };
      }
      const k = knobs.get(input.institution);
      if (k.errorRate > 0 && random.next() < k.errorRate) return { kind: 'fault' };
      if (k.maxConcurrent > 0 && (pending.get(input.institution) ?? 0) >= k.maxConcurrent) {
        return { kind: 'busy', retryAfterS: 1 };
      }
      const requestId = `${input.institution}-${randomUUID()}`;
      const acceptedAt = clock.now();
      const isDropped = k.timeoutRate > 0 && random.next() < k.timeoutRate;
      const durable = journal.append({
        t: 'accept',
        requestId,
        institution: input.institution,
        operation: input.operation,
        idempotencyKey: input.idempotencyKey,
        bodyHash: input.bodyHash,
        body: input.body,
        acceptedAt,
        isDropped,
      });
      const rec: RequestRecord = {
        requestId,
        institution: input.institution,
        operation: input.operation,
        bodyHash: input.bodyHash,
        parsed: input.parsed,
        callbackUrl: findCallbackUrl(input.parsed),
        acceptedAt,
        isDropped,
        envelope: null,
        callbackState: 'none',
        durable,
      };
      register(rec, input.idempotencyKey);
      if (isDropped) stats.dropped(input.institution);
      else schedule(rec);
      try {
        await durable;
      } catch (err) {
        if (!isDropped) addPending(input.institution, -1);
        byId.delete(requestId);
        byKey.delete(keyOf(input.institution, input.idempotencyKey));
        throw err;
      }
      return { kind: 'accepted', requestId };
    },

    poll(institution, requestId) {
      const rec = byId.get(requestId);
      if (!rec || rec.institution !== institution) return undefined;
      stats.poll();
      return rec.envelope ?? formatEnvelope(rec, null, null);
    },

    replay(record) {
      switch (record.t) {
        case 'accept': {
          const operation = OPERATIONS.find((o) => o === record.operation);
          const parsed = operation ? parseBody(operation, record.body) : undefined;
          if (!operation || !parsed || isParseFailure(parsed)) return;
          register(
            {
              requestId: record.requestId,
              institution: record.institution,
              operation,
              bodyHash: record.bodyHash,
              parsed,
              callbackUrl: findCallbackUrl(parsed),
              acceptedAt: record.acceptedAt,
              isDropped: record.isDropped,
              envelope: null,
              callbackState: 'none',
              durable: Promise.resolve(),
            },
            record.idempotencyKey,
          );
          if (record.isDropped) stats.dropped(record.institution);
          return;
        }
        case 'answer': {
          const rec = byId.get(record.requestId);
          if (!rec?.parsed) return;
          rec.envelope = formatEnvelope(rec, execute(rec, record.simNow), record.simNow);
          if (rec.callbackUrl) rec.callbackState = 'pending';
          return;
        }
        case 'callback': {
          const rec = byId.get(record.requestId);
          if (rec) rec.callbackState = record.outcome;
          return;
        }
        case 'clock':
          clock.setOffset(record.offsetMs);
          return;
        case 'header':
          return;
      }
    },

    resume() {
      for (const rec of byId.values()) {
        if (rec.envelope === null && !rec.isDropped && rec.parsed) schedule(rec);
        else if (rec.envelope !== null && rec.callbackState === 'pending') sendCallback(rec);
      }
    },

    async setClockOffset(offsetMs) {
      clock.setOffset(offsetMs);
      await journal.append({ t: 'clock', offsetMs });
    },

    pendingCount(institution) {
      return institution === undefined ? pendingTotal : (pending.get(institution) ?? 0);
    },

    callbacksPending: () => callbacks.pending(),

    async close() {
      scheduler.stop();
      await callbacks.close();
    },
  };
}
