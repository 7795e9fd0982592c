import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from '../protocol-client.ts';
import { HEADER_IDEMPOTENCY_KEY, signRequest, verifySignature } from '../signature.ts';
import type { Simulator } from '../simulator.ts';
import {
  BANK_CODE,
  type TBankArrival,
  type TBankPaymentResult,
  ZBankArrivalsNotificationSchema,
  ZBankPaymentResultsNotificationSchema,
} from './contracts.ts';

/**
 * For the bank's and the SMS gateway's tests: a signed caller (as Zhixing), the admin API, and a
 * real local receiver of the bank's notifications that can be told to fail.
 */
export type Answer = { status: number; json: unknown; text: string };

export type SignedCall = {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  idempotencyKey?: string;
  /** Sign with this key instead (a wrong key). */
  key?: string;
  /** The signature's timestamp (a stale one). */
  now?: number;
};

async function answerOf(res: Response): Promise<Answer> {
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json, text };
}

/** Calls `${baseUrl}${path}` signed as `code` with `key`, as Zhixing would. */
export function createSignedCaller(baseUrl: string, code: string, key: string) {
  return async (path: string, call: SignedCall = {}): Promise<Answer> => {
    const method = call.method ?? (call.body === undefined ? 'GET' : 'POST');
    const url = new URL(`${baseUrl}${path}`);
    const body = call.body === undefined ? '' : JSON.stringify(call.body);
    const headers: Record<string, string> = {
      ...signRequest({
        institution: code,
        key: call.key ?? key,
        method,
        path: url.pathname + url.search,
        body,
        ...(call.now === undefined ? {} : { now: call.now }),
      }),
      ...(body === '' ? {} : { 'content-type': 'application/json' }),
      ...(call.idempotencyKey === undefined ? {} : { [HEADER_IDEMPOTENCY_KEY]: call.idempotencyKey }),
    };
    return answerOf(await fetch(url, { method, headers, ...(body === '' ? {} : { body }) }));
  };
}

/** Calls the simulator's admin API. */
export function createAdminCaller(sim: Simulator) {
  return async (path: string, method = 'GET', body?: unknown): Promise<Answer> =>
    answerOf(
      await fetch(`${sim.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${sim.adminToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
}

export type Delivery = { path: string; body: unknown; isSigned: boolean; status: number };

export type NotificationReceiver = {
  /** The notification base URL to subscribe (`…/arrivals` and `…/payment-results` below it). */
  url: string;
  deliveries: Delivery[];
  /** Answers 503 to the next `n` deliveries. */
  failNext(n: number): void;
  /** The arrivals acknowledged with 2xx, copies included (each body checked against the schema). */
  arrivals(): TBankArrival[];
  /** The payment results acknowledged with 2xx, copies included. */
  results(): TBankPaymentResult[];
  close(): Promise<void>;
};

/** A real HTTP receiver of the bank's notifications, checking the signature with the bank's key. */
export async function startNotificationReceiver(key: string): Promise<NotificationReceiver> {
  const deliveries: Delivery[] = [];
  let failures = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => {
        const v = req.headers[name];
        return typeof v === 'string' ? v : undefined;
      };
      const isSigned =
        header('x-zx-institution') === BANK_CODE &&
        verifySignature({
          key,
          method: req.method ?? '',
          path: req.url ?? '',
          body: text,
          timestamp: header('x-zx-timestamp'),
          signature: header('x-zx-signature'),
          now: Date.now(),
        }) === 'ok';
      let status = isSigned ? 204 : 401;
      if (isSigned && failures > 0) {
        failures--;
        status = 503;
      }
      const path = (req.url ?? '').replace(/^\/hooks\/bank\//, '');
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
      deliveries.push({ path, body, isSigned, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  const port = address !== null && typeof address === 'object' ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks/bank`,
    deliveries,
    failNext(n) {
      failures = n;
    },
    arrivals: () =>
      deliveries
        .filter((d) => d.path === 'arrivals' && d.status < 300)
        .flatMap((d) => ZBankArrivalsNotificationSchema.parse(d.body).notifications),
    results: () =>
      deliveries
        .filter((d) => d.path === 'payment-results' && d.status < 300)
        .flatMap((d) => ZBankPaymentResultsNotificationSchema.parse(d.body).results),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls until `check` gives a value: up to a minute, so a loaded machine does not fail the test. */
export function eventually<T>(check: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  return waitFor(check, what, 2400, 25);
}
