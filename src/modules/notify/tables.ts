import { bigint, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Columns typed as unions hold only those values: each has its check constraint (0001_notify.sql).
export const notifySchema = pgSchema('notify');

export type Channel = 'sms' | 'inApp';
export type SmsState = 'queued' | 'sending' | 'sent' | 'failed';
export type InAppState = 'unread' | 'read';
export type DeliveryOutcome = 'inFlight' | 'accepted' | 'rejected' | 'unavailable' | 'interrupted';

export const messages = notifySchema.table('messages', {
  id: uuid('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  channel: text('channel').$type<Channel>().notNull(),
  dedupeKey: text('dedupe_key').notNull(),
  /** A phone number (sms) or a user id (inApp). */
  recipient: text('recipient').notNull(),
  caseId: uuid('case_id'),
  courtId: uuid('court_id'),
  kind: text('kind').notNull(),
  title: text('title'),
  body: text('body').notNull(),
  state: text('state').$type<SmsState | InAppState>().notNull(),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  readAt: timestamp('read_at', { withTimezone: true }),
});

export const deliveries = notifySchema.table('deliveries', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  messageId: uuid('message_id').notNull(),
  attempt: integer('attempt').notNull(),
  attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  outcome: text('outcome').$type<DeliveryOutcome>().notNull(),
  httpStatus: integer('http_status'),
  detail: text('detail'),
});
