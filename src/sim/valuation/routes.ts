import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { admitAdmin, admitIdempotencyKey, admitSigned, readBody, validate } from '../bank/signed-request.ts';
import { bi, canonicalJson, SimErrorCode, sendError } from '../http-support.ts';
import { sha256Hex } from '../signature.ts';
import {
  isValuationPlatformCode,
  type ValuationPlatformCode,
  ZValuationInquiryRequestSchema,
  ZValuationKnobsPatchSchema,
} from './contracts.ts';
import type { ValuationDesk } from './desk.ts';

/**
 * The valuation platforms' protocol (docs/protocols/valuation.md) under `/valuation/{code}/v1`,
 * each signed as its own code with its own key, and their admin handles under `/sim/valuation`
 * (admin token): the overview and the knobs (force a platform late, to show the extension and the
 * delisting).
 */
export type ValuationRouteDeps = { desk: ValuationDesk; keyOf: (code: string) => string; adminToken: string };

const ZPlatformParamSchema = z.object({ platform: z.string().min(1).max(40) });

function platformOf(reply: FastifyReply, params: unknown): ValuationPlatformCode | undefined {
  const parsed = ZPlatformParamSchema.safeParse(params);
  const code = parsed.success ? parsed.data.platform : '';
  if (isValuationPlatformCode(code)) return code;
  sendError(reply, SimErrorCode.notFound, bi(`无此询价平台：${code}`, `No such valuation platform: ${code}`));
  return undefined;
}

export function registerValuationRoutes(app: FastifyInstance, deps: ValuationRouteDeps): void {
  const { desk } = deps;

  app.post('/valuation/:platform/v1/inquiries', async (request, reply) => {
    const code = platformOf(reply, request.params);
    if (!code || !admitSigned(request, reply, { code, key: deps.keyOf(code) })) return reply;
    const body = readBody(request, reply, ZValuationInquiryRequestSchema);
    if (!body || !admitIdempotencyKey(request, reply, body.data.requestId)) return reply;
    const { requestId } = body.data;
    const outcome = desk.submit(code, body.data, sha256Hex(canonicalJson(body.json)));
    if (outcome === 'conflict') {
      return sendError(
        reply,
        SimErrorCode.conflict,
        bi('此询价编号已用于不同的询价', 'The request id was used for a different inquiry'),
        { details: [{ path: 'requestId', message: requestId }] },
      );
    }
    if (outcome === 'unavailable') {
      return sendError(
        reply,
        SimErrorCode.unavailable,
        bi('询价平台暂不可用，请稍后再试', 'Valuation platform unavailable, try again later'),
        { retryAfterS: 1 },
      );
    }
    return reply.code(202).send({ requestId, status: 'accepted' });
  });

  app.get<{ Params: { platform: string; requestId: string } }>(
    '/valuation/:platform/v1/inquiries/:requestId',
    async (request, reply) => {
      const code = platformOf(reply, request.params);
      if (!code || !admitSigned(request, reply, { code, key: deps.keyOf(code) })) return reply;
      const found = desk.find(code, request.params.requestId);
      if (found) return found;
      return sendError(
        reply,
        SimErrorCode.notFound,
        bi(`无此询价：${request.params.requestId}`, `No such inquiry: ${request.params.requestId}`),
      );
    },
  );

  app.register(async (admin) => {
    admin.addHook('onRequest', async (request, reply) => {
      if (!admitAdmin(request, reply, deps.adminToken)) return reply;
    });

    admin.get('/sim/valuation', async () => desk.overview());

    admin.put<{ Params: { platform: string } }>('/sim/valuation/knobs/:platform', async (request, reply) => {
      const target = request.params.platform;
      if (target !== '*' && !platformOf(reply, request.params)) return reply;
      const body = readBody(request, reply, ZValuationKnobsPatchSchema);
      if (!body) return reply;
      const code = target === '*' || !isValuationPlatformCode(target) ? '*' : target;
      desk.patchKnobs(code, body.data);
      return desk.overview();
    });

    admin.get('/sim/valuation/inquiries/:platform/:requestId', async (request, reply) => {
      const params = validate(
        reply,
        z.object({ platform: z.string(), requestId: z.string().min(1).max(64) }),
        request.params,
        bi('参数有误', 'Invalid parameters'),
      );
      if (!params) return reply;
      const code = platformOf(reply, params);
      if (!code) return reply;
      const found = desk.find(code, params.requestId);
      if (found) return found;
      return sendError(reply, SimErrorCode.notFound, bi('无此询价', 'No such inquiry'));
    });
  });
}
