import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed HTTP protocol every outside party of Zhixing speaks — institutions of the inquiry
 * protocol (docs/protocols/inquiry.md), the settlement bank, the SMS gateway — the same both ways:
 * `x-zx-signature` = hex HMAC-SHA256(key, METHOD \n path \n timestamp \n sha256hex(body)), path
 * being the request target (path and query) and timestamp unix ms in `x-zx-timestamp`.
 */
export const protocolHeaders = {
  institution: 'x-zx-institution',
  timestamp: 'x-zx-timestamp',
  signature: 'x-zx-signature',
  callbackId: 'x-zx-callback-id',
  idempotencyKey: 'idempotency-key',
} as const;

export const maxClockSkewMs = 5 * 60 * 1000;

function sha256Hex(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

export function computeSignature(
  key: string,
  method: string,
  path: string,
  timestamp: string,
  body: string,
): string {
  return createHmac('sha256', key)
    .update(`${method.toUpperCase()}\n${path}\n${timestamp}\n${sha256Hex(body)}`)
    .digest('hex');
}

export function signHeaders(input: {
  institution: string;
  key: string;
  method: string;
  path: string;
  body: string;
  now: number;
}) {
  const timestamp = String(input.now);
  return {
    [protocolHeaders.institution]: input.institution,
    [protocolHeaders.timestamp]: timestamp,
    [protocolHeaders.signature]: computeSignature(input.key, input.method, input.path, timestamp, input.body),
  };
}

export type SignatureCheck = 'ok' | 'missing' | 'skew' | 'bad';

export function checkSignature(input: {
  key: string;
  method: string;
  path: string;
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  now: number;
}): SignatureCheck {
  if (!input.timestamp || !input.signature) return 'missing';
  if (!/^\d{1,16}$/.test(input.timestamp)) return 'bad';
  if (Math.abs(input.now - Number(input.timestamp)) > maxClockSkewMs) return 'skew';
  if (!/^[0-9a-f]{64}$/i.test(input.signature)) return 'bad';
  const expected = computeSignature(input.key, input.method, input.path, input.timestamp, input.body);
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(input.signature.toLowerCase(), 'hex'))
    ? 'ok'
    : 'bad';
}

/** Where a signed request goes: the institution's code, its base URL and the shared key. */
export type SignedEndpoint = { code: string; url: string; key: string };

/**
 * Sends one signed request to an outside party: `path` is appended to the endpoint's base URL, the
 * body is sent as JSON (signed over its exact bytes), and the call gives up after `timeoutMs`.
 * Answers the status and the body's text; a network failure or timeout throws, and what the answer
 * means is the caller's protocol.
 */
export async function sendSigned(
  endpoint: SignedEndpoint,
  request: {
    method: 'GET' | 'PUT' | 'POST';
    path: string;
    body?: unknown;
    headers?: Record<string, string>;
    timeoutMs?: number;
  },
): Promise<{ status: number; text: string }> {
  const base = new URL(endpoint.url);
  const target = new URL(`${base.pathname.replace(/\/+$/, '')}${request.path}`, base);
  const text = request.body === undefined ? '' : JSON.stringify(request.body);
  const res = await fetch(target, {
    method: request.method,
    headers: {
      ...signHeaders({
        institution: endpoint.code,
        key: endpoint.key,
        method: request.method,
        path: `${target.pathname}${target.search}`,
        body: text,
        now: Date.now(),
      }),
      ...(text ? { 'content-type': 'application/json' } : {}),
      ...request.headers,
    },
    ...(text ? { body: text } : {}),
    signal: AbortSignal.timeout(request.timeoutMs ?? 10_000),
  });
  return { status: res.status, text: await res.text() };
}

/**
 * The time a signed request is stamped and checked with: the machines' real time, never the one
 * clock. Freshness (maxClockSkewMs) is agreed between two machines' real clocks; a demo or test
 * clock moved forward must not make every request look stale to the other side.
 */
export function transportNow(): number {
  return Date.now();
}
