import type { Db } from '../../../platform/db.ts';
import { type App, errorResponses, ZErrorSchema } from '../../../platform/http/server.ts';
import { loadCaseAccess, requirePortalUser } from '../../disclosure/index.ts';
import { requireActor } from '../../identity/index.ts';
import {
  ZApplySelfDisposalSchema,
  ZCreateSelfDisposalSchema,
  ZGoodFaithMeasureSchema,
  ZIdParamSchema,
  ZRecordSaleSchema,
  ZSealedFinancingSchema,
  ZSealSubstitutionSchema,
  ZSelfDisposalApplicationSchema,
  ZSelfDisposalListSchema,
  ZSelfDisposalSchema,
} from './contracts.ts';
import { applySelfDisposal } from './use-cases/apply-self-disposal.ts';
import { createSelfDisposal } from './use-cases/create-self-disposal.ts';
import { listSelfDisposals } from './use-cases/list-self-disposals.ts';
import { recordGoodFaithMeasure } from './use-cases/record-good-faith-measure.ts';
import { recordSale } from './use-cases/record-sale.ts';

const tags = ['disposal'];
const errors = errorResponses;
// The court decides (善意文明执行意见): the case judge (policy.ts checks it again).
const caseJudge = { kind: 'case', seats: ['judge'] } as const;
const saleRecorders = { kind: 'case', seats: ['judge', 'assistant', 'clerk'] } as const;
// The portal's own credential is checked by the route (disclosure's portal-auth).
const portal = { kind: 'public' } as const;
const portalSecurity = [{ bearer: [] }];
const portalErrors = { ...errorResponses, 429: ZErrorSchema };
// Per address: a respondent applies for a few assets, not hundreds a minute.
const portalWriteRateLimit = { max: 30, timeWindow: '1 minute' };

/**
 * The good-faith measures (善意文明执行意见, 法发〔2019〕35号): the respondent's self-disposal of a
 * sealed asset — its application on the portal, the judge's decision, the agreed sale, the list —
 * and the records of a seal replaced by security and of financing with sealed property.
 */
export function registerSelfDisposalRoutes(app: App, { db }: { db: Db }): void {
  app.post(
    '/api/v1/cases/:id/self-disposals',
    {
      config: { access: caseJudge },
      schema: {
        tags,
        summary:
          '准许自行处置 / Let the respondent sell a sealed asset itself: the period (at most 60 days) and the lowest price',
        params: ZIdParamSchema,
        body: ZCreateSelfDisposalSchema,
        response: { 201: ZSelfDisposalSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createSelfDisposal(db, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/cases/:id/self-disposals',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '自行处置 / The case’s self-disposals (open → paid → completed, or lapsed) and applications',
        params: ZIdParamSchema,
        response: { 200: ZSelfDisposalListSchema, ...errors },
      },
    },
    async (request) => listSelfDisposals(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/self-disposals/:id/sale',
    {
      config: { access: saleRecorders },
      schema: {
        tags,
        summary:
          '登记自行处置成交 / Record the sale agreed (not below the lowest price); the buyer pays into the case account',
        params: ZIdParamSchema,
        body: ZRecordSaleSchema,
        response: { 200: ZSelfDisposalSchema, ...errors },
      },
    },
    async (request) => recordSale(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/cases/:id/seal-substitutions',
    {
      config: { access: caseJudge },
      schema: {
        tags,
        summary:
          '查封置换 / Record a seal replaced by adequate security (applicant’s consent or the court’s review)',
        params: ZIdParamSchema,
        body: ZSealSubstitutionSchema,
        response: { 201: ZGoodFaithMeasureSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await recordGoodFaithMeasure(db, requireActor(request), request.params.id, {
          kind: 'sealSubstitution',
          input: request.body,
        }),
      ),
  );

  app.post(
    '/api/v1/cases/:id/sealed-financings',
    {
      config: { access: caseJudge },
      schema: {
        tags,
        summary:
          '查封财产融资 / Record financing with sealed property (applicant’s consent or the court’s review)',
        params: ZIdParamSchema,
        body: ZSealedFinancingSchema,
        response: { 201: ZGoodFaithMeasureSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await recordGoodFaithMeasure(db, requireActor(request), request.params.id, {
          kind: 'sealedFinancing',
          input: request.body,
        }),
      ),
  );

  app.post(
    '/api/v1/party/cases/:id/self-disposal-applications',
    {
      config: { access: portal, rateLimit: portalWriteRateLimit },
      schema: {
        tags,
        summary: '申请自行处置 / The respondent applies to sell its sealed asset itself',
        security: portalSecurity,
        params: ZIdParamSchema,
        body: ZApplySelfDisposalSchema,
        response: { 201: ZSelfDisposalApplicationSchema, ...portalErrors },
      },
    },
    async (request, reply) => {
      const user = await requirePortalUser(db, request);
      const access = await loadCaseAccess(db, user, request.params.id);
      return reply.status(201).send(await applySelfDisposal(db, user, access, request.body));
    },
  );
}
