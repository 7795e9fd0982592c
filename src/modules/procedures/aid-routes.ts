import type { Db } from '../../platform/db.ts';
import { teamSeats } from '../../platform/http/access.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { purposeOf } from '../cases/index.ts';
import { Role, requireActor } from '../identity/index.ts';
import {
  ZAidApplicationSchema,
  ZAidCreatedSchema,
  ZAidDecidedSchema,
  ZAidDecisionSchema,
  ZAidPaidSchema,
  ZAidPaymentSchema,
  ZCaseAidSchema,
  ZMonthlyWageSavedSchema,
  ZMonthlyWageSchema,
} from './aid-contracts.ts';
import { registerBankruptcyRoutes } from './bankruptcy-routes.ts';
import { ZIdParamSchema } from './contracts.ts';
import { registerSpecialRoutes } from './special-routes.ts';
import { applyJudicialAid } from './use-cases/apply-judicial-aid.ts';
import { decideJudicialAid } from './use-cases/decide-judicial-aid.ts';
import { readCaseAid } from './use-cases/judicial-aid-store.ts';
import { payJudicialAid } from './use-cases/pay-judicial-aid.ts';
import { setAidMonthlyWage } from './use-cases/set-aid-wage.ts';

const tags = ['procedures'];
const errors = errorResponses;

/**
 * Judicial aid (司法救助): applied for by the judge, decided by a court leader, paid and recorded;
 * each court's monthly wage. With them, execution to bankruptcy and the special-case list.
 */
export function registerAidAndReferralRoutes(app: App, { db }: { db: Db }): void {
  registerBankruptcyRoutes(app, { db });
  registerSpecialRoutes(app, { db });

  app.post(
    '/api/v1/cases/:id/judicial-aid',
    {
      // policy: aid-policy.ts assertAidJudge
      config: { access: { kind: 'case', seats: ['judge'] } },
      schema: {
        tags,
        summary: '司法救助申请 / The judge files an aid application for an applicant in hardship',
        params: ZIdParamSchema,
        body: ZAidApplicationSchema,
        response: { 201: ZAidCreatedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await applyJudicialAid(db, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/cases/:id/judicial-aid',
    {
      // policy: aid-policy.ts assertAidReader (hardship facts are personal data)
      config: { access: { kind: 'case', seats: teamSeats, courtRoles: [Role.courtLeader] } },
      schema: {
        tags,
        summary: '司法救助 / The case’s aid, with the monthly wage and the cap a decision today would use',
        params: ZIdParamSchema,
        response: { 200: ZCaseAidSchema, ...errors },
      },
    },
    async (request) =>
      readCaseAid(db, requireActor(request), request.params.id, {
        purpose: purposeOf(request.headers['x-zhixing-purpose']),
      }),
  );

  app.post(
    '/api/v1/judicial-aid/:id/decide',
    {
      // policy: aid-policy.ts assertAidDecider
      config: { access: { kind: 'case', courtRoles: [Role.courtLeader] } },
      schema: {
        tags,
        summary:
          '审批司法救助 / A court leader approves an amount within the cap, or rejects with the reason',
        params: ZIdParamSchema,
        body: ZAidDecisionSchema,
        response: { 200: ZAidDecidedSchema, ...errors },
      },
    },
    async (request) => decideJudicialAid(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/judicial-aid/:id/payment',
    {
      // policy: aid-policy.ts assertAidPayer
      config: { access: { kind: 'case', seats: ['judge', 'assistant'], courtRoles: [Role.courtLeader] } },
      schema: {
        tags,
        summary:
          '救助金发放 / The approved aid was paid to the applicant (bank reference); recorded on the case',
        params: ZIdParamSchema,
        body: ZAidPaymentSchema,
        response: { 201: ZAidPaidSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await payJudicialAid(db, requireActor(request), request.params.id, request.body)),
  );

  app.put(
    '/api/v1/judicial-aid/monthly-wage',
    {
      // policy: aid-policy.ts assertWageSetter
      config: { access: { kind: 'signedIn', roles: [Role.courtLeader] } },
      schema: {
        tags,
        summary:
          '司法救助基数 / The court’s average monthly wage of the previous year, the base of the 36-month cap',
        body: ZMonthlyWageSchema,
        response: { 200: ZMonthlyWageSavedSchema, ...errors },
      },
    },
    async (request) => setAidMonthlyWage(db, requireActor(request), request.body),
  );
}
