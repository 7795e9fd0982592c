import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http/server.ts';
import { registerCaseCommandRoutes } from './case-routes.ts';
import { registerCoordinationRoutes } from './coordination-routes.ts';
import { registerIndicatorRoutes } from './indicator-routes.ts';

/** The command centre (执行指挥中心): its indicators and desk, its work on cases, its work between courts. */
export function registerCommandRoutes(app: App, opts: { db: Db }): void {
  registerIndicatorRoutes(app, opts);
  registerCaseCommandRoutes(app, opts);
  registerCoordinationRoutes(app, opts);
}
