import type { Db } from '../../platform/db.ts';
import { teamSeats } from '../../platform/http/access.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { Role, requireActor } from '../identity/index.ts';
import {
  ZAssignTeamSchema,
  ZCaseDetailSchema,
  ZCaseIdParamSchema,
  ZCaseListQuerySchema,
  ZCaseListSchema,
  ZClosedSchema,
  ZCloseSchema,
  ZFileCaseSchema,
  ZFiledSchema,
  ZNodeRecordedSchema,
  ZRecordNodeSchema,
  ZRestoreSchema,
  ZTeamAssignedSchema,
} from './contracts.ts';
import {
  ZCorrectPartySchema,
  ZPartyChangesSchema,
  ZPartyCorrectedSchema,
  ZPartyParamsSchema,
} from './party-correction-contracts.ts';
import { assignTeam } from './use-cases/assign-team.ts';
import { closeCase } from './use-cases/close-case.ts';
import { correctParty, listPartyChanges } from './use-cases/correct-party.ts';
import { fileCase } from './use-cases/file-case.ts';
import { getCase } from './use-cases/get-case.ts';
import { listCases } from './use-cases/list-cases.ts';
import { recordNode } from './use-cases/record-node.ts';
import { restoreCase } from './use-cases/restore-case.ts';
import type { TerminationFactProvider } from './use-cases/termination-facts.ts';

/** The purpose of a read of personal data: `x-zhixing-purpose` (percent-encoded), else case handling. */
export function purposeOf(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return '办案 / case handling';
  try {
    return decodeURIComponent(raw).slice(0, 200);
  } catch {
    return raw.slice(0, 200);
  }
}

export function registerCaseRoutes(
  app: App,
  { db, terminationFacts }: { db: Db; terminationFacts: readonly TerminationFactProvider[] },
): void {
  const tags = ['cases'];
  const errors = errorResponses;

  app.post(
    '/api/v1/cases',
    {
      config: { access: { kind: 'signedIn', roles: [Role.judge, Role.assistant, Role.clerk] } },
      schema: {
        tags,
        summary: '立案 / File a case',
        body: ZFileCaseSchema,
        response: { 201: ZFiledSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await fileCase(db, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/cases',
    {
      config: { access: { kind: 'signedIn' } },
      schema: {
        tags,
        summary: '案件列表 / Cases in scope',
        querystring: ZCaseListQuerySchema,
        response: { 200: ZCaseListSchema, ...errors },
      },
    },
    async (request) => listCases(db, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/cases/:id',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '案件详情 / A case',
        params: ZCaseIdParamSchema,
        response: { 200: ZCaseDetailSchema, ...errors },
      },
    },
    async (request) =>
      getCase(db, requireActor(request), request.params.id, purposeOf(request.headers['x-zhixing-purpose']), {
        terminationFacts,
      }),
  );

  app.post(
    '/api/v1/cases/:id/nodes',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '记录节点 / Record a node',
        params: ZCaseIdParamSchema,
        body: ZRecordNodeSchema,
        response: { 201: ZNodeRecordedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordNode(db, requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/v1/cases/:id/parties/:partyId',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '更正当事人信息 / Correct a party’s details (the old values kept)',
        params: ZPartyParamsSchema,
        body: ZCorrectPartySchema,
        response: { 200: ZPartyCorrectedSchema, ...errors },
      },
    },
    async (request) =>
      correctParty(db, requireActor(request), request.params.id, request.params.partyId, request.body),
  );

  app.get(
    '/api/v1/cases/:id/parties/:partyId/changes',
    {
      config: { access: { kind: 'case', seats: teamSeats, courtRoles: [Role.courtLeader] } },
      schema: {
        tags,
        summary: '当事人信息更正记录 / A party’s corrections, with what they replaced',
        params: ZPartyParamsSchema,
        response: { 200: ZPartyChangesSchema, ...errors },
      },
    },
    async (request) => listPartyChanges(db, requireActor(request), request.params.id, request.params.partyId),
  );

  app.post(
    '/api/v1/cases/:id/close',
    {
      config: { access: { kind: 'case', seats: ['judge'], courtRoles: [Role.courtLeader] } },
      schema: {
        tags,
        summary: '结案 / Close a case',
        params: ZCaseIdParamSchema,
        body: ZCloseSchema,
        response: { 200: ZClosedSchema, ...errors },
      },
    },
    async (request) =>
      closeCase(db, requireActor(request), request.params.id, request.body, { terminationFacts }),
  );

  app.post(
    '/api/v1/cases/:id/restore',
    {
      config: { access: { kind: 'case', seats: teamSeats, courtRoles: [Role.judge, Role.courtLeader] } },
      schema: {
        tags,
        summary: '恢复执行 / Restore a 终本 case',
        params: ZCaseIdParamSchema,
        body: ZRestoreSchema.optional(),
        response: { 201: ZFiledSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await restoreCase(db, requireActor(request), request.params.id, request.body ?? {})),
  );

  app.put(
    '/api/v1/cases/:id/team',
    {
      config: {
        access: { kind: 'case', seats: ['judge'], courtRoles: [Role.courtLeader, Role.commandCentre] },
      },
      schema: {
        tags,
        summary: '分配执行团队 / Assign a team',
        params: ZCaseIdParamSchema,
        body: ZAssignTeamSchema,
        response: { 200: ZTeamAssignedSchema, ...errors },
      },
    },
    async (request) => assignTeam(db, requireActor(request), request.params.id, request.body.teamId),
  );
}
