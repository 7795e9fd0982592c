import type { Db } from '../../platform/db.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { requireActor } from '../identity/index.ts';
import {
  ZCreatedSchema,
  ZDefaultedSchema,
  ZDefaultInputSchema,
  ZIdParamSchema,
  ZPaymentInputSchema,
  ZPaymentRecordedSchema,
  ZSettlementInputSchema,
  ZSettlementListSchema,
  ZSettlementSchema,
} from './contracts.ts';
import { createSettlement } from './use-cases/create-settlement.ts';
import { defaultSettlement } from './use-cases/default-settlement.ts';
import { recordSettlementPayment } from './use-cases/record-settlement-payment.ts';
import { getSettlement, listCaseSettlements } from './use-cases/settlement-views.ts';

const tags = ['procedures'];
const errors = errorResponses;
// The case judge or assistant handles a settlement (policy.ts checks it again in each use case).
const settlementTeam = { kind: 'case', seats: ['judge', 'assistant'] } as const;

/** Enforcement settlements (执行和解): recorded, paid into, defaulted; read on the case page. */
export function registerSettlementRoutes(app: App, { db }: { db: Db }): void {
  app.post(
    '/api/v1/cases/:id/settlements',
    {
      config: { access: settlementTeam },
      schema: {
        tags,
        summary: '执行和解 / Record a settlement and its instalments; enforcement is suspended',
        params: ZIdParamSchema,
        body: ZSettlementInputSchema,
        response: { 201: ZCreatedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createSettlement(db, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/cases/:id/settlements',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '执行和解协议 / The case’s settlements: instalments, payments, the 2-year limit',
        params: ZIdParamSchema,
        response: { 200: ZSettlementListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listCaseSettlements(db, requireActor(request), request.params.id) }),
  );

  app.get(
    '/api/v1/settlements/:id',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '执行和解协议 / One settlement',
        params: ZIdParamSchema,
        response: { 200: ZSettlementSchema, ...errors },
      },
    },
    async (request) => getSettlement(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/settlements/:id/default',
    {
      config: { access: settlementTeam },
      schema: {
        tags,
        summary:
          '不履行和解协议 / The settlement is defaulted: the original enforcement is restored, payments stay deducted',
        params: ZIdParamSchema,
        body: ZDefaultInputSchema.nullish(),
        response: { 200: ZDefaultedSchema, ...errors },
      },
    },
    async (request) => defaultSettlement(db, requireActor(request), request.params.id, request.body ?? {}),
  );

  app.post(
    '/api/v1/settlements/:id/payments',
    {
      config: { access: settlementTeam },
      schema: {
        tags,
        summary: '和解履行款 / A payment made to the applicant under the settlement',
        params: ZIdParamSchema,
        body: ZPaymentInputSchema,
        response: { 201: ZPaymentRecordedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordSettlementPayment(db, requireActor(request), request.params.id, request.body)),
  );
}
