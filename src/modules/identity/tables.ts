import { boolean, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const identitySchema = pgSchema('identity');

export const courts = identitySchema.table('courts', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  courtCode: text('court_code').notNull(),
  level: text('level').notNull(),
  divisionCode: text('division_code').notNull(),
  parentId: uuid('parent_id'),
  path: text('path').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = identitySchema.table('users', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  courtId: uuid('court_id').notNull(),
  roles: text('roles').array().notNull(),
  isDisabled: boolean('is_disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const teams = identitySchema.table('teams', {
  id: uuid('id').primaryKey(),
  courtId: uuid('court_id').notNull(),
  name: text('name').notNull(),
  judgeId: uuid('judge_id').notNull(),
  assistantId: uuid('assistant_id'),
  bailiffId: uuid('bailiff_id'),
  clerkId: uuid('clerk_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = identitySchema.table('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  /** Last use, to the minute: the idle timeout counts from here (database time). */
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The administrative areas a grid worker (网格员) watches. */
export const userAreas = identitySchema.table(
  'user_areas',
  {
    userId: uuid('user_id').notNull(),
    areaCode: text('area_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.areaCode] })],
);
