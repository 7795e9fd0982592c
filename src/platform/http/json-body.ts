import { isUtf8 } from 'node:buffer';
import { pipeline, type Readable, Transform } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalidField } from '../errors.ts';

/** How many bytes at the end of `bytes` start a character the next chunk completes (0–3). */
export function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    // A continuation byte (10xxxxxx): the character began further back.
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

function notUtf8() {
  return invalidField('body', '请求体不是有效的 UTF-8 编码', 'Request body is not valid UTF-8');
}

/** Passes the bytes through unchanged, failing the stream at the first byte that is not UTF-8. */
export function checkedUtf8(): Transform {
  let carry = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const cut = bytes.length - incompleteTail(bytes);
      if (!isUtf8(bytes.subarray(0, cut))) return callback(notUtf8());
      carry = Buffer.from(bytes.subarray(cut));
      return callback(null, chunk);
    },
    flush(callback) {
      callback(carry.length > 0 ? notUtf8() : null);
    },
  });
}

const jsonType = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

/**
 * A `preParsing` hook: JSON bodies must be UTF-8 (RFC 8259 §8.1). Fastify decodes a body with
 * replacement characters for bad bytes, so a name or an ID number would be stored garbled; here
 * the bytes are checked as they arrive, before any parser (Fastify's or a route's own) sees them,
 * and a bad one is a 400 naming the body.
 */
export async function requireUtf8Json(
  request: FastifyRequest,
  _reply: FastifyReply,
  payload: Readable,
): Promise<Readable> {
  if (!jsonType.test(request.headers['content-type'] ?? '')) return payload;
  // `pipeline`: a client that goes away mid-body ends the checked stream too.
  return pipeline(payload, checkedUtf8(), () => {});
}
