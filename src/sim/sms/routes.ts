import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { admitAdmin, admitIdempotencyKey, admitSigned, readBody, validate } from '../bank/signed-request.ts';
import { bi, canonicalJson, SimErrorCode, sendError } from '../http-support.ts';
import { sha256Hex } from '../signature.ts';
import { SMS_CODE, ZMobileSchema, ZSmsKnobsPatchSchema, ZSmsMessageRequestSchema } from './contracts.ts';
import type { SmsGateway } from './gateway.ts';

/**
 * The SMS gateway's protocol (docs/protocols/sms.md) under `/sms/v1`, signed as `smsgw`, and its
 * admin handles under `/sim/sms` (admin token): the outbox and the failure knob.
 */
export type SmsRouteDeps = { gateway: SmsGateway; key: string; adminToken: string };

const ZOutboxQuerySchema = z.object({ to: ZMobileSchema.optional() });

export function registerSmsRoutes(app: FastifyInstance, deps: SmsRouteDeps): void {
  const { gateway } = deps;
  const party = { code: SMS_CODE, key: deps.key };

  app.post('/sms/v1/messages', async (request, reply) => {
    if (!admitSigned(request, reply, party)) return reply;
    const body = readBody(request, reply, ZSmsMessageRequestSchema);
    if (!body || !admitIdempotencyKey(request, reply, body.data.messageId)) return reply;
    const { messageId } = body.data;
    const outcome = await gateway.send(body.data, sha256Hex(canonicalJson(body.json)));
    if (outcome === 'conflict') {
      return sendError(
        reply,
        SimErrorCode.conflict,
        bi('此短信编号已用于不同的短信', 'The message id was used for a different message'),
        { details: [{ path: 'messageId', message: messageId }] },
      );
    }
    if (outcome === 'unavailable') {
      return sendError(
        reply,
        SimErrorCode.unavailable,
        bi('短信网关暂不可用，请稍后再试', 'SMS gateway unavailable, try again later'),
        { retryAfterS: 1 },
      );
    }
    return reply.code(202).send({ messageId, status: 'accepted' });
  });

  app.get<{ Params: { messageId: string } }>('/sms/v1/messages/:messageId', async (request, reply) => {
    if (!admitSigned(request, reply, party)) return reply;
    const message = gateway.find(request.params.messageId);
    if (message) return message;
    return sendError(
      reply,
      SimErrorCode.notFound,
      bi(`无此短信：${request.params.messageId}`, `No such message: ${request.params.messageId}`),
    );
  });

  app.register(async (admin) => {
    admin.addHook('onRequest', async (request, reply) => {
      if (!admitAdmin(request, reply, deps.adminToken)) return reply;
    });

    admin.get('/sim/sms', async (request, reply) => {
      const query = validate(reply, ZOutboxQuerySchema, request.query, bi('查询参数有误', 'Invalid query'));
      if (!query) return reply;
      return gateway.outbox(query.to);
    });

    admin.get('/sim/sms/knobs', async () => gateway.knobs());

    admin.put('/sim/sms/knobs', async (request, reply) => {
      const body = readBody(request, reply, ZSmsKnobsPatchSchema);
      if (!body) return reply;
      return gateway.patchKnobs(body.data);
    });
  });
}
