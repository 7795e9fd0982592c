import { xlsxMediaType, ZBinaryFile } from '../../kernel/index.ts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { sendWorkbook } from '../../platform/http/attachment.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { requireActor } from '../identity/index.ts';
import {
  ZCourtQuerySchema,
  ZFailingQuerySchema,
  ZFailingSchema,
  ZIndicatorParamSchema,
  ZIndicatorsSchema,
  ZLiveSchema,
  ZMonthlyQuerySchema,
  ZMonthlyStatisticsSchema,
  ZPeriodQuerySchema,
  ZSettingsSavedSchema,
  ZSettingsSchema,
  ZTrendSchema,
  ZWarningListSchema,
  ZWarningQuerySchema,
} from './contracts.ts';
import { courtInScope, indicatorReaders, readers, requireAnyRole, supervisors } from './policy.ts';
import { isIndicatorCode } from './rules/indicators.ts';
import { readLive } from './use-cases/live.ts';
import { monthlyStatistics, monthlyStatisticsWorkbook } from './use-cases/monthly-statistics.ts';
import { readFailing } from './use-cases/read-failing.ts';
import { readIndicators, readTrend } from './use-cases/read-indicators.ts';
import { listWarnings, setPassiveDays } from './use-cases/warnings.ts';

/** The command centre's routes: “3+1” indicators, trend, drill-down, warnings, the big screen, monthly statistics. */
export function registerIndicatorRoutes(app: App, { db }: { db: Db }): void {
  const tags = ['command'];
  const errors = errorResponses;

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
    async (request) => {
      const { code } = request.params;
      if (!isIndicatorCode(code)) throw notFound('指标', 'Indicator');
      return readFailing(db, requireActor(request), code, request.query);
    },
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
      return sendWorkbook(reply, file);
    },
  );
}
