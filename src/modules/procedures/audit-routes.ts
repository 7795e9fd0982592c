import type { Db } from '../../platform/db.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { Role, requireActor } from '../identity/index.ts';
import {
  ZAuditApplicationInputSchema,
  ZAuditApplicationListSchema,
  ZAuditApplicationSchema,
  ZAuditDecisionSchema,
  ZAuditInstitutionInputSchema,
  ZAuditInstitutionListSchema,
  ZAuditInstitutionSchema,
  ZAuditLotterySchema,
  ZDrawInputSchema,
} from './audit-contracts.ts';
import { ZIdParamSchema } from './contracts.ts';
import { addAuditInstitution, listAuditInstitutions } from './use-cases/audit-institutions.ts';
import { getAuditLottery, listCaseAuditApplications } from './use-cases/audit-views.ts';
import { decideAuditApplication } from './use-cases/decide-audit-application.ts';
import { drawAuditor } from './use-cases/draw-auditor.ts';
import { recordAuditApplication } from './use-cases/record-audit-application.ts';

const tags = ['audit'];
const errors = errorResponses;
const admin = { kind: 'signedIn', roles: [Role.admin] } as const;

/**
 * Audit investigation (审计调查, 财产调查规定 arts. 17–21): the list of audit institutions, the
 * applicant's written application, the judge's decision within 10 days, the auditor drawn by the
 * verifiable lottery, and the lottery's public record.
 */
export function registerAuditRoutes(app: App, { db }: { db: Db }): void {
  app.post(
    '/api/v1/admin/audit-institutions',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: '录入审计机构 / Add an audit institution to the court’s list (the lottery draws from it)',
        body: ZAuditInstitutionInputSchema,
        response: { 201: ZAuditInstitutionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addAuditInstitution(db, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/admin/audit-institutions',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: '审计机构名单 / The audit institutions serving the court and those kept below it',
        response: { 200: ZAuditInstitutionListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listAuditInstitutions(db, requireActor(request)) }),
  );

  app.post(
    '/api/v1/cases/:id/audit-applications',
    {
      config: { access: { kind: 'case', seats: ['judge', 'assistant', 'clerk'] } },
      schema: {
        tags,
        summary:
          '登记审计申请 / Record the applicant’s written application for an audit (decided within 10 days)',
        params: ZIdParamSchema,
        body: ZAuditApplicationInputSchema,
        response: { 201: ZAuditApplicationSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordAuditApplication(db, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/cases/:id/audit-applications',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '本案审计申请 / The case’s audit applications, decisions and auditors',
        params: ZIdParamSchema,
        response: { 200: ZAuditApplicationListSchema, ...errors },
      },
    },
    async (request) => ({
      items: await listCaseAuditApplications(db, requireActor(request), request.params.id),
    }),
  );

  app.post(
    '/api/v1/audit-applications/:id/decide',
    {
      config: { access: { kind: 'case', seats: ['judge'] } },
      schema: {
        tags,
        summary:
          '决定是否审计 / Grant (the roster and the lottery’s commitment are published) or reject with reasons',
        params: ZIdParamSchema,
        body: ZAuditDecisionSchema,
        response: { 200: ZAuditApplicationSchema, ...errors },
      },
    },
    async (request) => decideAuditApplication(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/audit-applications/:id/draw',
    {
      config: { access: { kind: 'case', seats: ['judge'] } },
      schema: {
        tags,
        summary: '摇号选定审计机构 / Draw the auditor by the verifiable lottery; the seed is revealed',
        params: ZIdParamSchema,
        body: ZDrawInputSchema.nullish(),
        response: { 200: ZAuditLotterySchema, ...errors },
      },
    },
    async (request) => drawAuditor(db, requireActor(request), request.params.id, request.body ?? {}),
  );

  app.get(
    '/api/v1/audit-lotteries/:id',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags,
        summary:
          '审计机构摇号记录（公开，可复核） / An audit lottery’s public record, for anyone to recompute',
        security: [],
        params: ZIdParamSchema,
        response: { 200: ZAuditLotterySchema, ...errors },
      },
    },
    async (request) => getAuditLottery(db, request.params.id),
  );
}
