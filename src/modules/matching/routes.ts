import type { Allowance } from '../../platform/allowances.ts';
import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http/server.ts';
import { registerChangeRoute } from './change-routes.ts';
import { createCurrentDay } from './current-day.ts';
import type { MatchingService } from './engine/match-service.ts';
import type { MatchAuditor } from './match-audit.ts';
import { registerMatchRoute } from './match-routes.ts';
import { createQuota } from './quota.ts';
import { createUnitKeys } from './unit-keys.ts';
import { registerUnitRoutes } from './unit-routes.ts';
import type { Unit } from './unit-store.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The outside unit calling the matching API with its key. */
    matchUnit: Unit | null;
  }
}

/** The matching API (units' keys), the change feed and the administration of units. */
export function registerMatchingRoutes(
  app: App,
  opts: { db: Db; service: MatchingService; auditor: MatchAuditor; allowance: Allowance },
): void {
  const { db, service, auditor } = opts;
  const currentDay = createCurrentDay();
  const keys = createUnitKeys(db);
  app.decorateRequest('matchUnit', null);
  registerMatchRoute(app, {
    service,
    auditor,
    keys,
    quota: createQuota(db, opts.allowance, currentDay),
    currentDay,
  });
  registerChangeRoute(app, { db, keys, currentDay });
  registerUnitRoutes(app, { db, onRevoke: () => keys.forget() });
}
