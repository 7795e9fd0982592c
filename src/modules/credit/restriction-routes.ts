import type { Db } from '../../platform/db.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { requireActor } from '../identity/index.ts';

import {
  ZBoundPersonSchema,
  ZCaseIdParamSchema,
  ZCreatedSchema,
  ZExitLiftedSchema,
  ZExitRestrictionSchema,
  ZLiftSchema,
  ZOrderRestrictionSchema,
  ZPersonStateSchema,
  ZReasonSchema,
  ZRestrictionLiftedSchema,
  ZRestrictionStateSchema,
  ZSpendingPermissionSchema,
} from './contracts.ts';
import { deciders, proposers } from './policy.ts';
import { isRestrictedBehaviour } from './rules/consumption.ts';
import { liftExitRestriction, restrictExit } from './use-cases/exit-restriction.ts';
import { liftRestriction } from './use-cases/lift-restriction.ts';
import {
  addBoundPerson,
  allowPrivateSpending,
  releaseBoundPerson,
} from './use-cases/manage-restricted-persons.ts';
import { orderRestriction } from './use-cases/order-restriction.ts';

const tags = ['credit'];
const errors = errorResponses;

/** Consumption restriction (限消规定) and exit restriction: order, bind persons, allow, release, lift. */
export function registerRestrictionRoutes(app: App, { db }: { db: Db }): void {
  app.post(
    '/api/v1/cases/:id/consumption-restrictions',
    {
      config: { access: proposers },
      schema: {
        tags,
        summary: '限制消费令 / Order a consumption restriction',
        params: ZCaseIdParamSchema,
        body: ZOrderRestrictionSchema,
        response: { 201: ZRestrictionStateSchema, ...errors },
      },
    },
    async (request, reply) => {
      const behaviours = request.body.behaviours?.filter(isRestrictedBehaviour);
      return reply.status(201).send(
        await orderRestriction(db, requireActor(request), request.params.id, {
          ...request.body,
          behaviours,
        }),
      );
    },
  );

  app.post(
    '/api/v1/cases/:id/exit-restrictions',
    {
      config: { access: deciders },
      schema: {
        tags,
        summary: '限制出境 / Restrict exit',
        params: ZCaseIdParamSchema,
        body: ZExitRestrictionSchema,
        response: { 201: ZRestrictionStateSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await restrictExit(db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/credit/restrictions/:id/lift',
    {
      config: { access: deciders },
      schema: {
        tags,
        summary: '解除限制消费 / Lift a consumption restriction',
        params: ZCaseIdParamSchema,
        body: ZLiftSchema,
        response: { 200: ZRestrictionLiftedSchema, ...errors },
      },
    },
    async (request) => liftRestriction(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/credit/restrictions/:id/persons',
    {
      config: { access: deciders },
      schema: {
        tags,
        summary: '增加限制消费关联人员 / Bind a further person',
        params: ZCaseIdParamSchema,
        body: ZBoundPersonSchema,
        response: { 201: ZPersonStateSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addBoundPerson(db, requireActor(request), request.params.id, request.body)),
  );
  app.post(
    '/api/v1/credit/restricted-persons/:id/release',
    {
      config: { access: deciders },
      schema: {
        tags,
        summary: '解除关联人员限制 / Release a bound person',
        params: ZCaseIdParamSchema,
        body: ZReasonSchema,
        response: { 200: ZPersonStateSchema, ...errors },
      },
    },
    async (request) => releaseBoundPerson(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/credit/restricted-persons/:id/spending-permissions',
    {
      config: { access: deciders },
      schema: {
        tags,
        summary: '准许因私消费 / Allow private spending',
        params: ZCaseIdParamSchema,
        body: ZSpendingPermissionSchema,
        response: { 201: ZCreatedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const behaviours = request.body.behaviours.filter(isRestrictedBehaviour);
      return reply.status(201).send(
        await allowPrivateSpending(db, requireActor(request), request.params.id, {
          ...request.body,
          behaviours,
        }),
      );
    },
  );
  app.post(
    '/api/v1/credit/exit-restrictions/:id/lift',
    {
      config: { access: deciders },
      schema: {
        tags,
        summary: '解除限制出境 / Lift an exit restriction',
        params: ZCaseIdParamSchema,
        body: ZReasonSchema,
        response: { 200: ZExitLiftedSchema, ...errors },
      },
    },
    async (request) => liftExitRestriction(db, requireActor(request), request.params.id, request.body),
  );
}
