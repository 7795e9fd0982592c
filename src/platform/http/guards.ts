import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, bi, ErrorCode } from '../errors.ts';

/** Longer URLs are refused with 414 before any route runs: no API needs them. */
export const maxUrlLength = 8192;

/**
 * An `onRequest` hook for every request. Answers of the API are not kept by browsers or proxies:
 * nearly all of them carry personal data (parties, ID numbers, assets), and a shared computer's
 * back button or a caching proxy must not show them to the next person. A route whose answer may
 * be cached says so with its own header.
 */
export async function guardRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  if (request.url.length > maxUrlLength) {
    throw new AppError(ErrorCode.uriTooLong, undefined, [
      { path: culpritOf(request.url, request.query), message: bi('过长', 'too long') },
    ]);
  }
}

/** What made the URL too long, so the answer can name the field: its path, or its longest parameter. */
function culpritOf(url: string, query: unknown): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0 || queryStart > maxUrlLength || typeof query !== 'object' || query === null)
    return 'url';
  let longest = { name: 'querystring', length: -1 };
  for (const [name, value] of Object.entries(query)) {
    const length = name.length + String(value).length;
    if (length > longest.length) longest = { name, length };
  }
  return longest.name;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * /metrics tells request rates, routes and latencies: only Prometheus, with the bearer token of
 * ZHIXING_METRICS_TOKEN, may read it. Without a configured token it does not exist (404).
 */
export function assertMetricsReader(request: FastifyRequest, token: string | undefined): void {
  if (token === undefined) throw new AppError(ErrorCode.notFound, bi('没有这个接口', 'No such endpoint'));
  const header = request.headers.authorization ?? '';
  const presented = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  // Compared as digests, in constant time: the answer's timing tells nothing of the token.
  if (!timingSafeEqual(digest(presented), digest(token))) {
    throw new AppError(ErrorCode.unauthenticated, bi('需要监控令牌', 'Metrics token required'));
  }
}
