import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SimClock } from './clock.ts';
import type { Engine } from './engine.ts';
import { bi, canonicalJson, parseJson, readHeader, SimErrorCode, sendError } from './http-support.ts';
import { findInstitution } from './institutions.ts';
import { createRateLimiter, findMaintenance, type KnobBoard } from './knobs.ts';
import { isParseFailure, parseBody } from './operations.ts';
import {
  HEADER_IDEMPOTENCY_KEY,
  HEADER_INSTITUTION,
  HEADER_SIGNATURE,
  HEADER_TIMESTAMP,
  sha256Hex,
  verifySignature,
} from './signature.ts';
import type { Stats } from './stats.ts';
import { type Institution, OPERATIONS } from './types.ts';

/**
 * The institution-facing protocol (docs/protocols/inquiry.md): submit and poll, signed, for every
 * institution under `/institutions/{code}`. Checks run in a fixed order: institution (404),
 * signature (401), maintenance (503), rate limit (429), idempotency key and body (400),
 * idempotency (200 / 409), injected fault (500), capacity (429), then 202.
 */
export type InstitutionRouteDeps = {
  engine: Engine;
  knobs: KnobBoard;
  clock: SimClock;
  stats: Stats;
  keys: Record<string, string>;
};

type SubmitRoute = { Params: { code: string; operation: string } };
type PollRoute = { Params: { code: string; requestId: string } };

const MAX_IDEMPOTENCY_KEY = 200;

export function registerInstitutionRoutes(app: FastifyInstance, deps: InstitutionRouteDeps): void {
  const limiter = createRateLimiter();

  /** 404 / 401 / 503 shared by submit and poll; the institution when the request may go on. */
  const admit = (
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    isSubmit: boolean,
  ): Institution | undefined => {
    const institution = findInstitution(code);
    const count = (outcome: 'notFound' | 'unauthenticated' | 'maintenance') => {
      if (isSubmit) deps.stats.submission(institution ? code : undefined, outcome);
    };
    const key = deps.keys[code];
    if (!institution || key === undefined) {
      count('notFound');
      sendError(reply, SimErrorCode.notFound, bi(`无此机构：${code}`, `No such institution: ${code}`));
      return undefined;
    }
    const body = typeof request.body === 'string' ? request.body : '';
    const claimed = readHeader(request.headers[HEADER_INSTITUTION]);
    const outcome =
      claimed === undefined
        ? 'missing'
        : claimed !== code
          ? 'otherInstitution'
          : verifySignature({
              key,
              method: request.method,
              path: request.url,
              body,
              timestamp: readHeader(request.headers[HEADER_TIMESTAMP]),
              signature: readHeader(request.headers[HEADER_SIGNATURE]),
              now: Date.now(),
            });
    if (outcome !== 'ok') {
      count('unauthenticated');
      const why = {
        missing: bi('缺少机构、时间戳或签名', 'Institution, timestamp or signature header missing'),
        otherInstitution: bi('机构标识与地址不符', 'x-zx-institution does not match the address'),
        skew: bi('时间戳与当前时间相差超过 5 分钟', 'Timestamp more than 5 minutes off'),
        bad: bi('签名无效', 'Invalid signature'),
      }[outcome];
      sendError(reply, SimErrorCode.unauthenticated, why);
      return undefined;
    }
    const maintenance = findMaintenance(deps.knobs.get(code), deps.clock.now());
    if (maintenance) {
      count('maintenance');
      sendError(
        reply,
        SimErrorCode.unavailable,
        bi('系统维护中，请稍后再试', 'Under maintenance, try again later'),
        {
          retryAfterS: maintenance.retryAfterS,
        },
      );
      return undefined;
    }
    return institution;
  };

  app.post<SubmitRoute>('/institutions/:code/v1/:operation', async (request, reply) => {
    const { code } = request.params;
    const institution = admit(request, reply, code, true);
    if (!institution) return reply;
    const operation = OPERATIONS.find((o) => o === request.params.operation);
    if (!operation || !institution.operations.includes(operation)) {
      deps.stats.submission(code, 'notFound');
      return sendError(
        reply,
        SimErrorCode.notFound,
        bi(
          `本机构不办理此业务：${request.params.operation}`,
          `Operation not offered here: ${request.params.operation}`,
        ),
      );
    }
    const limit = limiter.take(code, deps.knobs.get(code).rateLimitPerSecond, Date.now());
    if (!limit.isAllowed) {
      deps.stats.submission(code, 'rateLimited');
      return sendError(reply, SimErrorCode.tooManyRequests, bi('请求过于频繁', 'Too many requests'), {
        retryAfterS: limit.retryAfterS,
      });
    }
    const idempotencyKey = readHeader(request.headers[HEADER_IDEMPOTENCY_KEY])?.trim() ?? '';
    if (idempotencyKey === '' || idempotencyKey.length > MAX_IDEMPOTENCY_KEY) {
      deps.stats.submission(code, 'invalid');
      return sendError(reply, SimErrorCode.invalidInput, bi('幂等键无效', 'Invalid idempotency key'), {
        details: [
          { path: HEADER_IDEMPOTENCY_KEY, message: bi('须为 1–200 个字符', 'Must be 1–200 characters') },
        ],
      });
    }
    const json = parseJson(typeof request.body === 'string' ? request.body : '');
    const parsed = json.isJson ? parseBody(operation, json.value) : { issues: [json.detail] };
    if (isParseFailure(parsed) || !json.isJson) {
      deps.stats.submission(code, 'invalid');
      const details = isParseFailure(parsed) ? parsed.issues : [];
      return sendError(reply, SimErrorCode.invalidInput, bi('请求内容有误', 'Invalid request body'), {
        details,
      });
    }
    const outcome = await deps.engine.submit({
      institution: code,
      operation,
      idempotencyKey,
      parsed,
      body: json.value,
      bodyHash: sha256Hex(canonicalJson(json.value)),
    });
    switch (outcome.kind) {
      case 'accepted':
      case 'replayed':
        deps.stats.submission(code, outcome.kind);
        return reply
          .code(outcome.kind === 'accepted' ? 202 : 200)
          .send({ requestId: outcome.requestId, status: 'accepted' });
      case 'conflict':
        deps.stats.submission(code, 'conflict');
        return sendError(
          reply,
          SimErrorCode.conflict,
          bi('幂等键已用于不同的请求', 'The idempotency key was used for a different request'),
          { details: [{ path: HEADER_IDEMPOTENCY_KEY, message: `requestId ${outcome.requestId}` }] },
        );
      case 'fault':
        deps.stats.submission(code, 'fault');
        return sendError(
          reply,
          SimErrorCode.internal,
          bi('机构系统内部错误', 'Internal error at the institution'),
        );
      case 'busy':
        deps.stats.submission(code, 'busy');
        return sendError(
          reply,
          SimErrorCode.tooManyRequests,
          bi('处理中的请求已达上限', 'Too many requests in process'),
          {
            retryAfterS: outcome.retryAfterS,
          },
        );
    }
  });

  app.get<PollRoute>('/institutions/:code/v1/requests/:requestId', async (request, reply) => {
    const { code, requestId } = request.params;
    if (!admit(request, reply, code, false)) return reply;
    const envelope = deps.engine.poll(code, requestId);
    if (envelope === undefined) {
      return sendError(
        reply,
        SimErrorCode.notFound,
        bi(`无此请求：${requestId}`, `No such request: ${requestId}`),
      );
    }
    return reply.type('application/json').send(envelope);
  });
}
