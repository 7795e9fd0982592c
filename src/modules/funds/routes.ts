import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { teamSeats } from '../../platform/http/access.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { Role, requireActor } from '../identity/index.ts';
import { registerBankNotificationRoutes } from './bank-routes.ts';
import {
  ZAllocatedSchema,
  ZAllocateSchema,
  ZBankAccountSchema,
  ZCaseFundsSchema,
  ZCaseIdParamSchema,
  ZDisbursementSchema,
  ZIdParamSchema,
  ZLodgedSchema,
  ZLodgeEscrowSchema,
  ZPayeeAccountSavedSchema,
  ZPayeeParamSchema,
  ZPayoutDelayRequestedSchema,
  ZPayoutDelaySchema,
  ZProposeDisbursementSchema,
  ZProposedSchema,
  ZRejectSchema,
  ZRequestPayoutDelaySchema,
} from './contracts.ts';
import { registerFundsDeskRoutes } from './desk-routes.ts';
import { registerDistributionRoutes } from './distribution-routes.ts';
import { allocateByDecision } from './use-cases/allocate.ts';
import { getCaseFunds } from './use-cases/case-funds.ts';
import {
  approveDisbursement,
  getDisbursement,
  proposeDisbursement,
  rejectDisbursement,
  setPayeeAccount,
} from './use-cases/disbursements.ts';
import { lodgeInEscrow } from './use-cases/escrow.ts';
import {
  approvePayoutDelay,
  endPayoutDelay,
  rejectPayoutDelay,
  requestPayoutDelay,
} from './use-cases/payout-delays.ts';

export function registerFundsRoutes(app: App, { db, config }: { db: Db; config: Config }): void {
  const tags = ['funds'];
  const errors = errorResponses;

  app.get(
    '/api/v1/cases/:id/funds',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '案件执行款 / A case’s money',
        params: ZCaseIdParamSchema,
        response: { 200: ZCaseFundsSchema, ...errors },
      },
    },
    async (request) => getCaseFunds(db, requireActor(request), request.params.id),
  );

  app.put(
    '/api/v1/cases/:id/funds/payee-accounts/:partyId',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '登记收款账户 / Record an applicant’s bank account',
        params: ZPayeeParamSchema,
        body: ZBankAccountSchema,
        response: { 200: ZPayeeAccountSavedSchema, ...errors },
      },
    },
    async (request) =>
      setPayeeAccount(db, requireActor(request), request.params.id, request.params.partyId, request.body),
  );

  app.post(
    '/api/v1/funds/disbursements',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '申请发放执行款 / Propose a disbursement',
        body: ZProposeDisbursementSchema,
        response: { 201: ZProposedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await proposeDisbursement(db, requireActor(request), request.body, {
          secondApprovalFromFen: config.fundsSecondApprovalFromFen,
        }),
      ),
  );

  app.get(
    '/api/v1/funds/disbursements/:id',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '执行款发放 / A disbursement',
        params: ZIdParamSchema,
        response: { 200: ZDisbursementSchema, ...errors },
      },
    },
    async (request) => view(await getDisbursement(db, requireActor(request), request.params.id)),
  );

  app.post(
    '/api/v1/funds/disbursements/:id/approve',
    {
      config: { access: { kind: 'case', courtRoles: [Role.courtLeader] } },
      schema: {
        tags,
        summary: '审批发放 / Approve a disbursement',
        params: ZIdParamSchema,
        response: { 200: ZDisbursementSchema, ...errors },
      },
    },
    async (request) => view(await approveDisbursement(db, requireActor(request), request.params.id)),
  );

  app.post(
    '/api/v1/funds/disbursements/:id/reject',
    {
      config: { access: { kind: 'case', courtRoles: [Role.courtLeader] } },
      schema: {
        tags,
        summary: '不予批准 / Reject a disbursement',
        params: ZIdParamSchema,
        body: ZRejectSchema,
        response: { 200: ZDisbursementSchema, ...errors },
      },
    },
    async (request) =>
      view(await rejectDisbursement(db, requireActor(request), request.params.id, request.body.reason)),
  );

  app.post(
    '/api/v1/funds/allocations',
    {
      config: { access: { kind: 'case', seats: ['judge'], courtRoles: [Role.courtLeader] } },
      schema: {
        tags,
        summary: '决定分配 / Allocate unallocated money by the court’s decision',
        body: ZAllocateSchema,
        response: { 201: ZAllocatedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await allocateByDecision(db, requireActor(request), request.body)),
  );

  app.post(
    '/api/v1/funds/escrows',
    {
      config: { access: { kind: 'case', courtRoles: [Role.courtLeader] } },
      schema: {
        tags,
        summary: '提存 / Lodge payable money in escrow',
        body: ZLodgeEscrowSchema,
        response: { 201: ZLodgedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await lodgeInEscrow(db, requireActor(request), request.body)),
  );

  app.post(
    '/api/v1/cases/:id/funds/payout-delays',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '申请延期发放 / Request a payout delay (执行款物管理规定 art. 15)',
        params: ZCaseIdParamSchema,
        body: ZRequestPayoutDelaySchema,
        response: { 201: ZPayoutDelayRequestedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await requestPayoutDelay(db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/funds/payout-delays/:id/approve',
    {
      config: { access: { kind: 'case', courtRoles: [Role.courtLeader] } },
      schema: {
        tags,
        summary: '批准延期发放 / Approve a payout delay',
        params: ZIdParamSchema,
        response: { 200: ZPayoutDelaySchema, ...errors },
      },
    },
    async (request) => approvePayoutDelay(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/funds/payout-delays/:id/reject',
    {
      config: { access: { kind: 'case', courtRoles: [Role.courtLeader] } },
      schema: {
        tags,
        summary: '不予批准延期发放 / Reject a payout delay',
        params: ZIdParamSchema,
        body: ZRejectSchema,
        response: { 200: ZPayoutDelaySchema, ...errors },
      },
    },
    async (request) => rejectPayoutDelay(db, requireActor(request), request.params.id, request.body.reason),
  );

  app.post(
    '/api/v1/funds/payout-delays/:id/end',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '延期事由消除（10 日内发放） / The delay’s reason ended: pay within 10 days',
        params: ZIdParamSchema,
        response: { 200: ZPayoutDelaySchema, ...errors },
      },
    },
    async (request) => endPayoutDelay(db, requireActor(request), request.params.id),
  );

  registerFundsDeskRoutes(app, { db, config });
  registerDistributionRoutes(app, { db, config });
  registerBankNotificationRoutes(app, { db, config });
}

function view(d: Awaited<ReturnType<typeof getDisbursement>>) {
  return {
    id: d.id,
    caseId: d.caseId,
    state: d.state,
    payeePartyId: d.payeePartyId,
    payeeName: d.payeeName,
    payeeAccount: d.payeeAccount,
    payeeBank: d.payeeBank,
    amountFen: d.amountFen,
    purpose: d.purpose,
    requiredApprovals: d.requiredApprovals,
    approvals: d.approvals,
    proposedAt: d.proposedAt,
    approvedAt: d.approvedAt,
    instructedAt: d.instructedAt,
    settledAt: d.settledAt,
    bankSerial: d.bankSerial,
    failureReason: d.failureReason,
  };
}
