import type { FastifyInstance, FastifyReply } from 'fastify';
import { admitAdmin, admitIdempotencyKey, admitSigned, readBody } from '../bank/signed-request.ts';
import { bi, canonicalJson, SimErrorCode, sendError } from '../http-support.ts';
import { sha256Hex } from '../signature.ts';
import type { DetentionCentre, SubmitOutcome } from './centre.ts';
import {
  POLICE_CODE,
  ZDetentionOrderRequestSchema,
  ZPoliceKnobsPatchSchema,
  ZReleaseOrderRequestSchema,
} from './contracts.ts';

/**
 * Public security's side of the detention protocol (docs/protocols/public-security.md) under
 * `/police/v1`, signed as `police`, and its admin handles under `/sim/police` (admin token): every
 * order held, and the refusal, latency and failure knobs.
 */
export type PoliceRouteDeps = { centre: DetentionCentre; key: string; adminToken: string };

function answer(reply: FastifyReply, outcome: SubmitOutcome, requestId: string): FastifyReply {
  switch (outcome.kind) {
    case 'kept':
      return reply.code(outcome.order.status === 'pending' ? 202 : 200).send(outcome.order);
    case 'conflict':
      return sendError(
        reply,
        SimErrorCode.conflict,
        bi('此请求编号已用于不同的请求', 'The request id was used for a different request'),
        { details: [{ path: 'requestId', message: requestId }] },
      );
    case 'unknownDetention':
      return sendError(reply, SimErrorCode.invalidInput, bi('无此拘留通知', 'No such detention order'), {
        details: [{ path: 'detentionRequestId', message: bi('本所未收到该拘留通知', 'Not received here') }],
      });
    case 'unavailable':
      return sendError(
        reply,
        SimErrorCode.unavailable,
        bi('公安机关系统暂不可用，请稍后再试', 'Public security unavailable, try again later'),
        { retryAfterS: 1 },
      );
  }
}

export function registerPoliceRoutes(app: FastifyInstance, deps: PoliceRouteDeps): void {
  const { centre } = deps;
  const party = { code: POLICE_CODE, key: deps.key };

  app.post('/police/v1/detention-orders', async (request, reply) => {
    if (!admitSigned(request, reply, party)) return reply;
    const body = readBody(request, reply, ZDetentionOrderRequestSchema);
    if (!body || !admitIdempotencyKey(request, reply, body.data.requestId)) return reply;
    const outcome = centre.detain(body.data, sha256Hex(canonicalJson(body.json)));
    return answer(reply, outcome, body.data.requestId);
  });

  app.post('/police/v1/release-orders', async (request, reply) => {
    if (!admitSigned(request, reply, party)) return reply;
    const body = readBody(request, reply, ZReleaseOrderRequestSchema);
    if (!body || !admitIdempotencyKey(request, reply, body.data.requestId)) return reply;
    const outcome = centre.release(body.data, sha256Hex(canonicalJson(body.json)));
    return answer(reply, outcome, body.data.requestId);
  });

  app.get<{ Params: { requestId: string } }>('/police/v1/orders/:requestId', async (request, reply) => {
    if (!admitSigned(request, reply, party)) return reply;
    const order = centre.find(request.params.requestId);
    if (order) return order;
    return sendError(
      reply,
      SimErrorCode.notFound,
      bi(`无此通知：${request.params.requestId}`, `No such order: ${request.params.requestId}`),
    );
  });

  app.register(async (admin) => {
    admin.addHook('onRequest', async (request, reply) => {
      if (!admitAdmin(request, reply, deps.adminToken)) return reply;
    });

    admin.get('/sim/police', async () => centre.overview());

    admin.get('/sim/police/knobs', async () => centre.knobs());

    admin.put('/sim/police/knobs', async (request, reply) => {
      const body = readBody(request, reply, ZPoliceKnobsPatchSchema);
      if (!body) return reply;
      return centre.patchKnobs(body.data);
    });
  });
}
