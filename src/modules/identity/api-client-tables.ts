import { bigint, date, integer, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { identitySchema } from './tables.ts';

export const apiClients = identitySchema.table('api_clients', {
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
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedBy: uuid('revoked_by'),
});

export const apiClientUsage = identitySchema.table(
  'api_client_usage',
  {
    clientId: uuid('client_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    calls: bigint('calls', { mode: 'number' }).notNull().default(0),
    subjects: bigint('subjects', { mode: 'number' }).notNull().default(0),
    hits: bigint('hits', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.day] })],
);

export const userAreas = identitySchema.table(
  'user_areas',
  {
    userId: uuid('user_id').notNull(),
    areaCode: text('area_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.areaCode] })],
);
