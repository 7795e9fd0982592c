import type { Db } from '../../../platform/db.ts';
import { type App, errorResponses, ZErrorSchema } from '../../../platform/http/server.ts';
import { purposeOf } from '../../cases/index.ts';
import { loadCaseAccess, requirePortalUser } from '../../disclosure/index.ts';
import { Role, requireActor } from '../../identity/index.ts';
import {
  ZAdditionCreatedSchema,
  ZAdditionIdParamSchema,
  ZAdditionInputSchema,
  ZAdditionListSchema,
  ZExtendedSchema,
  ZExtensionInputSchema,
  ZHearingInputSchema,
  ZHearingRecordedSchema,
  ZRuledSchema,
  ZRulingInputSchema,
} from './contracts.ts';
import { listCaseAdditions } from './use-cases/addition-views.ts';
import { applyForAddition, applyForAdditionOnPortal } from './use-cases/apply-addition.ts';
import { extendAddition } from './use-cases/extend-addition.ts';
import { recordHearing } from './use-cases/record-hearing.ts';
import { ruleOnAddition } from './use-cases/rule-addition.ts';

const tags = ['procedures'];
const errors = errorResponses;
// Declared here, checked again in each use case (additions/policy.ts).
const additionTeam = { kind: 'case', seats: ['judge', 'assistant', 'clerk'] } as const;
const judgeOrLeader = { kind: 'case', seats: ['judge'], courtRoles: [Role.courtLeader] } as const;
const president = { kind: 'case', courtRoles: [Role.courtLeader] } as const;
// The portal's own credential is checked by the route (disclosure's portal-auth); court sessions play no part.
const portal = { kind: 'public' } as const;
const portalSecurity = [{ bearer: [] }];
const portalErrors = { ...errorResponses, 429: ZErrorSchema };
// Per address: an applicant files a few applications.
const portalWriteRateLimit = { max: 30, timeWindow: '1 minute' };

/**
 * Changing and adding respondents (变更、追加被执行人, 变更追加规定): the applicant's application
 * entered by the case team or filed on the party portal, the hearing, the president's extension of the 60 days, the ruling
 * that adds the party to the case with its limit of liability; read on the case page.
 */
export function registerAdditionRoutes(app: App, { db }: { db: Db }): void {
  app.post(
    '/api/v1/cases/:id/respondent-additions',
    {
      config: { access: additionTeam },
      schema: {
        tags,
        summary:
          '申请变更、追加被执行人 / Enter the applicant’s application to add a respondent; the ruling is due in 60 days',
        params: ZAdditionIdParamSchema,
        body: ZAdditionInputSchema,
        response: { 201: ZAdditionCreatedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await applyForAddition(db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/party/cases/:id/respondent-additions',
    {
      config: { access: portal, rateLimit: portalWriteRateLimit },
      schema: {
        tags,
        summary: '申请追加被执行人 / The applicant applies on the party portal to add a respondent',
        security: portalSecurity,
        params: ZAdditionIdParamSchema,
        body: ZAdditionInputSchema,
        response: { 201: ZAdditionCreatedSchema, ...portalErrors },
      },
    },
    async (request, reply) => {
      const user = await requirePortalUser(db, request);
      const access = await loadCaseAccess(db, user, request.params.id);
      return reply.status(201).send(await applyForAdditionOnPortal(db, user, access, request.body));
    },
  );

  app.get(
    '/api/v1/cases/:id/respondent-additions',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary:
          '变更、追加被执行人 / The case’s applications: ground, party, limit, due date, hearing, ruling',
        params: ZAdditionIdParamSchema,
        response: { 200: ZAdditionListSchema, ...errors },
      },
    },
    async (request) =>
      listCaseAdditions(
        db,
        requireActor(request),
        request.params.id,
        purposeOf(request.headers['x-zhixing-purpose']),
      ),
  );

  app.post(
    '/api/v1/respondent-additions/:id/hearing',
    {
      config: { access: additionTeam },
      schema: {
        tags,
        summary:
          '听证 / Record the public hearing, or that the facts are clear and undisputed so none is held',
        params: ZAdditionIdParamSchema,
        body: ZHearingInputSchema,
        response: { 201: ZHearingRecordedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordHearing(db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/respondent-additions/:id/extension',
    {
      config: { access: president },
      schema: {
        tags,
        summary: '延长审查期限 / The president extends the 60 days for the ruling',
        params: ZAdditionIdParamSchema,
        body: ZExtensionInputSchema,
        response: { 200: ZExtendedSchema, ...errors },
      },
    },
    async (request) => extendAddition(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/respondent-additions/:id/rule',
    {
      config: { access: judgeOrLeader },
      schema: {
        tags,
        summary:
          '变更、追加裁定 / Rule to add the party as a respondent (with its limit) or to reject the application',
        params: ZAdditionIdParamSchema,
        body: ZRulingInputSchema,
        response: { 200: ZRuledSchema, ...errors },
      },
    },
    async (request) => ruleOnAddition(db, requireActor(request), request.params.id, request.body),
  );
}
