import http from 'node:http';
import https from 'node:https';
import type { Random } from '../../demo/random.ts';
import { HEADER_CALLBACK_ID, signRequest } from '../signature.ts';

/**
 * At-least-once delivery of one kind of notification (arrivals, or payment results) to Zhixing:
 * items are batched (flushed every `flushMs` or at `maxBatch` items), each batch POSTed signed to
 * `${baseUrl}/${path}` as `{[field]: items}` over keep-alive connections, and a batch that is not
 * answered 2xx (error status, timeout, connection refused) is retried with exponential backoff and
 * jitter until it is — for ever. Batches overtake one another; `duplicateRate` re-sends a delivered
 * batch once more. The receiver must therefore deduplicate (docs/protocols/bank.md §5).
 */
export type NotifyPolicy = {
  flushMs: number;
  maxBatch: number;
  /** Batches in flight at once. */
  concurrency: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
};

export const DEFAULT_NOTIFY_POLICY: NotifyPolicy = {
  flushMs: 20,
  maxBatch: 100,
  concurrency: 8,
  baseDelayMs: 500,
  maxDelayMs: 60_000,
  timeoutMs: 10_000,
};

export type NotifierOptions<T> = {
  /** Appended to the base URL: `arrivals` or `payment-results`. */
  path: string;
  /** The body's one field: `notifications` or `results`. */
  field: string;
  idOf: (item: T) => string;
  /** The current notification base URL (a new subscription redirects batches being retried). */
  baseUrlOf: () => string | undefined;
  signer: { institution: string; key: string };
  policy: NotifyPolicy;
  random: Random;
  duplicateRate: () => number;
  onDelivered: (ids: string[]) => void;
};

export type Notifier<T> = {
  add(item: T): void;
  /** Items queued, in flight or waiting to be retried. */
  pending(): number;
  close(): Promise<void>;
};

type Batch<T> = { id: string; items: T[]; attempt: number; isCopy: boolean };

export function createNotifier<T>(options: NotifierOptions<T>): Notifier<T> {
  const { policy } = options;
  const agentOptions = {
    keepAlive: true,
    maxSockets: policy.concurrency,
    maxFreeSockets: policy.concurrency,
  };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);
  let queue: T[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  const ready: Batch<T>[] = [];
  const retryTimers = new Map<NodeJS.Timeout, number>();
  const inFlight = new Set<http.ClientRequest>();
  let running = 0;
  let runningItems = 0;
  let batchCount = 0;
  let isClosed = false;
  let onIdle: (() => void) | undefined;

  const flush = (): void => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = undefined;
    while (queue.length > 0) {
      const items = queue.slice(0, policy.maxBatch);
      queue = queue.slice(policy.maxBatch);
      ready.push({ id: `${options.path}-${++batchCount}`, items, attempt: 1, isCopy: false });
    }
    pump();
  };

  const pump = (): void => {
    while (!isClosed && running < policy.concurrency && ready.length > 0) {
      const batch = ready.shift();
      if (!batch) break;
      running++;
      runningItems += batch.isCopy ? 0 : batch.items.length;
      void deliver(batch).finally(() => {
        running--;
        runningItems -= batch.isCopy ? 0 : batch.items.length;
        if (running === 0 && onIdle) onIdle();
        pump();
      });
    }
  };

  const post = (batch: Batch<T>): Promise<boolean> =>
    new Promise((resolve) => {
      const base = options.baseUrlOf();
      let url: URL;
      try {
        url = new URL(`${base ?? ''}/${options.path}`);
      } catch {
        resolve(false);
        return;
      }
      const body = JSON.stringify({ [options.field]: batch.items });
      const isHttps = url.protocol === 'https:';
      const headers = {
        ...signRequest({
          ...options.signer,
          method: 'POST',
          path: url.pathname + url.search,
          body,
        }),
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        [HEADER_CALLBACK_ID]: batch.id,
      };
      let isDone = false;
      let hasResponse = false;
      const finish = (isOk: boolean): void => {
        if (isDone) return;
        isDone = true;
        resolve(isOk);
      };
      const request = (isHttps ? https : http).request(
        url,
        { method: 'POST', headers, agent: isHttps ? httpsAgent : httpAgent, timeout: policy.timeoutMs },
        (res) => {
          hasResponse = true;
          const isOk = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300;
          res.on('error', () => finish(false));
          res.on('end', () => finish(isOk));
          // A connection lost mid-answer ends in 'close' without 'end'.
          res.on('close', () => finish(res.complete && isOk));
          res.resume();
        },
      );
      inFlight.add(request);
      request.on('close', () => {
        inFlight.delete(request);
        if (!hasResponse) finish(false);
      });
      request.on('timeout', () => request.destroy(new Error('notification timed out')));
      request.on('error', () => finish(false));
      request.end(body);
    });

  const deliver = async (batch: Batch<T>): Promise<void> => {
    const isOk = await post(batch);
    if (batch.isCopy || isClosed) return;
    if (isOk) {
      options.onDelivered(batch.items.map(options.idOf));
      if (options.random.next() < options.duplicateRate()) ready.push({ ...batch, isCopy: true });
      return;
    }
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(batch.attempt - 1, 30));
    const timer = setTimeout(
      () => {
        retryTimers.delete(timer);
        ready.push({ ...batch, attempt: batch.attempt + 1 });
        pump();
      },
      backoff * (0.5 + options.random.next()),
    );
    retryTimers.set(timer, batch.items.length);
  };

  return {
    add(item) {
      if (isClosed) return;
      queue.push(item);
      if (queue.length >= policy.maxBatch) flush();
      else flushTimer ??= setTimeout(flush, policy.flushMs);
    },
    pending() {
      let waiting = 0;
      for (const n of retryTimers.values()) waiting += n;
      for (const b of ready) waiting += b.isCopy ? 0 : b.items.length;
      return queue.length + runningItems + waiting;
    },
    async close() {
      isClosed = true;
      if (flushTimer) clearTimeout(flushTimer);
      for (const t of retryTimers.keys()) clearTimeout(t);
      retryTimers.clear();
      for (const r of inFlight) r.destroy();
      if (running > 0) await new Promise<void>((resolve) => (onIdle = resolve));
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
