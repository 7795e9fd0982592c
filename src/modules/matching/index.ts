import type { App } from '../../platform/http/server.ts';
import { defineModule } from '../../platform/module.ts';
import { createMatchingService, type MatchingService } from './engine/match-service.ts';
import { matchingJobs } from './jobs/index.ts';
import { createMatchAuditor, type MatchAuditor } from './match-audit.ts';
import { registerMatchingRoutes } from './routes.ts';

export type { IndexState } from './engine/index-loader.ts';
export { describeRecord, punishmentNumbersOf } from './engine/index-views.ts';
export { createMatchingService, type MatchingService } from './engine/match-service.ts';
export { contextFor, matchOne } from './engine/matcher.ts';
export { normaliseName, splitLegalForm } from './engine/name-key.ts';
export { PunishmentIndex } from './engine/punishment-index.ts';
export { packCreditCode, packIdNumber } from './engine/subject-key.ts';
export { type Scene, scenes } from './rules/scenes.ts';
export type { Unit, UnitCapability } from './unit-store.ts';
export { pushWebhooks } from './use-cases/push-webhooks.ts';
export { type NewUnit, registerUnit } from './use-cases/register-unit.ts';
export { signatureHeader, signWebhook, timestampHeader } from './webhook-signature.ts';

const services = new WeakMap<object, MatchingService>();
const auditors = new WeakMap<object, MatchAuditor>();

/**
 * Joint-punishment matching (联合惩戒自动比对): the units and their keys, quotas and usage; the
 * in-memory index of the punishments in force, built from the credit module's snapshot and kept
 * current from its change feed; the match API with its audit; the units' change feed and signed
 * webhooks. Each server process keeps its own index (stopped when the app closes).
 */
export const matchingModule = defineModule({
  name: 'matching',
  jobs: matchingJobs,
  routes(app, ctx) {
    const { database } = ctx;
    const service = createMatchingService(database, ctx.logger);
    services.set(app, service);
    app.addHook('onClose', async () => service.stop());
    const auditor = createMatchAuditor(database.db);
    auditors.set(app, auditor);
    app.addHook('onClose', async () => auditor.stop());
    registerMatchingRoutes(app, { db: database.db, service, auditor, allowance: ctx.allowance });
  },
});

/** The matching service of an app (tests and benchmarks use it to wait for the index). */
export function matchingServiceOf(app: App): MatchingService | undefined {
  return services.get(app);
}

/** Commits the match-call audit records an app has queued (they are otherwise written within 20 ms). */
export async function flushMatchAudit(app: App): Promise<void> {
  await auditors.get(app)?.flush();
}
