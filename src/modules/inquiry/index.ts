import { defineModule } from '../../platform/module.ts';
import { terminationFacts } from '../cases/index.ts';
import { inboxSources } from '../inbox/index.ts';
import { registerInquiryAdminRoutes } from './admin-routes.ts';
import { closeSlotSignal } from './engine/slot-signal.ts';
import { inquiryEvents } from './events.ts';
import { inquiryInbox } from './inbox-source.ts';
import { inquiryJobs } from './jobs/index.ts';
import { registerInquiryCaseRoutes } from './routes.ts';
import { inquiryTerminationFacts } from './termination-facts.ts';
import { requeryPlanSubscriber } from './use-cases/requery.ts';

export { caseInquiryCompleted, deducted, measureTookEffect, requeryCompleted } from './events.ts';
export { type AssetPosition, readAssetPositions } from './use-cases/asset-position.ts';
export {
  type ControlledAsset,
  controlledOnByAsset,
  findCaseAsset,
  listControlledAssets,
} from './use-cases/controlled-assets.ts';
export { createMeasure } from './use-cases/create-measure.ts';
export { feedbackWorkbook } from './use-cases/export-assets.ts';
export type { FeedbackItem } from './use-cases/feedback-list.ts';
export { insertInstitution, saveCallbackBase } from './use-cases/manage-institutions.ts';
export { partyInquirySummary } from './use-cases/party-summary.ts';
export { launchDueRequeries } from './use-cases/requery.ts';
export { listRespondentAssets, type RespondentAsset } from './use-cases/respondent-assets.ts';
export { settleCaseInquiries } from './use-cases/settle.ts';
export { warnExpiringMeasures } from './use-cases/warn-expiring.ts';

/**
 * Online inquiry and control (网络查控): the registry of institutions, queries fanned out to them
 * over the signed protocol (docs/protocols/inquiry.md), feedback lists, control measures, the
 * asset-clue graph, and the 终本 re-queries every six months.
 */
export const inquiryModule = defineModule({
  name: 'inquiry',
  events: inquiryEvents,
  subscribers: [requeryPlanSubscriber],
  jobs: inquiryJobs,
  contributions: [terminationFacts.provide(inquiryTerminationFacts), inboxSources.provide(inquiryInbox)],
  routes(app, ctx) {
    const { database, config, logger } = ctx;
    registerInquiryCaseRoutes(app, { db: database.db, options: { dailyQuota: config.inquiryDailyQuota } });
    registerInquiryAdminRoutes(app, {
      database,
      logger,
      callbackBaseUrl: (port) => config.publicUrl ?? `http://127.0.0.1:${port}`,
    });
  },
  async startWorker(ctx) {
    // The drivers' wake-up channel is opened by the first driver; closed when the worker stops.
    return { stop: () => closeSlotSignal(ctx.database) };
  },
});
