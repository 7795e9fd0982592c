import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  bi,
  type Detail,
  isBearer,
  parseJson,
  readHeader,
  SimErrorCode,
  sendError,
} from '../http-support.ts';
import {
  HEADER_IDEMPOTENCY_KEY,
  HEADER_INSTITUTION,
  HEADER_SIGNATURE,
  HEADER_TIMESTAMP,
  verifySignature,
} from '../signature.ts';

/**
 * The checks every route of the bank and the SMS gateway starts with — the signature of the
 * inquiry protocol (docs/protocols/inquiry.md §2) under their own code and key, the admin token,
 * a JSON body valid for a schema — each answering the refusal itself.
 */
export type SignedParty = { code: string; key: string };

const WHY_UNSIGNED = {
  missing: bi('缺少机构、时间戳或签名', 'Institution, timestamp or signature header missing'),
  otherInstitution: bi('机构标识与地址不符', 'x-zx-institution does not match the address'),
  skew: bi('时间戳与当前时间相差超过 5 分钟', 'Timestamp more than 5 minutes off'),
  bad: bi('签名无效', 'Invalid signature'),
} as const;

export function rawBodyOf(request: FastifyRequest): string {
  return typeof request.body === 'string' ? request.body : '';
}

/** True when the request is signed by the party; otherwise answers 401. */
export function admitSigned(request: FastifyRequest, reply: FastifyReply, party: SignedParty): boolean {
  const claimed = readHeader(request.headers[HEADER_INSTITUTION]);
  const outcome =
    claimed === undefined
      ? 'missing'
      : claimed !== party.code
        ? 'otherInstitution'
        : verifySignature({
            key: party.key,
            method: request.method,
            path: request.url,
            body: rawBodyOf(request),
            timestamp: readHeader(request.headers[HEADER_TIMESTAMP]),
            signature: readHeader(request.headers[HEADER_SIGNATURE]),
            now: Date.now(),
          });
  if (outcome === 'ok') return true;
  sendError(reply, SimErrorCode.unauthenticated, WHY_UNSIGNED[outcome]);
  return false;
}

/** True when the request carries the admin token; otherwise answers 401. */
export function admitAdmin(request: FastifyRequest, reply: FastifyReply, adminToken: string): boolean {
  if (isBearer(readHeader(request.headers.authorization), adminToken)) return true;
  sendError(reply, SimErrorCode.unauthenticated, bi('需要管理令牌', 'Admin token required'));
  return false;
}

/** An error in the simulator's envelope with a code of the bank's own (`unknownAccount` …). */
export function sendCodedError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details: Detail[] = [],
): FastifyReply {
  return reply
    .code(status)
    .type('application/json')
    .send(JSON.stringify({ error: { code, message, details } }));
}

export function detailsOf(error: z.ZodError): Detail[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
}

/** Validates a value (a parsed body or the query string); otherwise answers 400 naming each field. */
export function validate<S extends z.ZodType>(
  reply: FastifyReply,
  schema: S,
  value: unknown,
  message: string,
): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  sendError(reply, SimErrorCode.invalidInput, message, { details: detailsOf(parsed.error) });
  return undefined;
}

/** The JSON body, as received and as validated; otherwise answers 400. */
export function readBody<S extends z.ZodType>(
  request: FastifyRequest,
  reply: FastifyReply,
  schema: S,
): { json: unknown; data: z.output<S> } | undefined {
  const json = parseJson(rawBodyOf(request));
  if (!json.isJson) {
    sendError(reply, SimErrorCode.invalidInput, json.detail.message, { details: [json.detail] });
    return undefined;
  }
  const data = validate(reply, schema, json.value, bi('请求内容有误', 'Invalid request body'));
  return data === undefined ? undefined : { json: json.value, data };
}

/** True when `idempotency-key` is the body's own id (`instructionId`, `messageId`); otherwise answers 400. */
export function admitIdempotencyKey(request: FastifyRequest, reply: FastifyReply, id: string): boolean {
  if (readHeader(request.headers[HEADER_IDEMPOTENCY_KEY])?.trim() === id) return true;
  sendError(reply, SimErrorCode.invalidInput, bi('幂等键无效', 'Invalid idempotency key'), {
    details: [
      {
        path: HEADER_IDEMPOTENCY_KEY,
        message: bi('须与请求体中的编号相同', "Must equal the body's id"),
      },
    ],
  });
  return false;
}
