import { xlsxMediaType, ZBinaryFile } from '../../kernel/index.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { teamSeats } from '../../platform/http/access.ts';
import { sendWorkbook } from '../../platform/http/attachment.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { Role, requireActor } from '../identity/index.ts';
import {
  ZClaimedSchema,
  ZClaimSchema,
  ZCourtDisbursementsQuerySchema,
  ZCourtDisbursementsSchema,
  ZCourtPayoutDelaysQuerySchema,
  ZCourtPayoutDelaysSchema,
  ZIdParamSchema,
  ZMonthlyQuerySchema,
  ZMonthlyReportSchema,
  ZReconcileSchema,
  ZReconciliationSchema,
  ZReconciliationsSchema,
  ZUnmatchedListSchema,
} from './contracts.ts';
import {
  listCourtDisbursements,
  listCourtReconciliations,
  monthlyReport,
  monthlyReportWorkbook,
  reconcileNow,
} from './use-cases/court-desk.ts';
import { listCourtPayoutDelays } from './use-cases/payout-delays.ts';
import { claimUnmatched, listUnmatched } from './use-cases/unmatched.ts';

/** The court's funds desk: the claim queue, the court's disbursements and payout delays, reconciliation, the monthly report. */
export function registerFundsDeskRoutes(app: App, { db, config }: { db: Db; config: Config }): void {
  const tags = ['funds'];
  const errors = errorResponses;

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
    '/api/v1/funds/payout-delays',
    {
      config: {
        access: { kind: 'signedIn', roles: [Role.judge, Role.assistant, Role.clerk, Role.courtLeader] },
      },
      schema: {
        tags,
        summary: '本院延期发放 / The court’s payout delays',
        querystring: ZCourtPayoutDelaysQuerySchema,
        response: { 200: ZCourtPayoutDelaysSchema, ...errors },
      },
    },
    async (request) => listCourtPayoutDelays(db, requireActor(request), request.query),
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
      return sendWorkbook(reply, file);
    },
  );
}
