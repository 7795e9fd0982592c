import type { Db } from '../../platform/db.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { requireActor } from '../identity/index.ts';
import {
  ZBookMeetingSchema,
  ZMeetingSchema,
  ZReceiptSchema,
  ZReceiveMaterialsSchema,
  ZRegisterVisitSchema,
  ZStatisticsQuerySchema,
  ZVisitListQuerySchema,
  ZVisitListSchema,
  ZVisitParamSchema,
  ZVisitProgressSchema,
  ZVisitSchema,
  ZVisitStatisticsSchema,
} from './contracts.ts';
import { counterOfCourt, counterStaff } from './policy.ts';
import { bookMeeting } from './use-cases/book-meeting.ts';
import { closeVisit } from './use-cases/close-visit.ts';
import { listVisits, visitStatistics } from './use-cases/list-visits.ts';
import { receiveMaterials } from './use-cases/receive-materials.ts';
import { registerVisit } from './use-cases/register-visit.ts';
import { visitProgress } from './use-cases/visit-progress.ts';

const tags = ['service'];
const errors = errorResponses;

/**
 * The service window (执行事务中心): the counter's officers register each visit, receive materials
 * into the case with a receipt, read the case's progress to the visitor, book a meeting with the
 * judge and close the visit; the day's log and the counts.
 */
export function registerServiceRoutes(app: App, { db }: { db: Db }): void {
  app.post(
    '/api/v1/service/visits',
    {
      config: { access: counterStaff },
      schema: {
        tags,
        summary: '来访登记 / Register a visitor at the service window (and the case, by its number)',
        body: ZRegisterVisitSchema,
        response: { 201: ZVisitSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await registerVisit(db, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/service/visits',
    {
      config: { access: counterStaff },
      schema: {
        tags,
        summary: '来访登记簿 / The visits of a day (today by default), in order of arrival',
        querystring: ZVisitListQuerySchema,
        response: { 200: ZVisitListSchema, ...errors },
      },
    },
    async (request) => listVisits(db, requireActor(request), request.query),
  );

  app.post(
    '/api/v1/service/visits/:id/materials',
    {
      config: { access: counterOfCourt },
      schema: {
        tags,
        summary: '收取材料 / Receive materials into the visit’s case: a receipt, and a step on its timeline',
        params: ZVisitParamSchema,
        body: ZReceiveMaterialsSchema,
        response: { 201: ZReceiptSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await receiveMaterials(db, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/service/visits/:id/progress',
    {
      config: { access: counterOfCourt },
      schema: {
        tags,
        summary: '答复进度 / The case’s progress as its parties may hear it, with sentences to read out',
        params: ZVisitParamSchema,
        response: { 200: ZVisitProgressSchema, ...errors },
      },
    },
    async (request) => visitProgress(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/service/visits/:id/meetings',
    {
      config: { access: counterOfCourt },
      schema: {
        tags,
        summary: '预约法官 / Book a meeting with the case judge on a working day (a to-do for the judge)',
        params: ZVisitParamSchema,
        body: ZBookMeetingSchema,
        response: { 201: ZMeetingSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await bookMeeting(db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/service/visits/:id/close',
    {
      config: { access: counterOfCourt },
      schema: {
        tags,
        summary: '接待完毕 / Close the visit',
        params: ZVisitParamSchema,
        response: { 200: ZVisitSchema, ...errors },
      },
    },
    async (request) => closeVisit(db, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/service/statistics',
    {
      config: { access: counterStaff },
      schema: {
        tags,
        summary: '来访统计 / Visits counted by purpose and by day (the last 30 days by default)',
        querystring: ZStatisticsQuerySchema,
        response: { 200: ZVisitStatisticsSchema, ...errors },
      },
    },
    async (request) => visitStatistics(db, requireActor(request), request.query),
  );
}
