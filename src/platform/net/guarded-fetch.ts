import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { guardedLookupFor, OutboundRefusedError, refusalOfLiteral } from './outbound-guard.ts';

export type GuardedInit = {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
};

// Connections are kept alive between calls, as fetch does; each was checked when it was opened.
const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

function headersOf(message: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
      headers.append(name, v);
  }
  return headers;
}

/**
 * `fetch` for URLs an administrator set (webhooks, institutions): the connection goes only to an
 * address the outbound guard allows, checked on the address actually connected to (so DNS
 * rebinding gets nowhere), and redirects are not followed (they could lead anywhere). Rejects with
 * `OutboundRefusedError` when the address is refused, and like fetch on network errors.
 */
export function guardedFetch(target: string | URL, init: GuardedInit = {}): Promise<Response> {
  const url = new URL(target);
  const agent =
    url.protocol === 'https:' ? agents['https:'] : url.protocol === 'http:' ? agents['http:'] : null;
  if (!agent) return Promise.reject(new TypeError(`unsupported protocol ${url.protocol}`));
  const literal = refusalOfLiteral(url);
  if (literal) return Promise.reject(new OutboundRefusedError(literal));
  const body = init.body === undefined ? undefined : Buffer.from(init.body);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: init.method ?? 'GET',
        headers: { ...init.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
        agent,
        lookup: guardedLookupFor(url),
        ...(init.signal ? { signal: init.signal } : {}),
      },
      (message) => {
        const status = message.statusCode ?? 0;
        // A 204 or 304 has no body, and a Response for one must not be given a stream.
        const hasBody = status !== 204 && status !== 304;
        if (!hasBody) message.resume();
        try {
          const stream = hasBody ? Readable.toWeb(message) : null;
          resolve(
            new Response(stream, {
              status,
              statusText: message.statusMessage ?? '',
              headers: headersOf(message),
            }),
          );
        } catch (err) {
          // A status outside 200–599 is no answer fetch would give either.
          message.destroy();
          reject(err);
        }
      },
    );
    request.on('error', (err) => reject(init.signal?.aborted ? (init.signal.reason ?? err) : err));
    request.end(body);
  });
}
