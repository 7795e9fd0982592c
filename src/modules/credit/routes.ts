import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { xlsxMediaType, ZBinaryFile } from '../../kernel/index.ts';
import type { Db } from '../../platform/db.ts';
import { invalidField } from '../../platform/errors.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { purposeOf } from '../cases/index.ts';
import { requireActor } from '../identity/index.ts';

import {
  type TEntryListQuery,
  ZApprovedSchema,
  ZApproveSchema,
  ZCaseCreditSchema,
  ZCaseIdParamSchema,
  ZCorrectionDecidedSchema,
  ZCorrectionDecisionSchema,
  ZCorrectionFiledSchema,
  ZCorrectionSchema,
  ZDecisionPreviewSchema,
  ZDelistedSchema,
  ZDelistSchema,
  ZEntryListQuerySchema,
  ZEntryListSchema,
  ZEntryStateSchema,
  ZHigherReviewRequestedSchema,
  ZHigherReviewRequestSchema,
  ZListRespondentSchema,
  ZNoGroundRecordedSchema,
  ZNoGroundSchema,
  ZReasonSchema,
} from './contracts.ts';
import { deciders, higherCourtReviewers, proposers, signers } from './policy.ts';
import { isListingGround } from './rules/grounds.ts';
import {
  decideCorrection,
  decideHigherReview,
  fileCorrection,
  requestHigherReview,
} from './use-cases/corrections.ts';
import { approveEntry, previewEntryDecision, refuseEntry } from './use-cases/decide-entry.ts';
import { delistEntry } from './use-cases/delete-entry.ts';
import { exportEntries } from './use-cases/export-entries.ts';
import { getCaseCredit } from './use-cases/get-case-credit.ts';
import { listEntries } from './use-cases/list-entries.ts';
import { listRespondent } from './use-cases/list-respondent.ts';
import { recordNoGroundFinding } from './use-cases/no-ground-finding.ts';
import { revokeEntry } from './use-cases/revoke-entry.ts';

const tags = ['credit'];
const errors = errorResponses;

function filterOf(q: TEntryListQuery) {
  return {
    state: q.state,
    ground: q.ground,
    q: q.q,
    from: q.from,
    to: q.to,
    courtId: q.courtId,
    isOverdue: q.overdue === 'true',
  };
}

