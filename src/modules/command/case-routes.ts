import type { Db } from '../../platform/db.ts';
import { teamSeats } from '../../platform/http/access.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { Role, requireActor } from '../identity/index.ts';
import {
  ZCaseCommandSchema,
  ZCompleteEntrustmentSchema,
  ZConcludePetitionSchema,
  ZCourtQuerySchema,
  ZEntrustmentListSchema,
  ZEntrustmentRequestedSchema,
  ZEntrustmentSchema,
  ZIdParamSchema,
  ZOpenSupervisionSchema,
  ZPetitionConcludedSchema,
  ZPetitionListSchema,
  ZPetitionRegisteredSchema,
  ZRegisterPetitionSchema,
  ZReportedSchema,
  ZReportSchema,
  ZRequestEntrustmentSchema,
  ZSupervisionListSchema,
  ZSupervisionOpenedSchema,
  ZTerminationReviewedSchema,
  ZTerminationReviewSchema,
} from './contracts.ts';
import { courtInScope, entrustmentOfficers, indicatorReaders, readers, requireAnyRole } from './policy.ts';
import { readCaseCommand } from './use-cases/case-command.ts';
import {
  acceptEntrustment,
  completeEntrustment,
  getEntrustment,
  listEntrustments,
  requestEntrustment,
} from './use-cases/entrustments.ts';
import { concludePetition, listPetitions, registerPetition } from './use-cases/petitions.ts';
import { listSupervisions, openSupervision, reportOnSupervision } from './use-cases/supervisions.ts';
import { recordTerminationReview } from './use-cases/termination-reviews.ts';

/** The command centre's routes: supervision, entrustment, petitions and 终本 reviews on cases. */
export function registerCaseCommandRoutes(app: App, { db }: { db: Db }): void {
  const tags = ['command'];
  const errors = errorResponses;
  const receivers = { kind: 'court', roles: [...entrustmentOfficers] } as const;
  const petitionHandlers = {
    kind: 'case',
    courtRoles: [Role.courtLeader],
    higherCourtRoles: [Role.commandCentre],
  } as const;

  app.post(
    '/api/v1/command/supervisions',
    {
      config: { access: { kind: 'case', higherCourtRoles: [Role.commandCentre, Role.courtLeader] } },
      schema: {
        tags,
        summary: '督办 / Open a supervision on a case below',
        body: ZOpenSupervisionSchema,
        response: { 201: ZSupervisionOpenedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openSupervision(db, requireActor(request), request.body)),
  );

  app.post(
    '/api/v1/command/supervisions/:id/reports',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '督办报告 / Report back on a supervision',
        params: ZIdParamSchema,
        body: ZReportSchema,
        response: { 201: ZReportedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reportOnSupervision(db, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/command/supervisions',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: '督办台账 / The supervision ledger of a court',
        querystring: ZCourtQuerySchema,
        response: { 200: ZSupervisionListSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requireAnyRole(actor, indicatorReaders);
      const court = await courtInScope(db, actor, request.query.court);
      return listSupervisions(db, { path: court.path });
    },
  );

  app.post(
    '/api/v1/command/entrustments',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '事项委托 / Entrust a matter to another court',
        body: ZRequestEntrustmentSchema,
        response: { 201: ZEntrustmentRequestedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await requestEntrustment(db, requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/command/entrustments',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: '委托事项 / Entrustments a court sent and received',
        querystring: ZCourtQuerySchema,
        response: { 200: ZEntrustmentListSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requireAnyRole(actor, indicatorReaders);
      const court = await courtInScope(db, actor, request.query.court);
      return { items: await listEntrustments(db, { path: court.path }) };
    },
  );

  app.get(
    '/api/v1/command/entrustments/:id',
    {
      config: { access: { kind: 'addressee' } },
      schema: {
        tags,
        summary: '委托事项详情 / An entrustment, for the sending and the receiving court',
        params: ZIdParamSchema,
        response: { 200: ZEntrustmentSchema, ...errors },
      },
    },
    async (request) => getEntrustment(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/command/entrustments/:id/accept',
    {
      config: { access: receivers },
      schema: {
        tags,
        summary: '受理委托 / Accept an entrusted matter (the receiving court)',
        params: ZIdParamSchema,
        response: { 200: ZEntrustmentSchema, ...errors },
      },
    },
    async (request) => acceptEntrustment(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/command/entrustments/:id/complete',
    {
      config: { access: receivers },
      schema: {
        tags,
        summary: '委托办结 / Report the result of an entrusted matter (the receiving court)',
        params: ZIdParamSchema,
        body: ZCompleteEntrustmentSchema,
        response: { 200: ZEntrustmentSchema, ...errors },
      },
    },
    async (request) => completeEntrustment(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/command/petitions',
    {
      config: { access: petitionHandlers },
      schema: {
        tags,
        summary: '信访登记 / Register a petition against a case',
        body: ZRegisterPetitionSchema,
        response: { 201: ZPetitionRegisteredSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerPetition(db, requireActor(request), request.body)),
  );

  app.post(
    '/api/v1/command/petitions/:id/conclude',
    {
      config: { access: petitionHandlers },
      schema: {
        tags,
        summary: '信访办结 / Conclude a petition with its resolution',
        params: ZIdParamSchema,
        body: ZConcludePetitionSchema,
        response: { 200: ZPetitionConcludedSchema, ...errors },
      },
    },
    async (request) => concludePetition(db, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/command/petitions',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: '信访台账 / Petitions on the cases of a court and the courts below it',
        querystring: ZCourtQuerySchema,
        response: { 200: ZPetitionListSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requireAnyRole(actor, indicatorReaders);
      const court = await courtInScope(db, actor, request.query.court);
      return { items: await listPetitions(db, { courtId: court.id, path: court.path }) };
    },
  );

  app.get(
    '/api/v1/command/cases/:id',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '案件督办、委托与信访 / Supervisions, entrustments and petitions of a case',
        params: ZIdParamSchema,
        response: { 200: ZCaseCommandSchema, ...errors },
      },
    },
    async (request) => readCaseCommand(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/command/termination-reviews',
    {
      config: {
        access: {
          kind: 'case',
          courtRoles: [Role.courtLeader],
          higherCourtRoles: [Role.commandCentre, Role.courtLeader],
        },
      },
      schema: {
        tags,
        summary: '终本案件检查 / Record a 终本 condition found unmet (the closure becomes unqualified)',
        body: ZTerminationReviewSchema,
        response: { 201: ZTerminationReviewedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordTerminationReview(db, requireActor(request), request.body)),
  );
}
