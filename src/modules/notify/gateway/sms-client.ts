import { guardedFetch } from '../../../platform/net/guarded-fetch.ts';
import { OutboundRefusedError } from '../../../platform/net/outbound-guard.ts';
import type { OutsideEndpoint } from '../../../platform/outside-world.ts';
import { protocolHeaders, signHeaders, transportNow } from '../../../platform/signed-http.ts';
import { type GatewayVerdict, verdictOfStatus } from '../rules/delivery.ts';

/**
 * Zhixing's side of the SMS gateway's protocol (docs/protocols/sms.md): `POST {base}/v1/messages`,
 * signed as every outside party's requests are, with the message id as idempotency key. The call
 * goes through the outbound guard (only public or allow-listed addresses, no redirects).
 */
export type SmsRequest = { messageId: string; to: string; text: string };

export type SmsAnswer = { verdict: GatewayVerdict; httpStatus: number | null; detail: string };

const timeoutMs = 10_000;

function describeError(err: unknown): string {
  if (err instanceof OutboundRefusedError) return err.message;
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return '超时 / timed out';
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  const message = err instanceof Error && !cause ? `: ${err.message}` : cause;
  return `无法连接 / unreachable${message}`;
}

/** The gateway's own words on a refusal (`{error: {message}}`), else the status. */
async function reasonOf(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const parsed: unknown = JSON.parse(text);
    const error = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'error') : undefined;
    const message = typeof error === 'object' && error !== null ? Reflect.get(error, 'message') : undefined;
    if (typeof message === 'string') return `HTTP ${res.status}: ${message}`;
  } catch {}
  return `HTTP ${res.status}`;
}

/** Whether a 2xx answer acknowledges this very message. */
async function isAcknowledged(res: Response, messageId: string): Promise<boolean> {
  const parsed: unknown = await res.json().catch(() => null);
  if (typeof parsed !== 'object' || parsed === null) return false;
  return Reflect.get(parsed, 'messageId') === messageId && Reflect.get(parsed, 'status') === 'accepted';
}

export async function sendSmsToGateway(
  endpoint: OutsideEndpoint,
  message: SmsRequest,
  opts: { signal?: AbortSignal } = {},
): Promise<SmsAnswer> {
  const url = new URL(`${endpoint.url.replace(/\/+$/, '')}/v1/messages`);
  // The same bytes every time for one message: the gateway compares a repeated id's body.
  const body = JSON.stringify({ messageId: message.messageId, to: message.to, text: message.text });
  const headers = signHeaders({
    institution: endpoint.code,
    key: endpoint.key,
    method: 'POST',
    path: url.pathname + url.search,
    body,
    now: transportNow(),
  });
  const timeout = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await guardedFetch(url, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        [protocolHeaders.idempotencyKey]: message.messageId,
      },
      body,
      signal: opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout,
    });
  } catch (err) {
    return { verdict: 'unavailable', httpStatus: null, detail: describeError(err).slice(0, 500) };
  }
  const verdict = verdictOfStatus(res.status);
  if (verdict !== 'accepted') {
    return { verdict, httpStatus: res.status, detail: (await reasonOf(res)).slice(0, 500) };
  }
  if (!(await isAcknowledged(res, message.messageId))) {
    return {
      verdict: 'unavailable',
      httpStatus: res.status,
      detail: '应答未确认本条短信 / the answer does not acknowledge this message',
    };
  }
  return { verdict: 'accepted', httpStatus: res.status, detail: 'accepted' };
}
