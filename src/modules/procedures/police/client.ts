import { guardedFetch } from '../../../platform/net/guarded-fetch.ts';
import { OutboundRefusedError } from '../../../platform/net/outbound-guard.ts';
import type { OutsideEndpoint } from '../../../platform/outside-world.ts';
import { protocolHeaders, signHeaders, transportNow } from '../../../platform/signed-http.ts';
import { type TPoliceVerdict, ZPoliceAnswerSchema } from './protocol.ts';

/**
 * One signed call to public security (docs/protocols/public-security.md §3): an order posted with
 * its request id as idempotency key, through the outbound guard (public or allow-listed addresses,
 * no redirects). What came back, in the terms the sender acts on.
 */
export type PoliceCallOutcome =
  /** Public security's answer to the order. */
  | { verdict: 'answered'; httpStatus: number; answer: TPoliceVerdict }
  /** Accepted and not answered yet: ask again later with the same id. */
  | { verdict: 'pending'; httpStatus: number }
  /** A 4xx: the same order cannot succeed later. */
  | { verdict: 'rejected'; httpStatus: number; detail: string }
  /** 5xx, 429, a timeout, no connection, an answer that is not about this order: ask again. */
  | { verdict: 'unavailable'; httpStatus: number | null; detail: string };

const timeoutMs = 10_000;

function describeError(err: unknown): string {
  if (err instanceof OutboundRefusedError) return err.message;
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return '超时 / timed out';
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  const message = err instanceof Error && !cause ? `: ${err.message}` : cause;
  return `无法连接 / unreachable${message}`;
}

/** Public security's own words on a refusal (`{error: {message}}`), else the status. */
function reasonOf(status: number, text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    const error = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'error') : undefined;
    const message = typeof error === 'object' && error !== null ? Reflect.get(error, 'message') : undefined;
    if (typeof message === 'string') return `HTTP ${status}: ${message}`;
  } catch {}
  return `HTTP ${status}`;
}

export async function postPoliceOrder(
  endpoint: OutsideEndpoint,
  order: { requestId: string; path: string; body: string },
  opts: { signal?: AbortSignal } = {},
): Promise<PoliceCallOutcome> {
  const url = new URL(`${endpoint.url}${order.path}`);
  const headers = signHeaders({
    institution: endpoint.code,
    key: endpoint.key,
    method: 'POST',
    path: url.pathname + url.search,
    body: order.body,
    now: transportNow(),
  });
  const timeout = AbortSignal.timeout(timeoutMs);
  let res: Response;
  let text: string;
  try {
    res = await guardedFetch(url, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        [protocolHeaders.idempotencyKey]: order.requestId,
      },
      body: order.body,
      signal: opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout,
    });
    text = await res.text();
  } catch (err) {
    return { verdict: 'unavailable', httpStatus: null, detail: describeError(err).slice(0, 500) };
  }
  const status = res.status;
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    return { verdict: 'unavailable', httpStatus: status, detail: reasonOf(status, text).slice(0, 500) };
  }
  if (status >= 300)
    return { verdict: 'rejected', httpStatus: status, detail: reasonOf(status, text).slice(0, 500) };
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {}
  const parsed = ZPoliceAnswerSchema.safeParse(json);
  if (!parsed.success || parsed.data.requestId !== order.requestId) {
    return {
      verdict: 'unavailable',
      httpStatus: status,
      detail: '应答不是对本通知的答复 / the answer is not about this order',
    };
  }
  if (parsed.data.status === 'pending') return { verdict: 'pending', httpStatus: status };
  return { verdict: 'answered', httpStatus: status, answer: parsed.data };
}
