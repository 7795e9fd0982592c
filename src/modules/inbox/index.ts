import { defineModule } from '../../platform/module.ts';
import { registerInboxRoutes } from './routes.ts';
import { inboxSources } from './sources.ts';

export { inboxKindValues, type TInboxItem, type TInboxKind } from './contracts.ts';
export { endOfChinaDate, type InboxEntry, type InboxSource, inboxSources } from './sources.ts';

/**
 * The to-do inbox (待办) and its bell: approvals waiting for a leader, deadlines about to pass,
 * answers arrived, messages from parties, supervisions and entrustments — each module adds its
 * kinds through the `inboxSources` extension point, and the inbox keeps only what was opened.
 */
export const inboxModule = defineModule({
  name: 'inbox',
  routes(app, ctx) {
    registerInboxRoutes(app, { db: ctx.database.db, sources: ctx.extensions.all(inboxSources) });
  },
});
