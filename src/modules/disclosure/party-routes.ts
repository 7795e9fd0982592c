import { z } from 'zod';
import type { Db } from '../../platform/db.ts';
import { type App, ZErrorSchema } from '../../platform/http/server.ts';
import {
  ZApplicationInputSchema,
  ZClueInputSchema,
  ZCreatedRequestSchema,
  ZDeliveryListSchema,
  ZIdParamSchema,
  ZLawyerLoginSchema,
  ZMessageInputSchema,
  ZPartyCaseListSchema,
  ZPartyCaseSchema,
  ZPartyCodeAcceptedSchema,
  ZPartyCodeRequestSchema,
  ZPartyLoginSchema,
  ZPartyNoticeListSchema,
  ZPartyRequestListSchema,
  ZPortalMeSchema,
  ZPortalSessionSchema,
  ZPreferencesSchema,
} from './contracts.ts';
import { closePortalSession, portalTokenOf, requirePortalUser } from './portal-auth.ts';
import { lawyerOf, loadCaseAccess } from './use-cases/party-access.ts';
import { getPartyCase, listPartyCases } from './use-cases/party-cases.ts';
import {
  listDeliveries,
  listNotices,
  markNoticesRead,
  readPreferences,
  savePreferences,
} from './use-cases/party-notices.ts';
import { listOwnRequests, submitApplication, submitClue, submitMessage } from './use-cases/party-requests.ts';
import { requestLoginCode, signInLawyer, signInParty } from './use-cases/sign-in.ts';

const errors = {
  400: ZErrorSchema,
  401: ZErrorSchema,
  403: ZErrorSchema,
  404: ZErrorSchema,
  409: ZErrorSchema,
  429: ZErrorSchema,
};
const tags = ['party'];
// The portal's own credential is checked by each route (portal-auth.ts); court sessions play no part.
const access = { kind: 'public' } as const;
const security = [{ bearer: [] }];
// Per address: a person signs in a few times a day; guessing codes or pairs is slowed to a crawl.
const codeRateLimit = { max: 30, timeWindow: '1 minute' };
const signInRateLimit = { max: 60, timeWindow: '1 minute' };
const writeRateLimit = { max: 30, timeWindow: '1 minute' };

/**
 * The party and lawyer portal (`/my`): sign-in by SMS code or by licence and password; a person's
 * cases and their progress; clues, messages and applications to the case team; notices.
 */
