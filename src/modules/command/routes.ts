import { xlsxMediaType, ZBinaryFile } from '../../kernel/index.ts';
import type { Db } from '../../platform/db.ts';
import { teamSeats } from '../../platform/http/access.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { Role, requireActor } from '../identity/index.ts';
import {
  ZCaseCommandSchema,
  ZCompleteEntrustmentSchema,
  ZConcludePetitionSchema,
  ZCoordinationEntryAddedSchema,
  ZCoordinationEntrySchema,
  ZCoordinationListSchema,
  ZCoordinationReportedSchema,
  ZCoordinationSchema,
  ZCourtQuerySchema,
  ZCrossRegionFiledSchema,
  ZCrossRegionFilingSchema,
  ZCrossRegionListSchema,
  ZDecideSchema,
  ZEntrustmentListSchema,
  ZEntrustmentRequestedSchema,
  ZEntrustmentSchema,
  ZFailingQuerySchema,
  ZFailingSchema,
  ZIdParamSchema,
  ZIndicatorParamSchema,
  ZIndicatorsSchema,
  ZInterviewListSchema,
  ZInterviewRecordedSchema,
  ZInterviewSchema,
  ZLiveSchema,
  ZMonthlyQuerySchema,
  ZMonthlyStatisticsSchema,
  ZOpenSupervisionSchema,
  ZPeriodQuerySchema,
  ZPetitionConcludedSchema,
  ZPetitionListSchema,
  ZPetitionRegisteredSchema,
  ZRegisterPetitionSchema,
  ZReportCoordinationSchema,
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
  addCoordinationEntry,
  decideCoordination,
  getCoordination,
  listCoordinations,
  reportCoordination,
} from './use-cases/coordinations.ts';
import { fileCrossRegion, listCrossRegionFilings } from './use-cases/cross-region-filings.ts';
import {
  acceptEntrustment,
  completeEntrustment,
  getEntrustment,
  listEntrustments,
  requestEntrustment,
} from './use-cases/entrustments.ts';
import { listInterviews, recordInterview } from './use-cases/interviews.ts';
import { readLive } from './use-cases/live.ts';
import { monthlyStatistics, monthlyStatisticsWorkbook } from './use-cases/monthly-statistics.ts';
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

  app.get(
    '/api/v1/command/statistics/monthly',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          '执行案件统计月报（JSON 或 Excel） / Monthly enforcement statistics per court (JSON or xlsx)',
        querystring: ZMonthlyQuerySchema,
        response: {
          200: {
            description: 'JSON, or with format=xlsx an Excel workbook',
            content: {
              'application/json': { schema: ZMonthlyStatisticsSchema },
              [xlsxMediaType]: { schema: ZBinaryFile },
            },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const statistics = await monthlyStatistics(db, requireActor(request), request.query);
      if (request.query.format !== 'xlsx') return statistics;
      const file = await monthlyStatisticsWorkbook(statistics);
      return reply
        .header('content-type', xlsxMediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.buffer);
    },
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
