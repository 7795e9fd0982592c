import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/** Error answers in Zhixing's shape: `{"error": {"code", "message", "details": [{"path", "message"}]}}`. */
export const SimErrorCode = {
  invalidInput: 'INVALID_INPUT',
  unauthenticated: 'UNAUTHENTICATED',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  tooManyRequests: 'TOO_MANY_REQUESTS',
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  unavailable: 'UNAVAILABLE',
  internal: 'INTERNAL',
} as const;
export type SimErrorCode = (typeof SimErrorCode)[keyof typeof SimErrorCode];

const statusOf: Record<SimErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export type Detail = { path: string; message: string };

export function bi(zh: string, en: string): string {
  return `${zh} / ${en}`;
}

export function sendError(
  reply: FastifyReply,
  code: SimErrorCode,
  message: string,
  options: { details?: Detail[]; retryAfterS?: number } = {},
): FastifyReply {
  if (options.retryAfterS !== undefined) reply.header('retry-after', String(options.retryAfterS));
  return reply
    .code(statusOf[code])
    .type('application/json')
    .send(JSON.stringify({ error: { code, message, details: options.details ?? [] } }));
}

/** JSON with object keys sorted: two bodies that mean the same hash the same (idempotency checks). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Parses a request body; undefined (and a detail) when it is not JSON. */
export function parseJson(raw: string): { isJson: true; value: unknown } | { isJson: false; detail: Detail } {
  try {
    return { isJson: true, value: JSON.parse(raw) };
  } catch {
    return {
      isJson: false,
      detail: { path: '(body)', message: bi('请求体不是有效的 JSON', 'The body is not valid JSON') },
    };
  }
}

export function readHeader(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Constant-time comparison of a bearer token with the expected one. */
export function isBearer(header: string | undefined, token: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
}
