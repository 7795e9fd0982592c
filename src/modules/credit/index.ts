/**
 * Credit punishment (信用惩戒): the dishonest-debtor list, consumption and exit restrictions,
 * corrections, publication, and the ordered change feed of punishments that the matching module
 * and grid workers read.
 */

import { defineModule } from '../../platform/module.ts';
import { terminationFacts } from '../cases/index.ts';
import { inboxSources } from '../inbox/index.ts';
import { seedCreditDemo } from './demo-seed.ts';
import { creditEvents } from './events.ts';
import { registerGridRoutes } from './grid-routes.ts';
import { creditInbox } from './inbox-source.ts';
import { creditJobs } from './jobs/index.ts';
import { registerRestrictionRoutes } from './restriction-routes.ts';
import { registerCreditRoutes } from './routes.ts';
import { creditSubscribers } from './subscribers.ts';
import { creditTerminationFacts } from './termination-facts.ts';

export type { ChangeKind } from './credit-store.ts';
export { entryDeleted, entryListed } from './events.ts';
export type { RestrictedBehaviour } from './rules/consumption.ts';
export { ageOfMajority } from './rules/grounds.ts';
export {
  isPunishmentKind,
  PunishmentCode,
  type PunishmentKind,
  type PunishmentRole,
  punishmentKinds,
  punishmentRoles,
  referenceOf,
} from './rules/punishment.ts';
export { type CreditRecord, type CreditSubject, readCreditRecords } from './use-cases/credit-record.ts';
export { approveEntry } from './use-cases/decide-entry.ts';
export { restrictExit } from './use-cases/exit-restriction.ts';
export { expireTerms } from './use-cases/expire-terms.ts';
// What the matching module reads of the punishments this module publishes.
export { listChangesAfter, type PunishmentChange } from './use-cases/list-changes-after.ts';
export { type CourtNumber, listCourtNumbers } from './use-cases/list-court-numbers.ts';
export { listRespondent } from './use-cases/list-respondent.ts';
export { listSpendingPermissions, type SpendingPermission } from './use-cases/list-spending-permissions.ts';
export { orderRestriction } from './use-cases/order-restriction.ts';
export {
  parsePublicQuery,
  publicMaxPage,
  publicPageSize,
  searchPublicDishonest,
  searchPublicRestricted,
} from './use-cases/public-search.ts';
export {
  type PunishmentSnapshot,
  readPunishmentSnapshot,
  SnapshotColumn,
} from './use-cases/read-punishment-snapshot.ts';

export const creditModule = defineModule({
  name: 'credit',
  events: creditEvents,
  subscribers: creditSubscribers,
  jobs: creditJobs,
  contributions: [terminationFacts.provide(creditTerminationFacts), inboxSources.provide(creditInbox)],
  routes(app, ctx) {
    const db = ctx.database.db;
    registerCreditRoutes(app, { db });
    registerRestrictionRoutes(app, { db });
    registerGridRoutes(app, { db });
  },
  seedDemo: (ctx) => seedCreditDemo(ctx.database.db, { logger: ctx.logger, today: ctx.today }),
});
