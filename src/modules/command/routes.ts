import type { Db } from '../../platform/db.ts';
import { teamSeats } from '../../platform/http/access.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { Role, requireActor } from '../identity/index.ts';
import {
  ZCaseCommandSchema,
  ZCompleteEntrustmentSchema,
  ZConcludePetitionSchema,
  ZCourtQuerySchema,
  ZEntrustmentListSchema,
  ZEntrustmentRequestedSchema,
  ZEntrustmentSchema,
  ZFailingQuerySchema,
  ZFailingSchema,
  ZIdParamSchema,
  ZIndicatorParamSchema,
  ZIndicatorsSchema,
  ZLiveSchema,
  ZOpenSupervisionSchema,
  ZPeriodQuerySchema,
  ZPetitionConcludedSchema,
  ZPetitionListSchema,
  ZPetitionRegisteredSchema,
  ZRegisterPetitionSchema,
  ZReportedSchema,
  ZReportSchema,
  ZRequestEntrustmentSchema,
  ZSettingsSavedSchema,
  ZSettingsSchema,
  ZSupervisionListSchema,
  ZSupervisionOpenedSchema,
  ZTerminationReviewedSchema,
  ZTerminationReviewSchema,
  ZTrendSchema,
  ZWarningListSchema,
  ZWarningQuerySchema,
} from './contracts.ts';
import {
  courtInScope,
  entrustmentOfficers,
  indicatorReaders,
  requireAnyRole,
  supervisors,
} from './policy.ts';
import { readCaseCommand } from './use-cases/case-command.ts';
import {
  acceptEntrustment,
  completeEntrustment,
  getEntrustment,
  listEntrustments,
  requestEntrustment,
} from './use-cases/entrustments.ts';
import { readLive } from './use-cases/live.ts';
import { concludePetition, listPetitions, registerPetition } from './use-cases/petitions.ts';
import { readFailing } from './use-cases/read-failing.ts';
import { readIndicators, readTrend } from './use-cases/read-indicators.ts';
import { listSupervisions, openSupervision, reportOnSupervision } from './use-cases/supervisions.ts';
import { recordTerminationReview } from './use-cases/termination-reviews.ts';
import { listWarnings, setPassiveDays } from './use-cases/warnings.ts';

