import type { Db } from '../../platform/db.ts';
import { type App, errorResponses, ZErrorSchema } from '../../platform/http/server.ts';
import { requireActor } from '../identity/index.ts';
import {
  ZAnswerDeputyProposalSchema,
  ZAssignDeputyProposalSchema,
  ZDeputyProposalListQuerySchema,
  ZDeputyProposalListSchema,
  ZDeputyProposalParamSchema,
  ZDeputyProposalSchema,
  ZPublicReplyPageSchema,
  ZPublicReplyQuerySchema,
  ZRegisterDeputyProposalSchema,
} from './deputy-proposal-contracts.ts';
import { counterStaff, deputyProposalLeaders } from './policy.ts';
import {
  answerDeputyProposal,
  assignDeputyProposal,
  listDeputyProposals,
  registerDeputyProposal,
} from './use-cases/deputy-proposals.ts';
import { listPublicReplies } from './use-cases/public-replies.ts';

const tags = ['proposals'];
const errors = errorResponses;
// Per address: the list is read, not harvested.
const publicReadRateLimit = { max: 60, timeWindow: '1 minute' };

/**
 * Deputies' suggestions and CPPCC members' proposals (人大代表建议、政协委员提案): registered and
 * assigned by a court leader, answered by the officer assigned, the publishable replies on the portal.
 */
export function registerDeputyProposalRoutes(app: App, { db }: { db: Db }): void {
  app.post(
    '/api/v1/service/proposals',
    {
      config: { access: { kind: 'signedIn', roles: [...deputyProposalLeaders] } },
      schema: {
        tags,
        summary:
          '登记建议提案 / Register a deputy’s suggestion or a CPPCC proposal (due in 3 months by default)',
        body: ZRegisterDeputyProposalSchema,
        response: { 201: ZDeputyProposalSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await registerDeputyProposal(db, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/service/proposals',
    {
      config: { access: counterStaff },
      schema: {
        tags,
        summary:
          '建议提案台账 / DeputyProposals of the court and the courts below it, the nearest reply day first',
        querystring: ZDeputyProposalListQuerySchema,
        response: { 200: ZDeputyProposalListSchema, ...errors },
      },
    },
    async (request) => listDeputyProposals(db, requireActor(request), request.query),
  );

  app.post(
    '/api/v1/service/proposals/:id/assign',
    {
      config: { access: { kind: 'court', roles: [...deputyProposalLeaders] } },
      schema: {
        tags,
        summary: '交办 / Assign the proposal to an officer of its court',
        params: ZDeputyProposalParamSchema,
        body: ZAssignDeputyProposalSchema,
        response: { 200: ZDeputyProposalSchema, ...errors },
      },
    },
    async (request) => assignDeputyProposal(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/service/proposals/:id/answer',
    {
      config: { access: { kind: 'addressee' } },
      schema: {
        tags,
        summary: '答复 / Answer the proposal (its assignee), and say whether the reply may be published',
        params: ZDeputyProposalParamSchema,
        body: ZAnswerDeputyProposalSchema,
        response: { 200: ZDeputyProposalSchema, ...errors },
      },
    },
    async (request) => answerDeputyProposal(db, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/public/proposal-replies',
    {
      config: { access: { kind: 'public' }, rateLimit: publicReadRateLimit },
      schema: {
        tags,
        summary: '建议提案答复公开 / Published replies to deputies’ suggestions and CPPCC proposals',
        security: [],
        querystring: ZPublicReplyQuerySchema,
        response: { 200: ZPublicReplyPageSchema, ...errors, 429: ZErrorSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return listPublicReplies(db, request.query.page);
    },
  );
}
