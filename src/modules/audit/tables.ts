import { bigint, bigserial, date, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditSchema = pgSchema('audit');

export const records = auditSchema.table('records', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  courtId: uuid('court_id'),
  action: text('action').notNull(),
  objectType: text('object_type').notNull(),
  objectId: text('object_id'),
  purpose: text('purpose'),
  outcome: text('outcome').notNull().default('ok'),
  detail: jsonb('detail'),
  chainSeq: bigint('chain_seq', { mode: 'number' }),
  prevHash: text('prev_hash'),
  hash: text('hash'),
});

/** Signed checkpoints of the chain's head, as also appended to the checkpoint file (docs/decisions/0012). */
export const checkpoints = auditSchema.table('checkpoints', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** Which database's chain: a digest of the server's system identifier and the database's name. */
  chain: text('chain').notNull(),
  chainSeq: bigint('chain_seq', { mode: 'number' }).notNull(),
  headHash: text('head_hash').notNull(),
  /** The instant signed, exactly as in the signed message (ms). */
  signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** Its China date, for the daily roots. */
  chinaDate: date('china_date', { mode: 'string' }).notNull(),
  keyId: text('key_id').notNull(),
  signature: text('signature').notNull(),
});
