import type { Db } from '../../platform/db.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { Role, requireActor } from '../identity/index.ts';
import {
  ZNewUnitSchema,
  ZUnitCreatedSchema,
  ZUnitIdParamSchema,
  ZUnitListSchema,
  ZUnitSchema,
} from './contracts.ts';
import { listUnits } from './use-cases/list-units.ts';
import { registerUnit } from './use-cases/register-unit.ts';
import { revokeUnit } from './use-cases/revoke-unit.ts';

const tags = ['matching'];
const errors = errorResponses;

/** A system administrator registers joint-punishment units and revokes their keys. */
export function registerUnitRoutes(app: App, opts: { db: Db; onRevoke: () => void }): void {
  const { db } = opts;
  app.post(
    '/api/v1/admin/units',
    {
      config: { access: { kind: 'signedIn', roles: [Role.admin] } },
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
        registerUnit(tx, actor, { ...request.body, capability: request.body.capability ?? 'match' }),
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
      config: { access: { kind: 'signedIn', roles: [Role.admin] } },
      schema: {
        tags,
        summary: '联合惩戒单位 / Registered units',
        response: { 200: ZUnitListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listUnits(db, requireActor(request)) }),
  );
  app.post(
    '/api/v1/admin/units/:id/revoke',
    {
      config: { access: { kind: 'signedIn', roles: [Role.admin] } },
      schema: {
        tags,
        summary: '吊销密钥 / Revoke a unit’s key',
        params: ZUnitIdParamSchema,
        response: { 200: ZUnitSchema, ...errors },
      },
    },
    async (request) => {
      const revoked = await db.transaction((tx) => revokeUnit(tx, requireActor(request), request.params.id));
      opts.onRevoke();
      return revoked;
    },
  );
}
