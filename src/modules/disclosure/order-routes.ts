import type { Db } from '../../platform/db.ts';
import { type App, ZErrorSchema } from '../../platform/http/server.ts';
import { requireActor } from '../identity/index.ts';
import { ZCreatedRequestSchema, ZIdParamSchema } from './contracts.ts';
import {
  ZInvestigationOrderListSchema,
  ZInvestigationOrderSchema,
  ZOrderCodeParamSchema,
  ZOrderDecisionSchema,
  ZOrderIdParamSchema,
  ZOrderInputSchema,
  ZOrderResultInputSchema,
  ZOrderResultReceivedSchema,
  ZOrderRevocationSchema,
  ZOrderVerificationSchema,
} from './order-contracts.ts';
import { perPortalUser, requirePortalUser } from './portal-auth.ts';
import {
  applyForInvestigationOrder,
  assertLawyer,
  decideInvestigationOrder,
  listCaseOrders,
  listLawyerOrders,
  revokeInvestigationOrder,
} from './use-cases/investigation-orders.ts';
import { uploadOrderResult } from './use-cases/investigation-results.ts';
import { verifyOrderCode } from './use-cases/order-verification.ts';
import { loadCaseAccess } from './use-cases/party-access.ts';

const errors = {
  400: ZErrorSchema,
  401: ZErrorSchema,
  403: ZErrorSchema,
  404: ZErrorSchema,
  409: ZErrorSchema,
  429: ZErrorSchema,
};
const tags = ['investigationOrders'];
// The portal's routes check its own credential (portal-auth.ts); the public check needs none.
const open = { kind: 'public' } as const;
const portalSecurity = [{ bearer: [] }];
// Per portal user (per address without a token): a person writes a few applications a day.
const portalWriteRateLimit = { max: 30, timeWindow: '1 minute', keyGenerator: perPortalUser };
// Per address: a bank checks the orders shown at its counter; codes (80 bits) cannot be guessed anyway.
const verifyRateLimit = { max: 30, timeWindow: '1 minute' };

/**
 * Lawyers' investigation orders (律师调查令): the lawyer's application and results through the
 * portal, the judge's decision and revocation, and the public check of an order's code.
 */
export function registerOrderRoutes(app: App, { db }: { db: Db }): void {
  app.post(
    '/api/v1/party/cases/:id/investigation-orders',
    {
      config: { access: open, rateLimit: portalWriteRateLimit },
      schema: {
        tags,
        summary:
          '申请律师调查令 / Apply for an investigation order (the applicant’s lawyer; decided within 3 days)',
        security: portalSecurity,
        params: ZIdParamSchema,
        body: ZOrderInputSchema,
        response: { 201: ZCreatedRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const user = await requirePortalUser(db, request);
      assertLawyer(user);
      const access = await loadCaseAccess(db, user, request.params.id);
      return reply.status(201).send(await applyForInvestigationOrder(db, user, access, request.body));
    },
  );

  app.get(
    '/api/v1/party/cases/:id/investigation-orders',
    {
      config: { access: open },
      schema: {
        tags,
        summary: '我的调查令 / The lawyer’s own orders on the case, with codes and results',
        security: portalSecurity,
        params: ZIdParamSchema,
        response: { 200: ZInvestigationOrderListSchema, ...errors },
      },
    },
    async (request) => {
      const user = await requirePortalUser(db, request);
      assertLawyer(user);
      const access = await loadCaseAccess(db, user, request.params.id);
      return { items: await listLawyerOrders(db, user, access) };
    },
  );

  app.post(
    '/api/v1/party/investigation-orders/:id/results',
    {
      // Up to 3 files of 5 MB, sent as base64.
      bodyLimit: 24 * 1024 * 1024,
      config: { access: open, rateLimit: portalWriteRateLimit },
      schema: {
        tags,
        summary: '提交调查结果 / Upload what the order found (text and up to 3 files)',
        security: portalSecurity,
        params: ZOrderIdParamSchema,
        body: ZOrderResultInputSchema,
        response: { 201: ZOrderResultReceivedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const user = await requirePortalUser(db, request);
      return reply.status(201).send(await uploadOrderResult(db, user, request.params.id, request.body));
    },
  );

  app.post(
    '/api/v1/investigation-orders/:id/decision',
    {
      config: { access: { kind: 'case', seats: ['judge'] } },
      schema: {
        tags,
        summary: '决定是否签发调查令 / Grant (with a verification code) or refuse an investigation order',
        params: ZOrderIdParamSchema,
        body: ZOrderDecisionSchema,
        response: { 200: ZInvestigationOrderSchema, ...errors },
      },
    },
    async (request) => decideInvestigationOrder(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/investigation-orders/:id/revocation',
    {
      config: { access: { kind: 'case', seats: ['judge'] } },
      schema: {
        tags,
        summary: '撤销调查令 / Revoke a granted order: its code answers valid=false from now on',
        params: ZOrderIdParamSchema,
        body: ZOrderRevocationSchema,
        response: { 200: ZInvestigationOrderSchema, ...errors },
      },
    },
    async (request) => revokeInvestigationOrder(db, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/cases/:id/investigation-orders',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '本案律师调查令 / The case’s investigation orders and their results',
        params: ZIdParamSchema,
        response: { 200: ZInvestigationOrderListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listCaseOrders(db, requireActor(request), request.params.id) }),
  );

  app.get(
    '/api/v1/public/investigation-orders/:code',
    {
      config: { access: open, rateLimit: verifyRateLimit },
      schema: {
        tags,
        summary:
          '验证律师调查令 / Check an investigation order’s code: {valid, caseNumber, validUntil, scope}, or 404',
        security: [],
        params: ZOrderCodeParamSchema,
        response: { 200: ZOrderVerificationSchema, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return verifyOrderCode(db, request.params.code);
    },
  );
}
