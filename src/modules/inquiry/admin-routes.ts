import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import type { Logger } from '../../platform/logging.ts';
import { Role, requireActor } from '../identity/index.ts';
import {
  isInstitutionCode,
  ZCallbackAckSchema,
  ZCodeParamSchema,
  ZIdParamSchema,
  ZInstitutionCodeSchema,
  ZInstitutionListSchema,
  ZNoticeListSchema,
  ZNoticeQuerySchema,
  ZNoticeReadSchema,
  ZRegisterInstitutionSchema,
  ZUpdateInstitutionSchema,
} from './contracts.ts';
import { createAnswerSink } from './engine/answer-sink.ts';
import { assertCanAdminister } from './policy.ts';
import {
  listInstitutions,
  registerInstitution,
  saveCallbackBase,
  updateInstitution,
} from './use-cases/manage-institutions.ts';
import { listNotices, markNoticeRead } from './use-cases/notices.ts';
import { receiveCallback } from './use-cases/receive-callback.ts';

export function registerInquiryAdminRoutes(
  app: App,
  deps: { database: Database; logger: Logger; callbackBaseUrl: (port: number) => string },
): void {
  const { database } = deps;
  const db = database.db;
  const tags = ['inquiry'];
  const errors = errorResponses;

  // Institutions deliver answers to the URL this server listens on (or ZHIXING_PUBLIC_URL).
  app.addHook('onListen', async () => {
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    await saveCallbackBase(db, deps.callbackBaseUrl(port));
  });

  app.get(
    '/api/v1/inquiry/institutions',
    {
      config: { access: { kind: 'signedIn', roles: [Role.admin] } },
      schema: {
        tags,
        summary: '查控机构 / The institutions registry',
        response: { 200: ZInstitutionListSchema, ...errors },
      },
    },
    async (request) => listInstitutions(db, requireActor(request)),
  );
  app.post(
    '/api/v1/inquiry/institutions',
    {
      config: { access: { kind: 'signedIn', roles: [Role.admin] } },
      schema: {
        tags,
        summary: '登记查控机构 / Register an institution',
        body: ZRegisterInstitutionSchema,
        response: { 201: ZInstitutionCodeSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerInstitution(db, requireActor(request), request.body)),
  );
  app.patch(
    '/api/v1/inquiry/institutions/:code',
    {
      config: { access: { kind: 'signedIn', roles: [Role.admin] } },
      schema: {
        tags,
        summary: '修改查控机构 / Update an institution (enable, limits, key)',
        params: ZCodeParamSchema,
        body: ZUpdateInstitutionSchema,
        response: { 200: ZInstitutionCodeSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      // Who may first (403), then which: a malformed code is simply unknown (404), like one never registered.
      assertCanAdminister(actor);
      if (!isInstitutionCode(request.params.code)) throw notFound('机构', 'Institution');
      return updateInstitution(db, actor, request.params.code, request.body);
    },
  );

  app.get(
    '/api/v1/inquiry/notices',
    {
      config: { access: { kind: 'signedIn' } },
      schema: {
        tags,
        summary: '查控提示 / Prompts (expiring measures, new assets)',
        querystring: ZNoticeQuerySchema,
        response: { 200: ZNoticeListSchema, ...errors },
      },
    },
    async (request) => listNotices(db, requireActor(request), { caseId: request.query.caseId }),
  );
  app.post(
    '/api/v1/inquiry/notices/:id/read',
    {
      config: { access: { kind: 'addressee' } },
      schema: {
        tags,
        summary: '标记已读 / Mark read',
        params: ZIdParamSchema,
        response: { 200: ZNoticeReadSchema, ...errors },
      },
    },
    async (request) => markNoticeRead(db, requireActor(request), request.params.id),
  );

  // Callbacks: signed by the institution over the exact bytes, so the body is kept as received.
  const sink = createAnswerSink(database, deps.logger);
  app.register(async (plain) => {
    plain.removeAllContentTypeParsers();
    plain.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.post(
      '/api/v1/inquiry/callbacks/:code',
      {
        config: { access: { kind: 'institutionSignature' } },
        schema: {
          tags,
          summary: '机构反馈回调（签名） / Signed answer callback from an institution',
          params: ZCodeParamSchema,
          response: { 200: ZCallbackAckSchema, ...errors },
        },
      },
      async (request) => {
        if (!isInstitutionCode(request.params.code)) throw notFound('机构', 'Institution');
        return receiveCallback(db, sink, deps.logger, {
          code: request.params.code,
          path: request.url,
          rawBody: typeof request.body === 'string' ? request.body : '',
          headers: request.headers,
        });
      },
    );
  });
}
