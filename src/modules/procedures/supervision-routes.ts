import type { Db } from '../../platform/db.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { purposeOf } from '../cases/index.ts';
import { Role, requireActor } from '../identity/index.ts';
import { ZIdParamSchema } from './contracts.ts';
import {
  ZPlaceSupervisionSchema,
  ZRecommendationInputSchema,
  ZRecommendationSchema,
  ZReplyInputSchema,
  ZSupervisedCaseSchema,
  ZSupervisionListSchema,
  ZSupervisionSchema,
} from './supervision-contracts.ts';
import { placeSupervision } from './use-cases/place-supervision.ts';
import { replyToRecommendation } from './use-cases/reply-recommendation.ts';
import { sendRecommendation } from './use-cases/send-recommendation.ts';
import {
  defaultSupervisionPurpose,
  listCaseSupervisions,
  listSupervisions,
  readSupervisedCase,
} from './use-cases/supervision-views.ts';

const tags = ['supervision'];
const errors = errorResponses;
// The procurator's routes: outside every court's data scope, the supervision itself is the scope.
const procurator = { kind: 'signedIn', roles: [Role.procurator] } as const;

function purposeOfRead(header: string | string[] | undefined): string {
  return header === undefined || header === '' ? defaultSupervisionPurpose : purposeOf(header);
}

/**
 * Procuratorial supervision (检察监督): the court places a case under a procuratorate's supervision;
 * the procurator reads it (read-only, audited) and sends recommendations; the court replies.
 */
export function registerSupervisionRoutes(app: App, { db }: { db: Db }): void {
  app.post(
    '/api/v1/cases/:id/supervision',
    {
      config: {
        access: {
          kind: 'case',
          courtRoles: [Role.courtLeader, Role.commandCentre],
          higherCourtRoles: [Role.commandCentre],
        },
      },
      schema: {
        tags,
        summary:
          '纳入检察监督 / Place the case under a procuratorate’s supervision (its procurators then read it)',
        params: ZIdParamSchema,
        body: ZPlaceSupervisionSchema,
        response: { 201: ZSupervisionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await placeSupervision(db, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/cases/:id/supervision',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '本案检察监督 / The case’s supervisions, recommendations and replies',
        params: ZIdParamSchema,
        response: { 200: ZSupervisionListSchema, ...errors },
      },
    },
    async (request) => ({
      items: await listCaseSupervisions(db, requireActor(request), request.params.id),
    }),
  );

  app.get(
    '/api/v1/supervision/cases',
    {
      config: { access: { kind: 'signedIn' } },
      schema: {
        tags,
        summary:
          '检察监督案件 / Supervised cases: a procurator’s procuratorate’s (audited), or those in a court user’s scope; overdue replies first',
        response: { 200: ZSupervisionListSchema, ...errors },
      },
    },
    async (request) => ({
      items: await listSupervisions(
        db,
        requireActor(request),
        purposeOfRead(request.headers['x-zhixing-purpose']),
      ),
    }),
  );

  app.get(
    '/api/v1/supervision/cases/:id',
    {
      config: { access: procurator },
      schema: {
        tags,
        summary:
          '调阅监督案件 / The procurator reads a supervised case: summary, nodes, documents, measures (read-only, audited)',
        params: ZIdParamSchema,
        response: { 200: ZSupervisedCaseSchema, ...errors },
      },
    },
    async (request) =>
      readSupervisedCase(
        db,
        requireActor(request),
        request.params.id,
        purposeOfRead(request.headers['x-zhixing-purpose']),
      ),
  );

  app.post(
    '/api/v1/supervision/cases/:id/recommendations',
    {
      config: { access: procurator },
      schema: {
        tags,
        summary: '提出检察建议 / Send a procuratorial recommendation (the court replies within 3 months)',
        params: ZIdParamSchema,
        body: ZRecommendationInputSchema,
        response: { 201: ZRecommendationSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await sendRecommendation(db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/supervision/recommendations/:id/reply',
    {
      config: { access: { kind: 'case', seats: ['judge'], courtRoles: [Role.courtLeader] } },
      schema: {
        tags,
        summary: '回复检察建议 / The court’s written reply to a recommendation (due within 3 months)',
        params: ZIdParamSchema,
        body: ZReplyInputSchema,
        response: { 200: ZRecommendationSchema, ...errors },
      },
    },
    async (request) => replyToRecommendation(db, requireActor(request), request.params.id, request.body),
  );
}
