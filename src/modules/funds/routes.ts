import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { xlsxMediaType, ZBinaryFile } from '../../kernel/index.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { teamSeats } from '../../platform/http/access.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { Role, requireActor } from '../identity/index.ts';
import {
  ZAllocatedSchema,
  ZAllocateSchema,
  ZBankAccountSchema,
  ZBankAckSchema,
  ZCaseFundsSchema,
  ZCaseIdParamSchema,
  ZClaimedSchema,
  ZClaimSchema,
  ZCourtDisbursementsQuerySchema,
  ZCourtDisbursementsSchema,
  ZDisbursementSchema,
  ZIdParamSchema,
  ZLodgedSchema,
  ZLodgeEscrowSchema,
  ZMonthlyQuerySchema,
  ZMonthlyReportSchema,
  ZPayeeAccountSavedSchema,
  ZPayeeParamSchema,
  ZProposeDisbursementSchema,
  ZProposedSchema,
  ZReconcileSchema,
  ZReconciliationSchema,
  ZReconciliationsSchema,
  ZRejectSchema,
  ZUnmatchedListSchema,
} from './contracts.ts';
import { allocateByDecision } from './use-cases/allocate.ts';
import { receiveArrivals, receivePaymentResults } from './use-cases/bank-notifications.ts';
import { getCaseFunds } from './use-cases/case-funds.ts';
import {
  listCourtDisbursements,
  listCourtReconciliations,
  monthlyReport,
  monthlyReportWorkbook,
  reconcileNow,
} from './use-cases/court-desk.ts';
import {
  approveDisbursement,
  getDisbursement,
  proposeDisbursement,
  rejectDisbursement,
  setPayeeAccount,
} from './use-cases/disbursements.ts';
import { lodgeInEscrow } from './use-cases/escrow.ts';
import { claimUnmatched, listUnmatched } from './use-cases/unmatched.ts';

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

  app.get(
    '/api/v1/funds/unmatched',
    {
      config: {
        access: { kind: 'signedIn', roles: [Role.judge, Role.assistant, Role.clerk, Role.courtLeader] },
      },
      schema: {
        tags,
        summary: '待认领款项 / The court’s claim queue',
        response: { 200: ZUnmatchedListSchema, ...errors },
      },
    },
    async (request) => listUnmatched(db, requireActor(request)),
  );

  app.post(
    '/api/v1/funds/unmatched/:id/claim',
    {
      config: { access: { kind: 'case', seats: teamSeats, courtRoles: [Role.courtLeader] } },
      schema: {
        tags,
        summary: '认领款项 / Claim a payment for a case',
        params: ZIdParamSchema,
        body: ZClaimSchema,
        response: { 200: ZClaimedSchema, ...errors },
      },
    },
    async (request) => claimUnmatched(db, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/funds/disbursements',
    {
      config: {
        access: { kind: 'signedIn', roles: [Role.judge, Role.assistant, Role.clerk, Role.courtLeader] },
      },
      schema: {
        tags,
        summary: '本院执行款发放 / The court’s disbursements',
        querystring: ZCourtDisbursementsQuerySchema,
        response: { 200: ZCourtDisbursementsSchema, ...errors },
      },
    },
    async (request) => listCourtDisbursements(db, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/funds/reconciliations',
    {
      config: {
        access: { kind: 'signedIn', roles: [Role.judge, Role.assistant, Role.clerk, Role.courtLeader] },
      },
      schema: {
        tags,
        summary: '对账结果 / Reconciliations with the bank',
        response: { 200: ZReconciliationsSchema, ...errors },
      },
    },
    async (request) => listCourtReconciliations(db, requireActor(request)),
  );

  app.post(
    '/api/v1/funds/reconciliations',
    {
      config: {
        access: { kind: 'signedIn', roles: [Role.judge, Role.assistant, Role.clerk, Role.courtLeader] },
      },
      schema: {
        tags,
        summary: '立即对账 / Reconcile a day now',
        body: ZReconcileSchema,
        response: { 200: ZReconciliationSchema, ...errors },
      },
    },
    async (request) => reconcileNow(db, config, requireActor(request), request.body),
  );

  app.get(
    '/api/v1/funds/reports/monthly',
    {
      config: {
        access: { kind: 'signedIn', roles: [Role.judge, Role.assistant, Role.clerk, Role.courtLeader] },
      },
      schema: {
        tags,
        summary: '执行款月报（JSON 或 Excel） / The court’s monthly funds report (JSON or xlsx)',
        querystring: ZMonthlyQuerySchema,
        response: {
          200: {
            description: 'JSON, or with format=xlsx an Excel workbook',
            content: {
              'application/json': { schema: ZMonthlyReportSchema },
              [xlsxMediaType]: { schema: ZBinaryFile },
            },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const report = await monthlyReport(db, requireActor(request), request.query.month);
      if (request.query.format !== 'xlsx') return report;
      const file = await monthlyReportWorkbook(report);
      return reply
        .header('content-type', xlsxMediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.buffer);
    },
  );

  // The bank's notifications: signed over the exact bytes, so the body is kept as received.
  app.register(async (plain) => {
    plain.removeAllContentTypeParsers();
    plain.addContentTypeParser(
      '*',
      { parseAs: 'string', bodyLimit: 4 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    const raw = (request: {
      url: string;
      body: unknown;
      headers: Record<string, string | string[] | undefined>;
    }) => ({
      path: request.url,
      rawBody: typeof request.body === 'string' ? request.body : '',
      headers: request.headers,
    });
    scope.post(
      '/api/v1/funds/bank/arrivals',
      {
        config: { access: { kind: 'institutionSignature' } },
        schema: {
          tags,
          summary: '到账通知（银行签名） / Arrival notifications from the bank (signed)',
          response: { 200: ZBankAckSchema, ...errors },
        },
      },
      async (request) => receiveArrivals(db, config, raw(request)),
    );
    scope.post(
      '/api/v1/funds/bank/payment-results',
      {
        config: { access: { kind: 'institutionSignature' } },
        schema: {
          tags,
          summary: '付款结果通知（银行签名） / Payment results from the bank (signed)',
          response: { 200: ZBankAckSchema, ...errors },
        },
      },
      async (request) => receivePaymentResults(db, config, raw(request)),
    );
  });
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
