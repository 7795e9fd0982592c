import type { Database } from '../../platform/db.ts';
import type { App } from '../../platform/http/server.ts';
import type { Logger } from '../../platform/logging.ts';
import { registerTerminationFactProvider } from '../cases/index.ts';
import { registerInquiryAdminRoutes } from './admin-routes.ts';
import { registerInquiryCaseRoutes } from './routes.ts';
import { hasOnlineInquiryDone } from './use-cases/case-nodes.ts';
import type { InquiryOptions } from './use-cases/launch-inquiry.ts';

export { closeSlotSignal } from './engine/slot-signal.ts';
export { inquiryJobs } from './jobs/index.ts';
export { type DueCaseNode, listDueCaseNodes, markCaseNode } from './use-cases/case-nodes.ts';
export type { InquiryOptions } from './use-cases/launch-inquiry.ts';
export { insertInstitution, saveCallbackBase } from './use-cases/manage-institutions.ts';
export { launchDueRequeries, requeryPlanSubscriber } from './use-cases/requery.ts';
export { settleCaseInquiries } from './use-cases/settle.ts';
export { warnExpiringMeasures } from './use-cases/warn-expiring.ts';

export function registerInquiryRoutes(
  app: App,
  deps: {
    database: Database;
    logger: Logger;
    options: InquiryOptions;
    callbackBaseUrl: (port: number) => string;
  },
): void {
  registerInquiryCaseRoutes(app, { db: deps.database.db, options: deps.options });
  registerInquiryAdminRoutes(app, deps);
}

let isFactProviderRegistered = false;

/** The 终本 checklist learns "online inquiry done" from finished inquiries (终本规定 art. 1(3)). */
export function registerInquiryTerminationFacts(): void {
  if (isFactProviderRegistered) return;
  isFactProviderRegistered = true;
  registerTerminationFactProvider(async (tx, caseId) =>
    (await hasOnlineInquiryDone(tx, caseId)) ? { onlineInquiryDone: true } : {},
  );
}
