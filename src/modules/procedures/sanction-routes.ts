import type { Db } from '../../platform/db.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { purposeOf } from '../cases/index.ts';
import { Role, requireActor } from '../identity/index.ts';
import { ZIdParamSchema } from './contracts.ts';
import {
  ZDecisionInputSchema,
  ZFinePaymentInputSchema,
  ZFinePaymentRecordedSchema,
  ZReferralReplyInputSchema,
  ZReferralReplyRecordedSchema,
  ZReleaseInputSchema,
  ZReleaseOrderedSchema,
  ZReviewAppliedSchema,
  ZReviewDecidedSchema,
  ZReviewDecisionInputSchema,
  ZReviewInputSchema,
  ZSanctionCreatedSchema,
  ZSanctionDecidedSchema,
  ZSanctionInputSchema,
  ZSanctionListSchema,
} from './sanction-contracts.ts';
import { approveSanction } from './use-cases/approve-sanction.ts';
import { proposeSanction } from './use-cases/propose-sanction.ts';
import { recordFinePayment } from './use-cases/record-fine-payment.ts';
import { recordReferralReply } from './use-cases/record-referral-reply.ts';
import { releaseDetention } from './use-cases/release-detention.ts';
import { applyForReview, decideReview } from './use-cases/sanction-review.ts';
import { listCaseSanctions } from './use-cases/sanction-views.ts';

const tags = ['procedures'];
const errors = errorResponses;
// Declared here, checked again in each use case (sanction-policy.ts).
const caseJudge = { kind: 'case', seats: ['judge'] } as const;
const caseTeam = { kind: 'case', seats: ['judge', 'assistant', 'clerk'] } as const;
const courtLeader = { kind: 'case', courtRoles: [Role.courtLeader] } as const;
const higherCourt = { kind: 'case', higherCourtRoles: [Role.judge, Role.courtLeader] } as const;

/**
 * Sanctions for obstructing enforcement (罚款、拘留、拒执罪移送, CPL arts. 114–119): proposed by the
 * case judge, approved by a court leader, detention carried out by public security, reviewed once
 * by the higher court; read on the case page.
 */
export function registerSanctionRoutes(app: App, { db }: { db: Db }): void {
  app.post(
    '/api/v1/cases/:id/sanctions',
    {
      config: { access: caseJudge },
      schema: {
        tags,
        summary:
          '提请罚款、拘留或拒执罪移送 / Propose a fine, a detention or a referral for refusing to perform',
        params: ZIdParamSchema,
        body: ZSanctionInputSchema,
        response: { 201: ZSanctionCreatedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await proposeSanction(db, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/cases/:id/sanctions',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '司法制裁 / The case’s sanctions: decisions, custody, payments, review, referral',
        params: ZIdParamSchema,
        response: { 200: ZSanctionListSchema, ...errors },
      },
    },
    async (request) =>
      listCaseSanctions(
        db,
        requireActor(request),
        request.params.id,
        purposeOf(request.headers['x-zhixing-purpose']),
      ),
  );

  app.post(
    '/api/v1/sanctions/:id/approve',
    {
      config: { access: courtLeader },
      schema: {
        tags,
        summary: '院长批准 / A court leader approves (the decision is issued) or rejects the proposal',
        params: ZIdParamSchema,
        body: ZDecisionInputSchema,
        response: { 200: ZSanctionDecidedSchema, ...errors },
      },
    },
    async (request) => approveSanction(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/sanctions/:id/release',
    {
      config: { access: courtLeader },
      schema: {
        tags,
        summary: '提前解除拘留 / Early release of a detained person who admitted and corrected the wrong',
        params: ZIdParamSchema,
        body: ZReleaseInputSchema,
        response: { 202: ZReleaseOrderedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await releaseDetention(db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/sanctions/:id/review',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary: '申请复议 / The sanctioned applies for review, within 3 days of receiving the decision',
        params: ZIdParamSchema,
        body: ZReviewInputSchema,
        response: { 201: ZReviewAppliedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await applyForReview(db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/sanctions/:id/review/decision',
    {
      config: { access: higherCourt },
      schema: {
        tags,
        summary: '复议决定 / The higher court upholds or revokes the decision',
        params: ZIdParamSchema,
        body: ZReviewDecisionInputSchema,
        response: { 200: ZReviewDecidedSchema, ...errors },
      },
    },
    async (request) => decideReview(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/sanctions/:id/payments',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary: '罚款缴纳 / A fine paid (to the treasury, not the case account)',
        params: ZIdParamSchema,
        body: ZFinePaymentInputSchema,
        response: { 201: ZFinePaymentRecordedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordFinePayment(db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/sanctions/:id/referral-reply',
    {
      config: { access: caseTeam },
      schema: {
        tags,
        summary: '公安机关答复 / Public security’s answer to a referral: accepted or declined',
        params: ZIdParamSchema,
        body: ZReferralReplyInputSchema,
        response: { 200: ZReferralReplyRecordedSchema, ...errors },
      },
    },
    async (request) => recordReferralReply(db, requireActor(request), request.params.id, request.body),
  );
}
