import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Request and callback signing, the same both ways:
 * `x-zx-signature` = hex HMAC-SHA256(key, `${METHOD}\n${path}\n${timestamp}\n${sha256hex(body)}`),
 * where path is the request target (path and query string) and timestamp is unix ms in `x-zx-timestamp`.
 */
export const HEADER_INSTITUTION = 'x-zx-institution';
export const HEADER_TIMESTAMP = 'x-zx-timestamp';
export const HEADER_SIGNATURE = 'x-zx-signature';
export const HEADER_CALLBACK_ID = 'x-zx-callback-id';
export const HEADER_IDEMPOTENCY_KEY = 'idempotency-key';
export const MAX_SKEW_MS = 5 * 60 * 1000;

export function sha256Hex(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

export function computeSignature(
  key: string,
  method: string,
  path: string,
  timestamp: string,
  body: string,
): string {
  const canonical = `${method.toUpperCase()}\n${path}\n${timestamp}\n${sha256Hex(body)}`;
  return createHmac('sha256', key).update(canonical).digest('hex');
}

export type SignInput = {
  institution: string;
  key: string;
  method: string;
  path: string;
  body: string;
  now?: number;
};

/** The headers that sign one request or callback. */
export function signRequest(input: SignInput): Record<string, string> {
  const timestamp = String(input.now ?? Date.now());
  return {
    [HEADER_INSTITUTION]: input.institution,
    [HEADER_TIMESTAMP]: timestamp,
    [HEADER_SIGNATURE]: computeSignature(input.key, input.method, input.path, timestamp, input.body),
  };
}

export type VerifyInput = {
  key: string;
  method: string;
  path: string;
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  now: number;
  maxSkewMs?: number;
};
export type VerifyOutcome = 'ok' | 'missing' | 'skew' | 'bad';

export function verifySignature(input: VerifyInput): VerifyOutcome {
  if (!input.timestamp || !input.signature) return 'missing';
  if (!/^\d{1,16}$/.test(input.timestamp)) return 'bad';
  if (Math.abs(input.now - Number(input.timestamp)) > (input.maxSkewMs ?? MAX_SKEW_MS)) return 'skew';
  if (!/^[0-9a-f]{64}$/i.test(input.signature)) return 'bad';
  const expected = computeSignature(input.key, input.method, input.path, input.timestamp, input.body);
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(input.signature.toLowerCase(), 'hex'))
    ? 'ok'
    : 'bad';
}
