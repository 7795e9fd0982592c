import { guardedFetch } from '../../../platform/net/guarded-fetch.ts';
import { OutboundRefusedError } from '../../../platform/net/outbound-guard.ts';
import { type ProtocolOperation, type TEnvelope, ZEnvelopeSchema } from './envelope.ts';
import { protocolHeaders, signHeaders } from './signing.ts';

/**
 * Zhixing's side of the inquiry protocol: submit and poll, signed with the institution's key. It
 * knows nothing of who answers: a simulated institution or a real bank behind the same protocol.
 * Requests go through the outbound guard: only to public addresses or allow-listed ones, checked
 * on the address connected to, and without following redirects.
 */
export type Endpoint = { code: string; baseUrl: string; key: string };

export type SubmitOutcome =
  | { kind: 'accepted'; remoteRequestId: string }
  /** The institution asked us to wait (429 rate limit or busy, 503 maintenance). */
  | { kind: 'wait'; retryAfterSeconds: number; reason: string }
  /** 5xx, timeout, unreachable: worth retrying with the same idempotency key. */
  | { kind: 'transient'; reason: string }
  /** 4xx other than 429: retrying the same request cannot help. */
  | { kind: 'permanent'; reason: string };

export type PollOutcome =
  | { kind: 'pending' }
  | { kind: 'answered'; envelope: TEnvelope }
  | { kind: 'unknown' }
  | { kind: 'wait'; retryAfterSeconds: number; reason: string }
  | { kind: 'transient'; reason: string };

function targetOf(baseUrl: string, suffix: string): URL {
  return new URL(`${baseUrl.replace(/\/+$/, '')}${suffix}`);
}

function retryAfterOf(res: Response): number {
  const value = Number(res.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? Math.min(value, 3600) : 5;
}

async function reasonOf(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) {
      const error = parsed.error;
      if (
        typeof error === 'object' &&
        error !== null &&
        'message' in error &&
        typeof error.message === 'string'
      ) {
        return `HTTP ${res.status}: ${error.message}`.slice(0, 500);
      }
    }
  } catch {}
  return `HTTP ${res.status}`;
}

function describeError(err: unknown): string {
  if (err instanceof OutboundRefusedError) return err.message.slice(0, 500);
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return '超时 / timed out';
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : '';
  return `无法连接 / unreachable${cause ? `: ${cause}` : ''}`.slice(0, 500);
}

export async function submitRequest(
  endpoint: Endpoint,
  input: {
    operation: ProtocolOperation;
    body: string;
    idempotencyKey: string;
    timeoutMs: number;
    now: number;
  },
): Promise<SubmitOutcome> {
  const url = targetOf(endpoint.baseUrl, `/v1/${input.operation}`);
  const headers = signHeaders({
    institution: endpoint.code,
    key: endpoint.key,
    method: 'POST',
    path: url.pathname + url.search,
    body: input.body,
    now: input.now,
  });
  let res: Response;
  try {
    res = await guardedFetch(url, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        [protocolHeaders.idempotencyKey]: input.idempotencyKey,
      },
      body: input.body,
      signal: AbortSignal.timeout(input.timeoutMs),
    });
  } catch (err) {
    // A refused address stays refused until an administrator changes the URL or the allow-list.
    if (err instanceof OutboundRefusedError) return { kind: 'permanent', reason: describeError(err) };
    return { kind: 'transient', reason: describeError(err) };
  }
  if (res.status === 202 || res.status === 200) {
    const parsed: unknown = await res.json().catch(() => null);
    const requestId =
      typeof parsed === 'object' && parsed !== null && 'requestId' in parsed ? parsed.requestId : null;
    if (typeof requestId === 'string' && requestId.length > 0 && requestId.length <= 200) {
      return { kind: 'accepted', remoteRequestId: requestId };
    }
    return { kind: 'transient', reason: '应答无请求编号 / answer without requestId' };
  }
  const reason = await reasonOf(res);
  if (res.status === 429 || res.status === 503)
    return { kind: 'wait', retryAfterSeconds: retryAfterOf(res), reason };
  if (res.status >= 500) return { kind: 'transient', reason };
  return { kind: 'permanent', reason };
}

export async function pollRequest(
  endpoint: Endpoint,
  input: { remoteRequestId: string; timeoutMs: number; now: number },
): Promise<PollOutcome> {
  const url = targetOf(endpoint.baseUrl, `/v1/requests/${encodeURIComponent(input.remoteRequestId)}`);
  const headers = signHeaders({
    institution: endpoint.code,
    key: endpoint.key,
    method: 'GET',
    path: url.pathname + url.search,
    body: '',
    now: input.now,
  });
  let res: Response;
  try {
    res = await guardedFetch(url, { headers, signal: AbortSignal.timeout(input.timeoutMs) });
  } catch (err) {
    return { kind: 'transient', reason: describeError(err) };
  }
  if (res.status === 404) {
    await res.arrayBuffer();
    return { kind: 'unknown' };
  }
  if (res.status === 429 || res.status === 503) {
    return { kind: 'wait', retryAfterSeconds: retryAfterOf(res), reason: await reasonOf(res) };
  }
  if (res.status !== 200) return { kind: 'transient', reason: await reasonOf(res) };
  const parsed = ZEnvelopeSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) return { kind: 'transient', reason: '应答格式有误 / malformed poll answer' };
  if (parsed.data.result === null) return { kind: 'pending' };
  return { kind: 'answered', envelope: parsed.data };
}
