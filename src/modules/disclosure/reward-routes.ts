import type { Db } from '../../platform/db.ts';
import { teamSeats } from '../../platform/http/access.ts';
import { type App, ZErrorSchema } from '../../platform/http/server.ts';
import { purposeOf } from '../cases/index.ts';
import { requireActor } from '../identity/index.ts';
import { ZCreatedRequestSchema, ZIdParamSchema } from './contracts.ts';
import { perPortalUser, requirePortalUser } from './portal-auth.ts';
import {
  ZClueParamsSchema,
  ZClueVerificationSchema,
  ZNoticeIdParamSchema,
  ZPublicRewardNoticePageSchema,
  ZPublicRewardNoticeSchema,
  ZPublicRewardPageQuerySchema,
  ZRewardClueInputSchema,
  ZRewardClueListSchema,
  ZRewardClueReceivedSchema,
  ZRewardClueSchema,
  ZRewardDecisionSchema,
  ZRewardNoticeInputSchema,
  ZRewardNoticeListSchema,
  ZRewardNoticeSchema,
} from './reward-contracts.ts';
import { loadCaseAccess } from './use-cases/party-access.ts';
import { listRewardClues, submitRewardClue, verifyRewardClue } from './use-cases/reward-clues.ts';
import {
  applyForRewardNotice,
  decideRewardNotice,
  getPublishedRewardNotice,
  listCaseRewardNotices,
  listPublishedRewardNotices,
} from './use-cases/reward-notices.ts';

const errors = {
  400: ZErrorSchema,
  401: ZErrorSchema,
  403: ZErrorSchema,
  404: ZErrorSchema,
  409: ZErrorSchema,
  429: ZErrorSchema,
};
const tags = ['rewardNotices'];
// The portal's routes check its own credential (portal-auth.ts); the public ones need none.
const open = { kind: 'public' } as const;
const portalSecurity = [{ bearer: [] }];
// Per portal user (per address without a token): a person writes a few applications a day.
const portalWriteRateLimit = { max: 30, timeWindow: '1 minute', keyGenerator: perPortalUser };
// Per address: the list is read, not harvested.
const publicReadRateLimit = { max: 60, timeWindow: '1 minute' };
// Per address: an informant sends a few clues; a flood of invented ones is cut off.
const clueRateLimit = { max: 10, timeWindow: '10 minutes' };

/**
 * Reward notices (悬赏公告): the applicant's application through the portal, the judge's decision,
 * the published notices on the public portal (read by grid workers too), clues from anyone, and
 * their verification by the case team.
 */
export function registerRewardRoutes(app: App, { db }: { db: Db }): void {
  app.post(
    '/api/v1/party/cases/:id/reward-notices',
    {
      config: { access: open, rateLimit: portalWriteRateLimit },
      schema: {
        tags,
        summary:
          '申请悬赏公告 / Apply for a reward notice (the applicant or its lawyer; decided within 10 days)',
        security: portalSecurity,
        params: ZIdParamSchema,
        body: ZRewardNoticeInputSchema,
        response: { 201: ZCreatedRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const access = await loadCaseAccess(db, await requirePortalUser(db, request), request.params.id);
      return reply.status(201).send(await applyForRewardNotice(db, access, request.body));
    },
  );

  app.post(
    '/api/v1/reward-notices/:id/decision',
    {
      config: { access: { kind: 'case', seats: ['judge'] } },
      schema: {
        tags,
        summary: '决定是否发布悬赏公告 / Decide on a reward notice: approved, it is published at once',
        params: ZNoticeIdParamSchema,
        body: ZRewardDecisionSchema,
        response: { 200: ZRewardNoticeSchema, ...errors },
      },
    },
    async (request) => decideRewardNotice(db, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/cases/:id/reward-notices',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '本案悬赏公告 / The case’s reward notices, with their clues counted',
        params: ZIdParamSchema,
        response: { 200: ZRewardNoticeListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listCaseRewardNotices(db, requireActor(request), request.params.id) }),
  );

  app.get(
    '/api/v1/public/reward-notices',
    {
      config: { access: open, rateLimit: publicReadRateLimit },
      schema: {
        tags,
        summary: '悬赏公告 / Published reward notices, newest first (ID numbers masked; 50 pages at most)',
        security: [],
        querystring: ZPublicRewardPageQuerySchema,
        response: { 200: ZPublicRewardNoticePageSchema, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return listPublishedRewardNotices(db, request.query.page);
    },
  );

  app.get(
    '/api/v1/public/reward-notices/:id',
    {
      config: { access: open, rateLimit: publicReadRateLimit },
      schema: {
        tags,
        summary: '悬赏公告详情 / A published reward notice',
        security: [],
        params: ZNoticeIdParamSchema,
        response: { 200: ZPublicRewardNoticeSchema, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return getPublishedRewardNotice(db, request.params.id);
    },
  );

  app.post(
    '/api/v1/public/reward-notices/:id/clues',
    {
      config: { access: open, rateLimit: clueRateLimit },
      schema: {
        tags,
        summary: '提供悬赏线索 / Send a clue on a reward notice: numbered in order of arrival',
        security: [],
        params: ZNoticeIdParamSchema,
        body: ZRewardClueInputSchema,
        response: { 201: ZRewardClueReceivedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await submitRewardClue(db, request.params.id, request.body, request.ip)),
  );

  app.get(
    '/api/v1/reward-notices/:id/clues',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '悬赏线索 / A notice’s clues in order of arrival, with the informants (case team only)',
        params: ZNoticeIdParamSchema,
        response: { 200: ZRewardClueListSchema, ...errors },
      },
    },
    async (request) => ({
      items: await listRewardClues(
        db,
        requireActor(request),
        request.params.id,
        purposeOf(request.headers['x-zhixing-purpose']),
      ),
    }),
  );

  app.post(
    '/api/v1/reward-notices/:id/clues/:clueId/verification',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary:
          '核查悬赏线索 / Verify a clue; a useful one may earn a reward, paid from the recovery, never to the applicant’s agent',
        params: ZClueParamsSchema,
        body: ZClueVerificationSchema,
        response: { 200: ZRewardClueSchema, ...errors },
      },
    },
    async (request) =>
      verifyRewardClue(db, requireActor(request), request.params.id, request.params.clueId, request.body),
  );
}