export function registerPartyRoutes(app: App, opts: { db: Db }): void {
  const { db } = opts;
  app.post(
    '/api/v1/party/login/code',
    {
      config: { access, rateLimit: codeRateLimit },
      schema: {
        tags,
        summary:
          '获取登录验证码 / Ask for a sign-in code by SMS (the same answer whether or not the pair exists)',
        security: [],
        body: ZPartyCodeRequestSchema,
        response: { 202: ZPartyCodeAcceptedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const sent = await requestLoginCode(db, request.body);
      return reply.code(202).send({ status: 'accepted', validForSeconds: sent.validForSeconds });
    },
  );
  app.post(
    '/api/v1/party/login',
    {
      config: { access, rateLimit: signInRateLimit },
      schema: {
        tags,
        summary: '当事人登录 / Sign in as a party with the code (5 wrong codes lock the pair for 15 minutes)',
        security: [],
        body: ZPartyLoginSchema,
        response: { 200: ZPortalSessionSchema, ...errors },
      },
    },
    async (request) => signInParty(db, request.body),
  );
  app.post(
    '/api/v1/lawyer/login',
    {
      config: { access, rateLimit: signInRateLimit },
      schema: {
        tags,
        summary: '律师登录 / Sign in as a lawyer with the licence number and password',
        security: [],
        body: ZLawyerLoginSchema,
        response: { 200: ZPortalSessionSchema, ...errors },
      },
    },
    async (request) => signInLawyer(db, request.body),
  );
  app.post(
    '/api/v1/party/logout',
    {
      config: { access },
      schema: {
        tags,
        summary: '退出 / Sign out of the portal',
        security,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await closePortalSession(db, portalTokenOf(request));
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/v1/party/me',
    {
      config: { access },
      schema: {
        tags,
        summary: '当前用户 / Who is signed in',
        security,
        response: { 200: ZPortalMeSchema, ...errors },
      },
    },
    async (request) => {
      const user = await requirePortalUser(db, request);
      const lawyer = user.kind === 'lawyer' ? await lawyerOf(db, user.lawyerId) : null;
      return {
        kind: user.kind,
        name: user.name,
        lawFirm: lawyer?.lawFirm ?? null,
        expiresAt: user.expiresAt.toISOString(),
      };
    },
  );
  app.get(
    '/api/v1/party/cases',
    {
      config: { access },
      schema: {
        tags,
        summary: '我的案件 / My cases',
        security,
        response: { 200: ZPartyCaseListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listPartyCases(db, await requirePortalUser(db, request)) }),
  );
  app.get(
    '/api/v1/party/cases/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: '案件进展 / A case of mine: progress, measures, money, documents (another case: 404)',
        security,
        params: ZIdParamSchema,
        response: { 200: ZPartyCaseSchema, ...errors },
      },
    },
    async (request) => getPartyCase(db, await requirePortalUser(db, request), request.params.id),
  );
  app.post(
    '/api/v1/party/cases/:id/clues',
    {
      bodyLimit: 24 * 1024 * 1024,
      config: { access, rateLimit: writeRateLimit },
      schema: {
        tags,
        summary: '提供财产线索 / Give the team an asset clue (verified within 7 days, 3 if urgent)',
        security,
        params: ZIdParamSchema,
        body: ZClueInputSchema,
        response: { 201: ZCreatedRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const access = await loadCaseAccess(db, await requirePortalUser(db, request), request.params.id);
      return reply.code(201).send(await submitClue(db, access, request.body));
    },
  );
  app.post(
    '/api/v1/party/cases/:id/messages',
    {
      config: { access, rateLimit: writeRateLimit },
      schema: {
        tags,
        summary: '给法官留言 / Message the judge (answered within 3 working days)',
        security,
        params: ZIdParamSchema,
        body: ZMessageInputSchema,
        response: { 201: ZCreatedRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const access = await loadCaseAccess(db, await requirePortalUser(db, request), request.params.id);
      return reply.code(201).send(await submitMessage(db, access, request.body));
    },
  );
  app.post(
    '/api/v1/party/cases/:id/applications',
    {
      config: { access, rateLimit: writeRateLimit },
      schema: {
        tags,
        summary: '提出申请 / Apply: listing, restriction, audit, restoration, objection, correction',
        security,
        params: ZIdParamSchema,
        body: ZApplicationInputSchema,
        response: { 201: ZCreatedRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const access = await loadCaseAccess(db, await requirePortalUser(db, request), request.params.id);
      return reply.code(201).send(await submitApplication(db, access, request.body));
    },
  );
  app.get(
    '/api/v1/party/cases/:id/requests',
    {
      config: { access },
      schema: {
        tags,
        summary: '我提交的事项 / What I sent on the case, with the answers',
        security,
        params: ZIdParamSchema,
        response: { 200: ZPartyRequestListSchema, ...errors },
      },
    },
    async (request) => {
      const access = await loadCaseAccess(db, await requirePortalUser(db, request), request.params.id);
      return { items: await listOwnRequests(db, access) };
    },
  );
  app.get(
    '/api/v1/party/cases/:id/deliveries',
    {
      config: { access },
      schema: {
        tags,
        summary: '送达与通知记录 / The delivery log of SMS and notices on the case',
        security,
        params: ZIdParamSchema,
        response: { 200: ZDeliveryListSchema, ...errors },
      },
    },
    async (request) => {
      const user = await requirePortalUser(db, request);
      return listDeliveries(db, user, await loadCaseAccess(db, user, request.params.id));
    },
  );
  app.get(
    '/api/v1/party/notices',
    {
      config: { access },
      schema: {
        tags,
        summary: '通知 / My notices',
        security,
        response: { 200: ZPartyNoticeListSchema, ...errors },
      },
    },
    async (request) => listNotices(db, await requirePortalUser(db, request)),
  );
  app.post(
    '/api/v1/party/notices/read',
    {
      config: { access },
      schema: {
        tags,
        summary: '全部已读 / Mark my notices read',
        security,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await markNoticesRead(db, await requirePortalUser(db, request));
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/v1/party/preferences',
    {
      config: { access },
      schema: {
        tags,
        summary: '通知方式 / How I am notified',
        security,
        response: { 200: ZPreferencesSchema, ...errors },
      },
    },
    async (request) => readPreferences(db, await requirePortalUser(db, request)),
  );
  app.put(
    '/api/v1/party/preferences',
    {
      config: { access },
      schema: {
        tags,
        summary: '设置通知方式 / Choose SMS and in-app notices',
        security,
        body: ZPreferencesSchema,
        response: { 200: ZPreferencesSchema, ...errors },
      },
    },
    async (request) => savePreferences(db, await requirePortalUser(db, request), request.body),
  );
}