/** The command centre (执行指挥中心): indicators, supervision, entrustment, petitions, 终本 reviews. */
export function registerCommandRoutes(app: App, { db }: { db: Db }): void {
  const tags = ['command'];
  const errors = errorResponses;
  const readers = { kind: 'court', roles: [...indicatorReaders] } as const;

  app.get(
    '/api/v1/command/indicators',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: '“3+1”核心指标 / The "3+1" core indicators of a court and the courts below it',
        description:
          'For the period `from`–`to` (default: this year to today), never past today. The overall rate reads the three years up to `to`.',
        querystring: ZPeriodQuerySchema,
        response: { 200: ZIndicatorsSchema, ...errors },
      },
    },
    async (request) => readIndicators(db, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/command/indicators/trend',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: '指标月度趋势 / The indicators month by month',
        querystring: ZPeriodQuerySchema,
        response: { 200: ZTrendSchema, ...errors },
      },
    },
    async (request) => readTrend(db, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/command/indicators/:code/failing',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: '未达标案件 / The cases that fail an indicator, with the reason',
        params: ZIndicatorParamSchema,
        querystring: ZFailingQuerySchema,
        response: { 200: ZFailingSchema, ...errors },
      },
    },
    async (request) => readFailing(db, requireActor(request), request.params.code, request.query),
  );

  app.post(
    '/api/v1/command/supervisions',
    {
      config: { access: { kind: 'case', higherCourtRoles: [Role.commandCentre, Role.courtLeader] } },
      schema: {
        tags,
        summary: '督办 / Open a supervision on a case below',
        body: ZOpenSupervisionSchema,
        response: { 201: ZSupervisionOpenedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openSupervision(db, requireActor(request), request.body)),
  );

  app.post(
    '/api/v1/command/supervisions/:id/reports',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '督办报告 / Report back on a supervision',
        params: ZIdParamSchema,
        body: ZReportSchema,
        response: { 201: ZReportedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reportOnSupervision(db, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/command/supervisions',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: '督办台账 / The supervision ledger of a court',
        querystring: ZCourtQuerySchema,
        response: { 200: ZSupervisionListSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requireAnyRole(actor, indicatorReaders);
      const court = await courtInScope(db, actor, request.query.court);
      return listSupervisions(db, { path: court.path });
    },
  );

  app.post(
    '/api/v1/command/entrustments',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '事项委托 / Entrust a matter to another court',
        body: ZRequestEntrustmentSchema,
        response: { 201: ZEntrustmentRequestedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await requestEntrustment(db, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/command/entrustments',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: '委托事项 / Entrustments a court sent and received',
        querystring: ZCourtQuerySchema,
        response: { 200: ZEntrustmentListSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requireAnyRole(actor, indicatorReaders);
      const court = await courtInScope(db, actor, request.query.court);
      return { items: await listEntrustments(db, { path: court.path }) };
    },
  );

  app.get(
    '/api/v1/command/entrustments/:id',
    {
      config: { access: { kind: 'addressee' } },
      schema: {
        tags,
        summary: '委托事项详情 / An entrustment, for the sending and the receiving court',
        params: ZIdParamSchema,
        response: { 200: ZEntrustmentSchema, ...errors },
      },
    },
    async (request) => getEntrustment(db, requireActor(request), request.params.id),
  );

  const receivers = { kind: 'court', roles: [...entrustmentOfficers] } as const;
  app.post(
    '/api/v1/command/entrustments/:id/accept',
    {
      config: { access: receivers },
      schema: {
        tags,
        summary: '受理委托 / Accept an entrusted matter (the receiving court)',
        params: ZIdParamSchema,
        response: { 200: ZEntrustmentSchema, ...errors },
      },
    },
    async (request) => acceptEntrustment(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/command/entrustments/:id/complete',
    {
      config: { access: receivers },
      schema: {
        tags,
        summary: '委托办结 / Report the result of an entrusted matter (the receiving court)',
        params: ZIdParamSchema,
        body: ZCompleteEntrustmentSchema,
        response: { 200: ZEntrustmentSchema, ...errors },
      },
    },
    async (request) => completeEntrustment(db, requireActor(request), request.params.id, request.body),
  );

  const petitionHandlers = {
    kind: 'case',
    courtRoles: [Role.courtLeader],
    higherCourtRoles: [Role.commandCentre],
  } as const;
  app.post(
    '/api/v1/command/petitions',
    {
      config: { access: petitionHandlers },
      schema: {
        tags,
        summary: '信访登记 / Register a petition against a case',
        body: ZRegisterPetitionSchema,
        response: { 201: ZPetitionRegisteredSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerPetition(db, requireActor(request), request.body)),
  );

  app.post(
    '/api/v1/command/petitions/:id/conclude',
    {
      config: { access: petitionHandlers },
      schema: {
        tags,
        summary: '信访办结 / Conclude a petition with its resolution',
        params: ZIdParamSchema,
        body: ZConcludePetitionSchema,
        response: { 200: ZPetitionConcludedSchema, ...errors },
      },
    },
    async (request) => concludePetition(db, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/command/petitions',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: '信访台账 / Petitions on the cases of a court and the courts below it',
        querystring: ZCourtQuerySchema,
        response: { 200: ZPetitionListSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requireAnyRole(actor, indicatorReaders);
      const court = await courtInScope(db, actor, request.query.court);
      return { items: await listPetitions(db, { courtId: court.id, path: court.path }) };
    },
  );

  app.get(
    '/api/v1/command/cases/:id',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '案件督办、委托与信访 / Supervisions, entrustments and petitions of a case',
        params: ZIdParamSchema,
        response: { 200: ZCaseCommandSchema, ...errors },
      },
    },
    async (request) => readCaseCommand(db, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/command/live',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: "大屏实时数据 / Today's counters and this year's indicators, for the big screen",
        querystring: ZCourtQuerySchema,
        response: { 200: ZLiveSchema, ...errors },
      },
    },
    async (request) => readLive(db, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/command/warnings',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: '预警 / Deadline and passive-enforcement warnings in a court and below',
        querystring: ZWarningQuerySchema,
        response: { 200: ZWarningListSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requireAnyRole(actor, indicatorReaders);
      const { court: code, special, ...filter } = request.query;
      const court = await courtInScope(db, actor, code);
      return listWarnings(db, { path: court.path }, { ...filter, special: special === 'true' });
    },
  );

  app.put(
    '/api/v1/command/settings',
    {
      config: { access: { kind: 'court', roles: [...supervisors] } },
      schema: {
        tags,
        summary: '预警设置 / Days without a node before a case is flagged as passive, per court',
        body: ZSettingsSchema,
        response: { 200: ZSettingsSavedSchema, ...errors },
      },
    },
    async (request) => setPassiveDays(db, requireActor(request), request.body),
  );

  app.post(
    '/api/v1/command/termination-reviews',
    {
      config: {
        access: {
          kind: 'case',
          courtRoles: [Role.courtLeader],
          higherCourtRoles: [Role.commandCentre, Role.courtLeader],
        },
      },
      schema: {
        tags,
        summary: '终本案件检查 / Record a 终本 condition found unmet (the closure becomes unqualified)',
        body: ZTerminationReviewSchema,
        response: { 201: ZTerminationReviewedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordTerminationReview(db, requireActor(request), request.body)),
  );
}
