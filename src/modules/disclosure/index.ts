import { defineModule } from '../../platform/module.ts';
import { inboxSources } from '../inbox/index.ts';
import { seedDisclosureDemo } from './demo-seed.ts';
import { disclosureInbox } from './inbox-source.ts';
import { disclosureJobs } from './jobs.ts';
import { registerOrderRoutes } from './order-routes.ts';
import { registerPartyRoutes } from './party-routes.ts';
import { registerPublicRoutes } from './public-routes.ts';
import { registerRewardRoutes } from './reward-routes.ts';
import { partyNotifications } from './subscribers.ts';
import { registerTeamRoutes } from './team-routes.ts';

export { demoApplicant, demoDebtor } from './demo-seed.ts';
export { openPortalSession, type PortalUser, portalTokenHeader, requirePortalUser } from './portal-auth.ts';
export { type CaseAccess, loadCaseAccess } from './use-cases/party-access.ts';
export { notifyApplicants } from './use-cases/party-notices.ts';
export { openRequest } from './use-cases/party-requests.ts';

/**
 * Disclosure and service (执行公开, seed 003 items 41–45): the public portal's searches and lists,
 * moved here from the modules that keep the records; the party and lawyer portal (sign-in by SMS
 * code, progress, clues, messages, applications, notices); reward notices and lawyers'
 * investigation orders.
 */
export const disclosureModule = defineModule({
  name: 'disclosure',
  subscribers: [partyNotifications],
  jobs: disclosureJobs,
  contributions: [inboxSources.provide(disclosureInbox)],
  routes(app, ctx) {
    const db = ctx.database.db;
    registerPublicRoutes(app, { db, idMask: ctx.config.idMask, powThreshold: ctx.config.publicPowThreshold });
    registerPartyRoutes(app, { db });
    registerTeamRoutes(app, { db });
    registerRewardRoutes(app, { db });
    registerOrderRoutes(app, { db });
  },
  seedDemo: (ctx) => seedDisclosureDemo(ctx),
});
