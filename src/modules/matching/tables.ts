import { bigint, date, integer, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const matchingSchema = pgSchema('matching');

/** Joint-punishment units (联合惩戒单位) and their keys: only the key's SHA-256 is kept. */
export const units = matchingSchema.table('units', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  capability: text('capability').notNull(),
  scene: text('scene').notNull(),
  keyHash: text('key_hash').notNull(),
  keyPrefix: text('key_prefix').notNull(),
  ratePerMinute: integer('rate_per_minute').notNull(),
  dailyQuota: bigint('daily_quota', { mode: 'number' }).notNull(),
  webhookUrl: text('webhook_url'),
  webhookSecret: text('webhook_secret'),
  /** The administrator (an identity user id; no foreign key across modules). */
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedBy: uuid('revoked_by'),
});

/** Calls, subjects and hits per unit and China day: the daily quota is counted here. */
export const unitUsage = matchingSchema.table(
  'unit_usage',
  {
    unitId: uuid('unit_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    calls: bigint('calls', { mode: 'number' }).notNull().default(0),
    subjects: bigint('subjects', { mode: 'number' }).notNull().default(0),
    hits: bigint('hits', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day] })],
);

/** Secrets the module generates for itself: the pepper of the non-hit digests in match audits. */
export const secrets = matchingSchema.table('secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});

/** How far each unit's webhook has been pushed along the credit change feed. */
export const webhookCursors = matchingSchema.table('webhook_cursors', {
  unitId: uuid('unit_id').primaryKey(),
  deliveredSeq: bigint('delivered_seq', { mode: 'number' }).notNull().default(0),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  lastError: text('last_error'),
});