/** The courts' side of credit punishment: listing, restrictions, deletion, correction, lists. */
export function registerCreditRoutes(app: App, { db }: { db: Db }): void {
  app.post(
    '/api/v1/cases/:id/dishonest',
    {
      config: { access: proposers },
      schema: {
        tags,
        summary: '纳入失信被执行人名单 / List a respondent as a dishonest debtor',
        params: ZCaseIdParamSchema,
        body: ZListRespondentSchema,
        response: { 201: ZEntryStateSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { ground, ...rest } = request.body;
      if (!isListingGround(ground)) throw invalidField('ground', '失信情形应为1至6', 'The ground is 1 to 6');
      return reply
        .status(201)
        .send(await listRespondent(db, requireActor(request), request.params.id, { ...rest, ground }));
    },
  );

  app.get(
    '/api/v1/cases/:id/credit',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '案件信用惩戒情况 / Credit punishments of a case',
        params: ZCaseIdParamSchema,
        response: { 200: ZCaseCreditSchema, ...errors },
      },
    },
    async (request) =>
      getCaseCredit(
        db,
        requireActor(request),
        request.params.id,
        purposeOf(request.headers['x-zhixing-purpose']),
      ),
  );

  app.post(
    '/api/v1/cases/:id/credit/no-ground',
    {
      config: { access: deciders },
      schema: {
        tags,
        summary: '不符合纳入失信条件的认定 / Record that no listing ground applies',
        params: ZCaseIdParamSchema,
        body: ZNoGroundSchema,
        response: { 201: ZNoGroundRecordedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordNoGroundFinding(db, requireActor(request), request.params.id, request.body)),
  );

  // Signing and asking for review take no required fields: an empty body (even sent as JSON) is accepted.
  app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') return done(null, {});
      try {
        done(null, JSON.parse(text));
      } catch {
        done(
          Object.assign(new Error('invalid JSON'), {
            statusCode: 400,
            code: 'FST_ERR_CTP_INVALID_JSON_BODY',
          }),
          undefined,
        );
      }
    });
    scope.get(
      '/api/v1/credit/entries/:id/decision-preview',
      {
        config: { access: signers },
        schema: {
          tags,
          summary: '签发前预览失信决定书 / Preview the decision before signing',
          params: ZCaseIdParamSchema,
          response: { 200: ZDecisionPreviewSchema, ...errors },
        },
      },
      async (request) => previewEntryDecision(db, requireActor(request), request.params.id),
    );
    scope.post(
      '/api/v1/credit/entries/:id/approve',
      {
        config: { access: signers },
        schema: {
          tags,
          summary: '院长签发失信决定 / Approve (sign) a listing',
          params: ZCaseIdParamSchema,
          body: ZApproveSchema.nullish(),
          response: { 200: ZApprovedSchema, ...errors },
        },
      },
      async (request) => approveEntry(db, requireActor(request), request.params.id, request.body ?? {}),
    );
    scope.post(
      '/api/v1/credit/corrections/:id/higher-review',
      {
        config: { access: deciders },
        schema: {
          tags,
          summary: '申请上级法院复议 / Ask the higher court to review',
          params: ZCaseIdParamSchema,
          body: ZHigherReviewRequestSchema.nullish(),
          response: { 200: ZHigherReviewRequestedSchema, ...errors },
        },
      },
      async (request) =>
        requestHigherReview(db, requireActor(request), request.params.id, request.body ?? {}),
    );
  });

  app.post(
    '/api/v1/credit/entries/:id/refuse',
    {
      config: { access: signers },
      schema: {
        tags,
        summary: '不予签发 / Decline to sign a listing',
        params: ZCaseIdParamSchema,
        body: ZReasonSchema,
        response: { 200: ZEntryStateSchema, ...errors },
      },
    },
    async (request) => refuseEntry(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/credit/entries/:id/delist',
    {
      config: { access: deciders },
      schema: {
        tags,
        summary: '删除失信信息 / Delete an entry',
        params: ZCaseIdParamSchema,
        body: ZDelistSchema,
        response: { 200: ZDelistedSchema, ...errors },
      },
    },
    async (request) => delistEntry(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/credit/entries/:id/revoke',
    {
      config: { access: deciders },
      schema: {
        tags,
        summary: '撤销错误的失信信息 / Revoke a wrong entry',
        params: ZCaseIdParamSchema,
        body: ZReasonSchema,
        response: { 200: ZEntryStateSchema, ...errors },
      },
    },
    async (request) => revokeEntry(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/credit/entries/:id/corrections',
    {
      config: { access: deciders },
      schema: {
        tags,
        summary: '纠正申请 / File a correction request',
        params: ZCaseIdParamSchema,
        body: ZCorrectionSchema,
        response: { 201: ZCorrectionFiledSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await fileCorrection(db, requireActor(request), request.params.id, request.body)),
  );
  app.post(
    '/api/v1/credit/corrections/:id/decide',
    {
      config: { access: deciders },
      schema: {
        tags,
        summary: '审查纠正申请 / Decide a correction request',
        params: ZCaseIdParamSchema,
        body: ZCorrectionDecisionSchema,
        response: { 200: ZCorrectionDecidedSchema, ...errors },
      },
    },
    async (request) => decideCorrection(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/credit/corrections/:id/higher-decision',
    {
      config: { access: higherCourtReviewers },
      schema: {
        tags,
        summary: '上级法院复议决定 / Higher court’s review decision',
        params: ZCaseIdParamSchema,
        body: ZCorrectionDecisionSchema,
        response: { 200: ZCorrectionDecidedSchema, ...errors },
      },
    },
    async (request) => decideHigherReview(db, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/credit/entries',
    {
      config: { access: { kind: 'signedIn' } },
      schema: {
        tags,
        summary: '失信名单（本院及下级法院）/ Entries in scope',
        querystring: ZEntryListQuerySchema,
        response: { 200: ZEntryListSchema, ...errors },
      },
    },
    async (request) => {
      const { page, pageSize, ...q } = request.query;
      return listEntries(
        db,
        requireActor(request),
        { ...filterOf({ page, pageSize, ...q }), page, pageSize },
        { purpose: purposeOf(request.headers['x-zhixing-purpose']) },
      );
    },
  );
  app.get(
    '/api/v1/credit/entries/export.xlsx',
    {
      config: { access: { kind: 'signedIn' } },
      schema: {
        tags,
        summary: '导出 Excel / Export entries to Excel',
        querystring: ZEntryListQuerySchema,
        response: {
          200: {
            description: '失信名单工作簿 / The entries as a workbook',
            content: { [xlsxMediaType]: { schema: ZBinaryFile } },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const buffer = await exportEntries(db, requireActor(request), filterOf(request.query));
      return reply
        .header('content-type', xlsxMediaType)
        .header('content-disposition', `attachment; filename="dishonest-entries.xlsx"`)
        .send(buffer);
    },
  );
}
