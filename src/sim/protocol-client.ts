import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HEADER_CALLBACK_ID, HEADER_IDEMPOTENCY_KEY, signRequest, verifySignature } from './signature.ts';

/**
 * A minimal caller of the protocol and a callback receiver, as Zhixing's side would be: for the
 * simulator's own tests, the benchmark, and anyone checking an institution by hand.
 */
export type ProtocolResponse = { status: number; headers: Headers; text: string; json: unknown };

export type ProtocolClient = {
  submit(
    operation: string,
    body: unknown,
    idempotencyKey: string,
    options?: SignOptions,
  ): Promise<ProtocolResponse>;
  poll(requestId: string, options?: SignOptions): Promise<ProtocolResponse>;
};

export type SignOptions = { key?: string; now?: number; rawBody?: string; headers?: Record<string, string> };

export function createProtocolClient(baseUrl: string, institution: string, key: string): ProtocolClient {
  const send = async (
    method: 'GET' | 'POST',
    url: URL,
    body: string,
    extra: Record<string, string>,
    o: SignOptions,
  ) => {
    const headers = {
      ...signRequest({
        institution,
        key: o.key ?? key,
        method,
        path: url.pathname + url.search,
        body,
        ...(o.now !== undefined ? { now: o.now } : {}),
      }),
      ...extra,
      ...o.headers,
    };
    const res = await fetch(url, {
      method,
      headers,
      ...(method === 'POST' ? { body: o.rawBody ?? body } : {}),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: res.status, headers: res.headers, text, json };
  };
  return {
    submit(operation, body, idempotencyKey, options = {}) {
      const text = JSON.stringify(body);
      return send(
        'POST',
        new URL(`${baseUrl}/v1/${operation}`),
        text,
        {
          'content-type': 'application/json',
          [HEADER_IDEMPOTENCY_KEY]: idempotencyKey,
        },
        options,
      );
    },
    poll(requestId, options = {}) {
      return send('GET', new URL(`${baseUrl}/v1/requests/${encodeURIComponent(requestId)}`), '', {}, options);
    },
  };
}

export type ReceivedCallback = {
  callbackId: string;
  institution: string;
  body: string;
  /** The body parsed, or undefined when it was not JSON (answered 400). */
  envelope: unknown;
  signature: 'ok' | 'missing' | 'skew' | 'bad';
  /** What the receiver answered. */
  answeredStatus: number;
};

export type CallbackReceiver = {
  url: string;
  received: ReceivedCallback[];
  /** Decides the answer to each callback; by default 204 when signed and parseable, else 401 / 400. */
  setResponder(responder: (callback: ReceivedCallback) => number): void;
  close(): Promise<void>;
};

/** A real local HTTP server that checks callbacks as Zhixing would (signature, then JSON). */
export async function startCallbackReceiver(
  keys: Record<string, string>,
  path = '/callbacks',
): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  let responder: ((c: ReceivedCallback) => number) | undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => {
        const v = req.headers[name];
        return typeof v === 'string' ? v : undefined;
      };
      const institution = header('x-zx-institution') ?? '';
      const signature = verifySignature({
        key: keys[institution] ?? '',
        method: req.method ?? '',
        path: req.url ?? '',
        body,
        timestamp: header('x-zx-timestamp'),
        signature: header('x-zx-signature'),
        now: Date.now(),
      });
      let envelope: unknown;
      try {
        envelope = JSON.parse(body);
      } catch {
        envelope = undefined;
      }
      const callback: ReceivedCallback = {
        callbackId: header(HEADER_CALLBACK_ID) ?? '',
        institution,
        body,
        envelope,
        signature,
        answeredStatus: 0,
      };
      const standard = signature !== 'ok' ? 401 : envelope === undefined ? 400 : 204;
      callback.answeredStatus = responder ? responder(callback) : standard;
      received.push(callback);
      res.writeHead(callback.answeredStatus).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  const port = address !== null && typeof address === 'object' ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    setResponder(r) {
      responder = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits for a condition by polling, at most `attempts` × `intervalMs`; no timing is asserted. */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  what: string,
  attempts = 400,
  intervalMs = 25,
): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`gave up waiting for ${what}`);
}
