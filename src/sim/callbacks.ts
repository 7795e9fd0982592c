import http from 'node:http';
import https from 'node:https';
import type { Random } from '../demo/random.ts';
import { HEADER_CALLBACK_ID, signRequest } from './signature.ts';
import type { Stats } from './stats.ts';

/**
 * Delivers answers to the callback URLs, signed with the institution's key, with bounded concurrency
 * over keep-alive connections. A non-2xx answer or an unreachable receiver is retried with
 * exponential backoff and jitter, a bounded number of times; after that the answer waits for polling.
 */
export type CallbackJob = {
  callbackId: string;
  requestId: string;
  institution: string;
  url: string;
  body: string;
  /** The first attempt carries a truncated (unparseable) body, signed as sent (realism knob). */
  isMalformedFirst: boolean;
  /** After delivery, deliver the same callback once more (realism knob). */
  isDuplicated: boolean;
};

export type CallbackPolicy = {
  concurrency: number;
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
};

export const DEFAULT_CALLBACK_POLICY: CallbackPolicy = {
  concurrency: 64,
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  timeoutMs: 10_000,
};

export type CallbackSenderOptions = {
  policy: CallbackPolicy;
  keyOf: (institution: string) => string;
  random: Random;
  stats: Stats;
  onDone: (requestId: string, outcome: 'delivered' | 'failed') => void;
};

export type CallbackSender = { send(job: CallbackJob): void; pending(): number; close(): Promise<void> };

type Attempt = { job: CallbackJob; attempt: number; isCopy: boolean };

export function createCallbackSender(options: CallbackSenderOptions): CallbackSender {
  const { policy } = options;
  const agentOptions = {
    keepAlive: true,
    maxSockets: policy.concurrency,
    maxFreeSockets: policy.concurrency,
  };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);
  const ready: Array<Attempt | undefined> = [];
  let readHead = 0;
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<http.ClientRequest>();
  let running = 0;
  let isClosed = false;
  let onIdle: (() => void) | undefined;

  const enqueue = (a: Attempt): void => {
    ready.push(a);
    pump();
  };

  const pump = (): void => {
    while (!isClosed && running < policy.concurrency && readHead < ready.length) {
      const next = ready[readHead];
      ready[readHead] = undefined;
      readHead++;
      if (readHead > 1024 && readHead * 2 > ready.length) {
        ready.splice(0, readHead);
        readHead = 0;
      }
      if (!next) continue;
      running++;
      void deliver(next).finally(() => {
        running--;
        if (running === 0 && onIdle) onIdle();
        pump();
      });
    }
  };

  const post = (job: CallbackJob, body: string): Promise<number> =>
    new Promise((resolve) => {
      let url: URL;
      try {
        url = new URL(job.url);
      } catch {
        resolve(0);
        return;
      }
      const isHttps = url.protocol === 'https:';
      const headers = {
        ...signRequest({
          institution: job.institution,
          key: options.keyOf(job.institution),
          method: 'POST',
          path: url.pathname + url.search,
          body,
        }),
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        [HEADER_CALLBACK_ID]: job.callbackId,
      };
      let hasResponse = false;
      const request = (isHttps ? https : http).request(
        url,
        { method: 'POST', headers, agent: isHttps ? httpsAgent : httpAgent, timeout: policy.timeoutMs },
        (res) => {
          hasResponse = true;
          res.on('error', () => resolve(0));
          res.on('end', () => resolve(res.statusCode ?? 0));
          // A connection lost mid-answer ends in 'close' without 'end'.
          res.on('close', () => resolve(res.complete ? (res.statusCode ?? 0) : 0));
          res.resume(); // drain, so the connection goes back to the pool
        },
      );
      inFlight.add(request);
      request.on('close', () => {
        inFlight.delete(request);
        if (!hasResponse) resolve(0);
      });
      request.on('timeout', () => request.destroy(new Error('callback timed out')));
      request.on('error', () => resolve(0));
      request.end(body);
    });

  const deliver = async (a: Attempt): Promise<void> => {
    const { job } = a;
    const isMalformed = a.attempt === 1 && job.isMalformedFirst && !a.isCopy;
    const body = isMalformed ? job.body.slice(0, Math.floor(job.body.length / 2)) : job.body;
    if (isMalformed) options.stats.callback('malformed');
    options.stats.callback(a.isCopy ? 'duplicate' : 'attempt');
    const status = await post(job, body);
    const isOk = status >= 200 && status < 300;
    if (a.isCopy || isClosed) return;
    if (isOk) {
      options.stats.callback('delivered');
      options.onDone(job.requestId, 'delivered');
      if (job.isDuplicated) enqueue({ job, attempt: 1, isCopy: true });
      return;
    }
    if (a.attempt >= policy.maxAttempts) {
      options.stats.callback('failed');
      options.onDone(job.requestId, 'failed');
      return;
    }
    options.stats.callback('retry');
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (a.attempt - 1));
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        enqueue({ job, attempt: a.attempt + 1, isCopy: false });
      },
      backoff * (0.5 + options.random.next()),
    );
    timers.add(timer);
  };

  return {
    send(job) {
      if (!isClosed) enqueue({ job, attempt: 1, isCopy: false });
    },
    pending: () => ready.length - readHead + running + timers.size,
    async close() {
      isClosed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const r of inFlight) r.destroy();
      if (running > 0) await new Promise<void>((resolve) => (onIdle = resolve));
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
