import { xlsxMediaType, ZBinaryFile } from '../../kernel/index.ts';
import type { Db } from '../../platform/db.ts';
import { teamSeats } from '../../platform/http/access.ts';
import { sendWorkbook } from '../../platform/http/attachment.ts';
import { type App, errorResponses, ZErrorSchema } from '../../platform/http/server.ts';
import { requireActor } from '../identity/index.ts';
import {
  ZAssetExportQuerySchema,
  ZAssetListSchema,
  ZAssetQuerySchema,
  ZBatchProgressSchema,
  ZCaseInquiriesSchema,
  ZCreateMeasureSchema,
  ZDocumentSchema,
  ZGraphSchema,
  ZIdParamSchema,
  ZLaunchBatchSchema,
  ZLaunchCaseInquirySchema,
  ZLaunchedSchema,
  ZMeasureCreatedSchema,
  ZMeasureListSchema,
  ZRetriedSchema,
} from './contracts.ts';
import { getAssetGraph } from './use-cases/asset-graph.ts';
import { getBatchProgress } from './use-cases/batch-progress.ts';
import { listCaseInquiries, retryRequest } from './use-cases/case-inquiries.ts';
import { createMeasure } from './use-cases/create-measure.ts';
import { exportAssets } from './use-cases/export-assets.ts';
import { listAssets } from './use-cases/feedback-list.ts';
import { type InquiryOptions, launchBatchInquiry, launchCaseInquiry } from './use-cases/launch-inquiry.ts';
import { getMeasureDocument, listMeasures } from './use-cases/list-measures.ts';

/** The purpose of a read of personal data: `x-zhixing-purpose` (percent-encoded), else case handling. */
export function purposeOf(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return '办案 / case handling';
  try {
    return decodeURIComponent(raw).slice(0, 200);
  } catch {
    return raw.slice(0, 200);
  }
}

export function registerInquiryCaseRoutes(app: App, deps: { db: Db; options: InquiryOptions }): void {
  const { db } = deps;
  const tags = ['inquiry'];
  const errors = { ...errorResponses, 429: ZErrorSchema };

  app.post(
    '/api/v1/cases/:id/inquiries',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary:
          '一键查询：本案全部被执行人 × 全部机构 / Query every institution for every respondent of a case',
        params: ZIdParamSchema,
        body: ZLaunchCaseInquirySchema,
        response: { 202: ZLaunchedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await launchCaseInquiry(db, requireActor(request), request.params.id, request.body, deps.options),
        ),
  );

  app.get(
    '/api/v1/cases/:id/inquiries',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '本案查询记录 / The case’s inquiries',
        params: ZIdParamSchema,
        response: { 200: ZCaseInquiriesSchema, ...errors },
      },
    },
    async (request) => listCaseInquiries(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/inquiry/batches',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '批量查询 / Query many cases at once',
        body: ZLaunchBatchSchema,
        response: { 202: ZLaunchedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await launchBatchInquiry(db, requireActor(request), request.body, deps.options)),
  );

  app.get(
    '/api/v1/inquiry/batches/:id',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '批次进度 / Batch progress',
        params: ZIdParamSchema,
        response: { 200: ZBatchProgressSchema, ...errors },
      },
    },
    async (request) => getBatchProgress(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/inquiry/requests/:id/retry',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '手动重试 / Retry a failed or expired request',
        params: ZIdParamSchema,
        response: { 200: ZRetriedSchema, ...errors },
      },
    },
    async (request) => retryRequest(db, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/cases/:id/assets',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '查控财产反馈清单 / The feedback list',
        params: ZIdParamSchema,
        querystring: ZAssetQuerySchema,
        response: { 200: ZAssetListSchema, ...errors },
      },
    },
    async (request) =>
      listAssets(
        db,
        requireActor(request),
        request.params.id,
        request.query,
        purposeOf(request.headers['x-zhixing-purpose']),
      ),
  );

  app.get(
    '/api/v1/cases/:id/assets/export',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '导出反馈清单（Excel） / Export the feedback list (xlsx)',
        params: ZIdParamSchema,
        querystring: ZAssetExportQuerySchema,
        response: {
          200: {
            description: '反馈清单工作簿 / The feedback list as a workbook',
            content: { [xlsxMediaType]: { schema: ZBinaryFile } },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const file = await exportAssets(
        db,
        requireActor(request),
        request.params.id,
        request.query,
        purposeOf(request.headers['x-zhixing-purpose']),
      );
      return sendWorkbook(reply, file);
    },
  );

  app.get(
    '/api/v1/cases/:id/asset-graph',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '财产线索图 / Asset-clue graph',
        params: ZIdParamSchema,
        response: { 200: ZGraphSchema, ...errors },
      },
    },
    async (request) =>
      getAssetGraph(
        db,
        requireActor(request),
        request.params.id,
        purposeOf(request.headers['x-zhixing-purpose']),
      ),
  );

  app.post(
    '/api/v1/cases/:id/measures',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '控制措施：冻结、查封、扣押、续行、解除、扣划 / A control measure',
        params: ZIdParamSchema,
        body: ZCreateMeasureSchema,
        response: { 201: ZMeasureCreatedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createMeasure(db, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/cases/:id/measures',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '本案控制措施 / The case’s measures',
        params: ZIdParamSchema,
        response: { 200: ZMeasureListSchema, ...errors },
      },
    },
    async (request) => listMeasures(db, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/inquiry/measures/:id/document',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '协助执行通知书 / A measure’s notice document',
        params: ZIdParamSchema,
        response: { 200: ZDocumentSchema, ...errors },
      },
    },
    async (request) =>
      getMeasureDocument(
        db,
        requireActor(request),
        request.params.id,
        purposeOf(request.headers['x-zhixing-purpose']),
      ),
  );
}
