import type { Db } from '../../platform/db.ts';
import { type App, errorResponses, ZErrorSchema } from '../../platform/http/server.ts';
import { purposeOf } from '../cases/index.ts';
import { loadCaseAccess, requirePortalUser } from '../disclosure/index.ts';
import { requireActor } from '../identity/index.ts';
import { ZIdParamSchema } from './contracts.ts';
import {
  ZPaperReportInputSchema,
  ZPortalCaseParamSchema,
  ZPortalObligationListSchema,
  ZPortalReportInputSchema,
  ZRefusalInputSchema,
  ZRefusedSchema,
  ZReportCreatedSchema,
  ZTeamObligationListSchema,
} from './report-contracts.ts';
import { recordRefusal } from './use-cases/record-refusal.ts';
import { listCaseReports, listOwnObligations } from './use-cases/report-views.ts';
import { submitPaperReport, submitPortalReport } from './use-cases/submit-report.ts';

const tags = ['procedures'];
const errors = errorResponses;
const portalErrors = { ...errorResponses, 429: ZErrorSchema };
// The portal's own credential is checked by each route (disclosure's portal-auth); court sessions play no part.
const portal = { kind: 'public' } as const;
const portalSecurity = [{ bearer: [] }];
// Per address: a person files a report and a few supplements.
const portalWriteRateLimit = { max: 60, timeWindow: '1 minute' };
// Paper reports and refusals: the case judge, assistant or clerk (policy.ts checks it again).
const reportTeam = { kind: 'case', seats: ['judge', 'assistant', 'clerk'] } as const;

/** Property reports (报告财产令): the respondent's portal, the team's entries and its comparison. */
export function registerReportRoutes(app: App, { db }: { db: Db }): void {
  app.post(
    '/api/v1/party/cases/:id/property-report',
    {
      config: { access: portal, rateLimit: portalWriteRateLimit },
      schema: {
        tags,
        summary:
          '报告财产 / The respondent reports property (a later one is a supplement, within 10 days of a change)',
        security: portalSecurity,
        params: ZPortalCaseParamSchema,
        body: ZPortalReportInputSchema,
        response: { 201: ZReportCreatedSchema, ...portalErrors },
      },
    },
    async (request, reply) => {
      const user = await requirePortalUser(db, request);
      const access = await loadCaseAccess(db, user, request.params.id);
      return reply.status(201).send(await submitPortalReport(db, user, access, request.body));
    },
  );

  app.get(
    '/api/v1/party/cases/:id/property-report',
    {
      config: { access: portal },
      schema: {
        tags,
        summary: '我的报告财产令 / The respondent’s property report order and the reports filed',
        security: portalSecurity,
        params: ZPortalCaseParamSchema,
        response: { 200: ZPortalObligationListSchema, ...portalErrors },
      },
    },
    async (request) => {
      const user = await requirePortalUser(db, request);
      return listOwnObligations(db, await loadCaseAccess(db, user, request.params.id));
    },
  );

  app.get(
    '/api/v1/cases/:id/property-reports',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary:
          '财产报告 / Property reports compared with the online inquiry, and the proposals a breach calls for',
        params: ZIdParamSchema,
        response: { 200: ZTeamObligationListSchema, ...errors },
      },
    },
    async (request) =>
      listCaseReports(
        db,
        requireActor(request),
        request.params.id,
        purposeOf(request.headers['x-zhixing-purpose']),
      ),
  );

  app.post(
    '/api/v1/cases/:id/property-reports',
    {
      config: { access: reportTeam },
      schema: {
        tags,
        summary: '录入书面财产报告 / Enter a report the respondent filed on paper',
        params: ZIdParamSchema,
        body: ZPaperReportInputSchema,
        response: { 201: ZReportCreatedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await submitPaperReport(db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/cases/:id/property-reports/refusals',
    {
      config: { access: reportTeam },
      schema: {
        tags,
        summary: '拒绝报告财产 / Record that the respondent refused to report',
        params: ZIdParamSchema,
        body: ZRefusalInputSchema,
        response: { 201: ZRefusedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordRefusal(db, requireActor(request), request.params.id, request.body)),
  );
}
