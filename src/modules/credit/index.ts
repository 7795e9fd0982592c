/**
 * Credit punishment (信用惩戒): the dishonest-debtor list, consumption and exit restrictions,
 * publication, and the joint-punishment matching service with its change feed and webhooks.
 */

import type { App } from '../../platform/http/server.ts';
import { defineModule } from '../../platform/module.ts';
import { terminationFacts } from '../cases/index.ts';
import { seedCreditDemo } from './demo-seed.ts';
import { creditEvents } from './events.ts';
import { creditJobs } from './jobs/index.ts';
import { registerMatchRoutes } from './match-routes.ts';
import { createMatchAuditor, type MatchAuditor } from './matching/match-audit.ts';
import { createMatchingService, type MatchingService } from './matching/match-service.ts';
import { registerPublicCreditRoutes } from './public-routes.ts';
import { registerRestrictionRoutes } from './restriction-routes.ts';
import { registerCreditRoutes } from './routes.ts';
import { creditSubscribers } from './subscribers.ts';
import { creditTerminationFacts } from './termination-facts.ts';

export { entryDeleted, entryListed } from './events.ts';
export { type IndexState, loadIndexState } from './matching/index-loader.ts';
export { describeRecord, measureNumbersOf } from './matching/index-views.ts';
export type { MatchingService } from './matching/match-service.ts';
export { createMatchingService } from './matching/match-service.ts';
export { contextFor, matchOne } from './matching/matcher.ts';
export { MeasureIndex } from './matching/measure-index.ts';
export { normaliseName, splitLegalForm } from './matching/name-key.ts';
export { packCreditCode, packIdNumber } from './matching/subject-key.ts';
export { scenes } from './rules/scenes.ts';
export { approveEntry } from './use-cases/decide-entry.ts';
export { restrictExit } from './use-cases/exit-restriction.ts';
export { expireTerms } from './use-cases/expire-terms.ts';
export { listRespondent } from './use-cases/list-respondent.ts';
export { orderRestriction } from './use-cases/order-restriction.ts';
export { pushWebhooks, signatureHeader, signWebhook, timestampHeader } from './use-cases/push-webhooks.ts';

const services = new WeakMap<object, MatchingService>();
const auditors = new WeakMap<object, MatchAuditor>();

/**
 * Credit punishment (信用惩戒): the dishonest-debtor list, consumption and exit restrictions,
 * publication, and the joint-punishment matching service with its change feed and webhooks. Each
 * server process keeps its own matching index (stopped when the app closes).
 */
export const creditModule = defineModule({
  name: 'credit',
  events: creditEvents,
  subscribers: creditSubscribers,
  jobs: creditJobs,
  contributions: [terminationFacts.provide(creditTerminationFacts)],
  routes(app, ctx) {
    const { database } = ctx;
    const service = createMatchingService(database, ctx.logger);
    services.set(app, service);
    app.addHook('onClose', async () => service.stop());
    registerCreditRoutes(app, { db: database.db });
    registerRestrictionRoutes(app, { db: database.db });
    const auditor = createMatchAuditor(database.db);
    auditors.set(app, auditor);
    app.addHook('onClose', async () => auditor.stop());
    registerMatchRoutes(app, { db: database.db, service, auditor });
    registerPublicCreditRoutes(app, { db: database.db });
  },
  seedDemo: (ctx) => seedCreditDemo(ctx.database.db, { logger: ctx.logger, today: ctx.today }),
});

/** The matching service of an app (tests and benchmarks use it to wait for the index). */
export function matchingServiceOf(app: App): MatchingService | undefined {
  return services.get(app);
}

/** Commits the match-call audit records an app has queued (they are otherwise written within 20 ms). */
export async function flushMatchAudit(app: App): Promise<void> {
  await auditors.get(app)?.flush();
}
