import type { Db } from '../../platform/db.ts';
import { teamSeats } from '../../platform/http/access.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { Role, requireActor } from '../identity/index.ts';
import { ZCourtQuerySchema, ZIdParamSchema } from './contracts.ts';
import {
  ZCoordinationEntryAddedSchema,
  ZCoordinationEntrySchema,
  ZCoordinationListSchema,
  ZCoordinationReportedSchema,
  ZCoordinationSchema,
  ZCrossRegionFiledSchema,
  ZCrossRegionFilingSchema,
  ZCrossRegionListSchema,
  ZDecideSchema,
  ZInterviewListSchema,
  ZInterviewRecordedSchema,
  ZInterviewSchema,
  ZReportCoordinationSchema,
} from './coordination-contracts.ts';
import { courtInScope, indicatorReaders, readers, requireAnyRole, supervisors } from './policy.ts';
import {
  addCoordinationEntry,
  decideCoordination,
  getCoordination,
  listCoordinations,
  reportCoordination,
} from './use-cases/coordinations.ts';
import { fileCrossRegion, listCrossRegionFilings } from './use-cases/cross-region-filings.ts';
import { listInterviews, recordInterview } from './use-cases/interviews.ts';

/** The command centre's routes: coordination between courts, interviews, cross-region filing. */
export function registerCoordinationRoutes(app: App, { db }: { db: Db }): void {
  const tags = ['command'];
  const errors = errorResponses;

  app.post(
    '/api/v1/command/coordinations',
    {
      config: { access: { kind: 'case', seats: teamSeats, courtRoles: [Role.courtLeader] } },
      schema: {
        tags,
        summary: '报请执行协调（执协） / Report a dispute with another court to the court above both',
        body: ZReportCoordinationSchema,
        response: { 201: ZCoordinationReportedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reportCoordination(db, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/command/coordinations',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: '执行协调案件 / Coordination cases a court takes part in or coordinates',
        querystring: ZCourtQuerySchema,
        response: { 200: ZCoordinationListSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requireAnyRole(actor, indicatorReaders);
      const court = await courtInScope(db, actor, request.query.court);
      return { items: await listCoordinations(db, { path: court.path }) };
    },
  );

  app.get(
    '/api/v1/command/coordinations/:id',
    {
      config: { access: { kind: 'addressee' } },
      schema: {
        tags,
        summary: '执行协调案件详情 / A coordination case, for the courts in it and above them',
        params: ZIdParamSchema,
        response: { 200: ZCoordinationSchema, ...errors },
      },
    },
    async (request) => getCoordination(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/command/coordinations/:id/entries',
    {
      config: { access: { kind: 'addressee' } },
      schema: {
        tags,
        summary: '提交证据或落实情况 / Evidence (before the decision) or follow-up (after), by either court',
        params: ZIdParamSchema,
        body: ZCoordinationEntrySchema,
        response: { 201: ZCoordinationEntryAddedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addCoordinationEntry(db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/command/coordinations/:id/decide',
    {
      config: { access: { kind: 'court', roles: [...supervisors] } },
      schema: {
        tags,
        summary: '协调决定 / Decide a coordination case (the coordinating court)',
        params: ZIdParamSchema,
        body: ZDecideSchema,
        response: { 200: ZCoordinationSchema, ...errors },
      },
    },
    async (request) => decideCoordination(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/command/interviews',
    {
      config: { access: { kind: 'court', roles: [...supervisors] } },
      schema: {
        tags,
        summary: '约谈记录 / Record an interview with a court or team',
        body: ZInterviewSchema,
        response: { 201: ZInterviewRecordedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordInterview(db, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/command/interviews',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: '约谈台账 / Interviews of a court and the courts below it',
        querystring: ZCourtQuerySchema,
        response: { 200: ZInterviewListSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requireAnyRole(actor, indicatorReaders);
      const court = await courtInScope(db, actor, request.query.court);
      return { items: await listInterviews(db, { path: court.path }) };
    },
  );

  app.post(
    '/api/v1/command/cross-region-filings',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '异地执行备案 / File enforcement on another court’s ground with the court above',
        body: ZCrossRegionFilingSchema,
        response: { 201: ZCrossRegionFiledSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await fileCrossRegion(db, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/command/cross-region-filings',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: '异地执行备案台账 / Cross-region filings from a court and on its ground',
        querystring: ZCourtQuerySchema,
        response: { 200: ZCrossRegionListSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requireAnyRole(actor, indicatorReaders);
      const court = await courtInScope(db, actor, request.query.court);
      return { items: await listCrossRegionFilings(db, { path: court.path }) };
    },
  );
}
