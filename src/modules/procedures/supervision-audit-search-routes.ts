import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http/server.ts';
import { registerAuditRoutes } from './audit-routes.ts';
import { registerSearchRoutes } from './search-routes.ts';
import { registerSupervisionRoutes } from './supervision-routes.ts';

/**
 * Issue 14's oversight and investigation routes, registered together: procuratorial supervision
 * (检察监督), audit investigation (审计调查) and search (搜查).
 */
export function registerSupervisionAuditSearchRoutes(app: App, deps: { db: Db }): void {
  registerSupervisionRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerSearchRoutes(app, deps);
}
