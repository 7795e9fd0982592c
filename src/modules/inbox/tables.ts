import { pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const inboxSchema = pgSchema('inbox');

/** Which to-do item a user has opened; the items themselves are computed (use-cases/read-inbox.ts). */
export const reads = inboxSchema.table(
  'reads',
  {
    userId: uuid('user_id').notNull(),
    itemId: text('item_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.itemId] })],
);
