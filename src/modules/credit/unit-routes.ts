import { z } from 'zod';
import type { Db } from '../../platform/db.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { createApiClient, listApiClients, requireActor, revokeApiClient } from '../identity/index.ts';
import { ZCaseIdParamSchema, ZNewUnitSchema, ZUnitCreatedSchema, ZUnitSchema } from './contracts.ts';

const tags = ['matching'];
const errors = errorResponses;

/** A system administrator registers joint-punishment units (API clients of identity) and revokes their keys. */
export function registerUnitRoutes(app: App, opts: { db: Db; onRevoke: () => void }): void {
  const { db } = opts;
  app.post(
    '/api/v1/admin/units',
    {
      schema: {
        tags,
        summary: '登记联合惩戒单位 / Register a joint-punishment unit (key shown once)',
        body: ZNewUnitSchema,
        response: { 201: ZUnitCreatedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const created = await db.transaction((tx) =>
        createApiClient(tx, actor, { ...request.body, capability: request.body.capability ?? 'match' }),
      );
      return reply.status(201).send({
        id: created.id,
        apiKey: created.apiKey,
        ...(created.webhookSecret ? { webhookSecret: created.webhookSecret } : {}),
      });
    },
  );
  app.get(
    '/api/v1/admin/units',
    {
      schema: {
        tags,
        summary: '联合惩戒单位 / Registered units',
        response: { 200: z.object({ items: z.array(ZUnitSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await listApiClients(db, requireActor(request)) }),
  );
  app.post(
    '/api/v1/admin/units/:id/revoke',
    {
      schema: {
        tags,
        summary: '吊销密钥 / Revoke a unit’s key',
        params: ZCaseIdParamSchema,
        response: { 200: ZUnitSchema, ...errors },
      },
    },
    async (request) => {
      const revoked = await db.transaction((tx) =>
        revokeApiClient(tx, requireActor(request), request.params.id),
      );
      opts.onRevoke();
      return revoked;
    },
  );
}
