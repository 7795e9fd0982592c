import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { teamSeats } from '../../platform/http/access.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { Role, requireActor } from '../identity/index.ts';
import { recordAppraisalReport, requestAppraisalExtension } from './use-cases/appraisal.ts';
import { addAppraiser, listAppraisers } from './use-cases/appraisal-roster.ts';
import { drawLots } from './use-cases/lottery-draw.ts';
import { getLottery } from './use-cases/lottery-view.ts';
import { decideObjection, lodgeObjection } from './use-cases/valuation-objections.ts';
import { listPlatforms } from './use-cases/valuation-platforms.ts';
import { receivePlatformReport } from './use-cases/valuation-reports.ts';
import { startValuation } from './use-cases/valuation-start.ts';
import { getCaseValuations, getValuation } from './use-cases/valuation-view.ts';
import { reportPath, ZReportAckSchema } from './valuation/protocol.ts';
import {
  ZAddAppraiserSchema,
  ZAppraisalExtensionSchema,
  ZAppraisalReportSchema,
  ZAppraiserListQuerySchema,
  ZAppraiserListSchema,
  ZAppraiserSchema,
  ZCaseIdParamSchema,
  ZCaseValuationsSchema,
  ZDecideObjectionSchema,
  ZDrawLotsSchema,
  ZExtensionGrantedSchema,
  ZIdParamSchema,
  ZLodgeObjectionSchema,
  ZLotterySchema,
  ZObjectionAnswerSchema,
  ZPlatformListSchema,
  ZStartValuationSchema,
  ZValuationSchema,
  ZValuationStartedSchema,
} from './valuation-contracts.ts';

/** The reference price (询价评估, 参考价规定 2018): valuations, objections, the lottery, appraisal, the rosters. */
export function registerValuationRoutes(app: App, ctx: ModuleContext): void {
  const db = ctx.database.db;
  const tags = ['disposal'];
  const errors = errorResponses;

  app.post(
    '/api/v1/cases/:id/valuations',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '启动询价评估 / Start a valuation of a sealed or seized asset',
        params: ZCaseIdParamSchema,
        body: ZStartValuationSchema,
        response: { 201: ZValuationStartedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await startValuation(db, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/cases/:id/valuations',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '案件询价评估 / A case’s valuations and its sealed or seized assets',
        params: ZCaseIdParamSchema,
        response: { 200: ZCaseValuationsSchema, ...errors },
      },
    },
    async (request) => getCaseValuations(db, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/valuations/:id',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '询价评估 / A valuation',
        params: ZIdParamSchema,
        response: { 200: ZValuationSchema, ...errors },
      },
    },
    async (request) => getValuation(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/valuations/:id/objections',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '对询价报告提出异议 / Lodge an objection to a platform’s report',
        params: ZIdParamSchema,
        body: ZLodgeObjectionSchema,
        response: { 201: ZObjectionAnswerSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await lodgeObjection(db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/valuation-objections/:id/decision',
    {
      config: { access: { kind: 'case', seats: ['judge'], courtRoles: [Role.courtLeader] } },
      schema: {
        tags,
        summary: '审查异议 / Uphold or dismiss an objection',
        params: ZIdParamSchema,
        body: ZDecideObjectionSchema,
        response: { 200: ZObjectionAnswerSchema, ...errors },
      },
    },
    async (request) => decideObjection(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/valuations/:id/lottery/draw',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '摇号选定评估机构 / Draw the appraisers by lottery',
        params: ZIdParamSchema,
        body: ZDrawLotsSchema.optional(),
        response: { 200: ZLotterySchema, ...errors },
      },
    },
    async (request) => drawLots(db, requireActor(request), request.params.id, request.body ?? {}),
  );

  app.get(
    '/api/v1/lotteries/:id',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags,
        summary: '摇号记录（公开，可复核） / A lottery’s public record, for anyone to recompute',
        security: [],
        params: ZIdParamSchema,
        response: { 200: ZLotterySchema, ...errors },
      },
    },
    async (request) => getLottery(db, request.params.id),
  );

  app.post(
    '/api/v1/valuations/:id/appraisal/extensions',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '评估机构申请延期 / Record an appraiser’s extension (≤ 2 × 15 days)',
        params: ZIdParamSchema,
        body: ZAppraisalExtensionSchema,
        response: { 201: ZExtensionGrantedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await requestAppraisalExtension(db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/valuations/:id/appraisal/report',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '录入评估报告 / Enter the appraiser’s report (fixes the reference price)',
        params: ZIdParamSchema,
        body: ZAppraisalReportSchema,
        response: { 200: ZValuationStartedSchema, ...errors },
      },
    },
    async (request) => recordAppraisalReport(db, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/appraisers',
    {
      config: { access: { kind: 'signedIn' } },
      schema: {
        tags,
        summary: '评估机构名单库 / The roster of appraisers',
        querystring: ZAppraiserListQuerySchema,
        response: { 200: ZAppraiserListSchema, ...errors },
      },
    },
    async (request) => listAppraisers(db, request.query.specialism),
  );

  app.post(
    '/api/v1/appraisers',
    {
      config: { access: { kind: 'signedIn', roles: [Role.admin] } },
      schema: {
        tags,
        summary: '加入评估机构名单 / Add an appraiser to the roster',
        body: ZAddAppraiserSchema,
        response: { 201: ZAppraiserSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addAppraiser(db, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/valuation-platforms',
    {
      config: { access: { kind: 'signedIn' } },
      schema: {
        tags,
        summary: '司法网络询价平台 / The listed valuation platforms, late reports and delisting',
        response: { 200: ZPlatformListSchema, ...errors },
      },
    },
    async () => listPlatforms(db, clock.today()),
  );

  registerPlatformReportRoute(app, { db, config: ctx.config });
}

/** The platforms' signed reports (docs/protocols/valuation.md §5), kept as received: signed over the exact bytes. */
function registerPlatformReportRoute(app: App, { db, config }: { db: Db; config: Config }): void {
  app.register(async (plain) => {
    plain.removeAllContentTypeParsers();
    plain.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.post(
      reportPath,
      {
        config: { access: { kind: 'institutionSignature' } },
        schema: {
          tags: ['disposal'],
          summary: '询价报告（平台签名） / A valuation platform’s report (signed)',
          response: { 200: ZReportAckSchema, ...errorResponses },
        },
      },
      async (request) =>
        receivePlatformReport(db, config, {
          path: request.url,
          rawBody: typeof request.body === 'string' ? request.body : '',
          headers: request.headers,
        }),
    );
  });
}
