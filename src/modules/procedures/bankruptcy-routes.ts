import { ZBinaryFile } from '../../kernel/index.ts';
import type { Db } from '../../platform/db.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { Role, requireActor } from '../identity/index.ts';
import {
  ZCaseReferralsSchema,
  ZOutcomeInputSchema,
  ZOutcomeRecordedSchema,
  ZReferralCreatedSchema,
  ZReferralInputSchema,
} from './bankruptcy-contracts.ts';
import { ZIdParamSchema } from './contracts.ts';
import { readCaseReferrals } from './use-cases/bankruptcy-criteria.ts';
import { bankruptcyPackage } from './use-cases/bankruptcy-package.ts';
import { proposeBankruptcyReferral } from './use-cases/propose-bankruptcy-referral.ts';
import { recordBankruptcyOutcome } from './use-cases/record-bankruptcy-outcome.ts';

const tags = ['procedures'];
const errors = errorResponses;

/** Execution to bankruptcy (执转破): criteria, referral, the transfer package, the receiving court's ruling. */
export function registerBankruptcyRoutes(app: App, { db }: { db: Db }): void {
  app.get(
    '/api/v1/cases/:id/bankruptcy-referral',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary:
          '执转破 / Each respondent’s criteria for a bankruptcy referral, with reasons, and the case’s referrals',
        params: ZIdParamSchema,
        response: { 200: ZCaseReferralsSchema, ...errors },
      },
    },
    async (request) => readCaseReferrals(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/cases/:id/bankruptcy-referral',
    {
      // policy: bankruptcy-policy.ts assertReferralJudge
      config: { access: { kind: 'case', seats: ['judge'] } },
      schema: {
        tags,
        summary:
          '移送破产审查 / Refer a respondent for bankruptcy review with the written consent; enforcement is suspended',
        params: ZIdParamSchema,
        body: ZReferralInputSchema,
        response: { 201: ZReferralCreatedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await proposeBankruptcyReferral(db, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/bankruptcy-referrals/:id/package',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '移送材料 / The transfer package: the case’s dossier as one ZIP with a manifest of hashes',
        params: ZIdParamSchema,
        response: {
          200: { description: 'A ZIP archive', content: { 'application/zip': { schema: ZBinaryFile } } },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const file = await bankruptcyPackage(db, requireActor(request), request.params.id);
      reply.header('content-type', 'application/zip');
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, no-store');
      return reply.send(file.bytes);
    },
  );

  app.post(
    '/api/v1/bankruptcy-referrals/:id/outcome',
    {
      // policy: bankruptcy-policy.ts assertOutcomeRecorder
      config: { access: { kind: 'case', seats: ['judge'], courtRoles: [Role.courtLeader] } },
      schema: {
        tags,
        summary:
          '破产审查结果 / The receiving court’s ruling: accepted (stays suspended), declared bankrupt (closed), not accepted (resumed)',
        params: ZIdParamSchema,
        body: ZOutcomeInputSchema,
        response: { 200: ZOutcomeRecordedSchema, ...errors },
      },
    },
    async (request) => recordBankruptcyOutcome(db, requireActor(request), request.params.id, request.body),
  );
}
