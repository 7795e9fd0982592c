import { defineModule } from '../../platform/module.ts';
import { inboxSources } from '../inbox/index.ts';
import { seedServiceDemo } from './demo-seed.ts';
import { registerDeputyProposalRoutes } from './deputy-proposal-routes.ts';
import { serviceInbox } from './inbox-source.ts';
import { registerServiceRoutes } from './routes.ts';

/**
 * Service at the front door: the service window of the enforcement bureau (执行事务中心,
 * seed 003 item 48) — every visit registered and counted, materials received into the right case with
 * a receipt, progress answered from the case data, meetings booked with the judge — and deputies'
 * suggestions and CPPCC members' proposals (seed 003 item 46), answered within their period and
 * published where the proposer agrees. (The enforcement-risk notice served at filing is the
 * documents module's.)
 */
export const serviceModule = defineModule({
  name: 'service',
  contributions: [inboxSources.provide(serviceInbox)],
  routes(app, ctx) {
    registerServiceRoutes(app, { db: ctx.database.db });
    registerDeputyProposalRoutes(app, { db: ctx.database.db });
  },
  seedDemo: (ctx) => seedServiceDemo(ctx),
});
