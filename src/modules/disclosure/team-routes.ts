import { desc } from 'drizzle-orm';
import { z } from 'zod';
import { ZBinaryFile } from '../../kernel/index.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import { teamSeats } from '../../platform/http/access.ts';
import { type App, ZErrorSchema } from '../../platform/http/server.ts';
import { loadCaseContext } from '../cases/index.ts';
import { hashPassword, Role, requireActor, requireRole } from '../identity/index.ts';
import {
  ZAnswerInputSchema,
  ZAttachmentParamsSchema,
  ZCaseRequestParamsSchema,
  ZIdParamSchema,
  ZLawyerInputSchema,
  ZLawyerSchema,
  ZPartyRequestListSchema,
  ZPartyRequestSchema,
  ZRequestKindQuerySchema,
  ZTeamInboxSchema,
} from './contracts.ts';
import { lawyers } from './tables.ts';
import { registerLawyer } from './use-cases/lawyers.ts';
import { answerRequest, listCaseRequests } from './use-cases/party-requests.ts';
import { readAttachment } from './use-cases/request-files.ts';
import { teamInbox } from './use-cases/team-inbox.ts';

const errors = {
  400: ZErrorSchema,
  401: ZErrorSchema,
  403: ZErrorSchema,
  404: ZErrorSchema,
  409: ZErrorSchema,
};
const tags = ['party'];

/**
 * The case team's side of the portal: what the parties sent, answered on the case page and kept
 * as a to-do with due dates on the workbench; and the court's register of lawyers' accounts.
 */
export function registerTeamRoutes(app: App, opts: { db: Db }): void {
  const { db } = opts;
  app.get(
    '/api/v1/cases/:id/clues',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '当事人提供的财产线索 / Asset clues the parties gave through the portal',
        params: ZIdParamSchema,
        response: { 200: ZPartyRequestListSchema, ...errors },
      },
    },
    async (request) => {
      const c = await loadCaseContext(db, requireActor(request), request.params.id);
      return { items: await listCaseRequests(db, c.id, 'clue') };
    },
  );
  app.get(
    '/api/v1/cases/:id/party-requests',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '当事人事项 / Clues, messages and applications the parties sent',
        params: ZIdParamSchema,
        querystring: ZRequestKindQuerySchema,
        response: { 200: ZPartyRequestListSchema, ...errors },
      },
    },
    async (request) => {
      const c = await loadCaseContext(db, requireActor(request), request.params.id);
      return { items: await listCaseRequests(db, c.id, request.query.kind) };
    },
  );
  app.post(
    '/api/v1/cases/:id/party-requests/:requestId/answer',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '答复当事人 / Answer what a party sent (once; a clue’s answer is its verification)',
        params: ZCaseRequestParamsSchema,
        body: ZAnswerInputSchema,
        response: { 200: ZPartyRequestSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const c = await loadCaseContext(db, actor, request.params.id);
      if (!c.isTeamMember) {
        throw new AppError(
          ErrorCode.forbidden,
          bi('只有本案执行团队可以答复', 'Only the case team may answer'),
        );
      }
      return answerRequest(db, actor, c, request.params.requestId, request.body);
    },
  );
  app.get(
    '/api/v1/cases/:id/party-requests/:requestId/attachments/:attachmentId',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '附件 / A file a party attached',
        params: ZAttachmentParamsSchema,
        response: {
          200: {
            description: 'The file as the party attached it',
            content: {
              'image/jpeg': { schema: ZBinaryFile },
              'image/png': { schema: ZBinaryFile },
              'application/pdf': { schema: ZBinaryFile },
            },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const c = await loadCaseContext(db, requireActor(request), request.params.id);
      const file = await readAttachment(db, c.id, request.params.requestId, request.params.attachmentId);
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox");
      return reply.send(file.bytes);
    },
  );
  app.get(
    '/api/v1/party-requests/inbox',
    {
      config: { access: { kind: 'signedIn' } },
      schema: {
        tags,
        summary: '待办：当事人事项 / My to-do: open party requests on my cases, due date first',
        response: { 200: ZTeamInboxSchema, ...errors },
      },
    },
    async (request) => teamInbox(db, requireActor(request)),
  );
  app.post(
    '/api/v1/lawyers',
    {
      config: { access: { kind: 'signedIn', roles: [Role.admin] } },
      schema: {
        tags,
        summary: '登记律师账号 / Register a lawyer’s portal account (licence number, law firm)',
        body: ZLawyerInputSchema,
        response: { 201: ZLawyerSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      requireRole(actor, Role.admin);
      return reply.code(201).send(await registerLawyer(db, actor, request.body, hashPassword));
    },
  );
  app.get(
    '/api/v1/lawyers',
    {
      config: { access: { kind: 'signedIn', roles: [Role.admin] } },
      schema: {
        tags,
        summary: '律师账号 / Lawyers’ portal accounts',
        response: { 200: z.object({ items: z.array(ZLawyerSchema) }), ...errors },
      },
    },
    async (request) => {
      requireRole(requireActor(request), Role.admin);
      const rows = await db.select().from(lawyers).orderBy(desc(lawyers.createdAt)).limit(500);
      return {
        items: rows.map((l) => ({
          id: l.id,
          name: l.name,
          lawFirm: l.lawFirm,
          licenceNumber: l.licenceNumber,
          createdAt: l.createdAt.toISOString(),
        })),
      };
    },
  );
}
