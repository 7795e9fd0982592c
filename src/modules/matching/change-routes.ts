import type { Db } from '../../platform/db.ts';
import { type App, errorResponses, ZErrorSchema } from '../../platform/http/server.ts';
import { appendAudit } from '../audit/index.ts';
import { ZChangesQuerySchema, ZChangesSchema } from './contracts.ts';
import { isScene, scenes } from './rules/scenes.ts';
import { type UnitKeys, unauthenticated } from './unit-keys.ts';
import { listChanges } from './use-cases/list-changes.ts';
import { toWireChanges } from './wire.ts';

const tags = ['matching'];
const errors = { ...errorResponses, 429: ZErrorSchema };

/** `GET /api/v1/match/changes`: the ordered change feed for a unit's scene, by cursor. */
export function registerChangeRoute(
  app: App,
  opts: { db: Db; keys: UnitKeys; currentDay: () => string },
): void {
  const { db, keys, currentDay } = opts;
  app.get(
    '/api/v1/match/changes',
    {
      config: { access: { kind: 'unitKey', capabilities: ['match', 'feed'] } },
      schema: {
        tags,
        summary: '变更订阅 / Ordered change feed for the unit’s scene',
        security: [{ bearer: [] }],
        querystring: ZChangesQuerySchema,
        response: { 200: ZChangesSchema, ...errors },
      },
      onRequest: async (request) => {
        request.matchUnit = await keys.unitOf(request, ['match', 'feed']);
      },
    },
    async (request) => {
      const unit = request.matchUnit;
      if (!unit || !isScene(unit.scene)) throw unauthenticated('接入密钥无效', 'Unknown API key');
      const scene = scenes[unit.scene];
      const since = Number(request.query.since ?? '0');
      return db.transaction(async (tx) => {
        const page = await listChanges(tx, { scene, since, limit: request.query.limit, today: currentDay() });
        await appendAudit(tx, {
          actor: null,
          // The action and object type feed reads have always been audited under.
          action: 'credit.match.changes',
          objectType: 'apiClient',
          objectId: unit.id,
          detail: { unit: unit.name, since, returned: page.changes.length },
        });
        // The published names (`measure`) are put on at the edge: see wire.ts.
        return toWireChanges(page);
      });
    },
  );
}
