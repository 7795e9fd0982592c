import { defineModule } from '../../platform/module.ts';
import { registerAdditionRoutes } from './additions/routes.ts';
import { registerAidAndReferralRoutes } from './aid-routes.ts';
import { seedProceduresDemo } from './demo-seed.ts';
import { proceduresJobs } from './jobs.ts';
import { registerReportRoutes } from './report-routes.ts';
import { registerSanctionRoutes } from './sanction-routes.ts';
import { registerSettlementRoutes } from './settlement-routes.ts';
import { propertyReportOrders } from './subscribers.ts';
import { registerSupervisionAuditSearchRoutes } from './supervision-audit-search-routes.ts';

export { lateReportsJob, settlementRemindersJob } from './jobs.ts';
export { propertyReportOrders } from './subscribers.ts';
export { openReportObligations, type RecordedNode } from './use-cases/report-obligations.ts';

/**
 * Procedures of a case besides the mainline (DOMAIN.md §9): enforcement settlements (执行和解) —
 * instalments, payments to the applicant, reminders, default and restoration — and property
 * reports (报告财产令) — each respondent's obligation opened by the order, reports through the
 * party portal or from paper, compared with the online inquiry, late ones swept daily.
 */
export const proceduresModule = defineModule({
  name: 'procedures',
  subscribers: [propertyReportOrders],
  jobs: proceduresJobs,
  routes(app, ctx) {
    const db = ctx.database.db;
    registerSettlementRoutes(app, { db });
    registerReportRoutes(app, { db });
    registerSanctionRoutes(app, { db });
    registerAidAndReferralRoutes(app, { db });
    registerSupervisionAuditSearchRoutes(app, { db });
    registerAdditionRoutes(app, { db });
  },
  seedDemo: (ctx) => seedProceduresDemo(ctx),
});
