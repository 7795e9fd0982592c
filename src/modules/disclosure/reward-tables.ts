import {
  bigint,
  boolean,
  customType,
  date,
  integer,
  jsonb,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TInvestigationCategory } from './order-contracts.ts';
import { disclosureSchema } from './tables.ts';

/** Reward notices and investigation orders (migrations/0002_rewards_and_orders.sql). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const ts = (name: string) => timestamp(name, { withTimezone: true });

export type PublishedDebtor = { name: string; idNumber: string | null; creditCode: string | null };

export const rewardNotices = disclosureSchema.table('reward_notices', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  caseNumber: text('case_number').notNull(),
  requestId: uuid('request_id').notNull(),
  appliedByKind: text('applied_by_kind').$type<'applicant' | 'lawyer'>().notNull(),
  appliedByName: text('applied_by_name').notNull(),
  appliedById: text('applied_by_id').notNull(),
  rewardFen: bigint('reward_fen', { mode: 'number' }).notNull(),
  text: text('text').notNull(),
  appliedAt: ts('applied_at').notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  state: text('state').$type<'pending' | 'published' | 'rejected'>().notNull().default('pending'),
  decidedAt: ts('decided_at'),
  decidedBy: uuid('decided_by'),
  decidedByName: text('decided_by_name'),
  reason: text('reason'),
  publishedOn: date('published_on', { mode: 'string' }),
  courtName: text('court_name'),
  debtors: jsonb('debtors').$type<PublishedDebtor[]>().notNull().default([]),
  lastClueSeq: integer('last_clue_seq').notNull().default(0),
});

export const rewardClues = disclosureSchema.table('reward_clues', {
  id: uuid('id').primaryKey(),
  noticeId: uuid('notice_id').notNull(),
  seq: integer('seq').notNull(),
  name: text('name').notNull(),
  phone: text('phone').notNull(),
  idNumber: text('id_number').notNull(),
  text: text('text').notNull(),
  submittedAt: ts('submitted_at').notNull(),
  clientHash: text('client_hash').notNull(),
  state: text('state').$type<'submitted' | 'verified'>().notNull().default('submitted'),
  isUseful: boolean('is_useful'),
  rewardFen: bigint('reward_fen', { mode: 'number' }).notNull().default(0),
  note: text('note'),
  verifiedAt: ts('verified_at'),
  verifiedBy: uuid('verified_by'),
  verifiedByName: text('verified_by_name'),
});

export type OrderState = 'pending' | 'granted' | 'refused' | 'revoked';

export const investigationOrders = disclosureSchema.table('investigation_orders', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  caseNumber: text('case_number').notNull(),
  requestId: uuid('request_id').notNull(),
  lawyerId: uuid('lawyer_id').notNull(),
  lawyerName: text('lawyer_name').notNull(),
  lawFirm: text('law_firm').notNull(),
  licenceNumber: text('licence_number').notNull(),
  addressee: text('addressee').notNull(),
  scope: text('scope').notNull(),
  category: text('category').$type<TInvestigationCategory>().notNull(),
  validDays: integer('valid_days').notNull(),
  appliedAt: ts('applied_at').notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  state: text('state').$type<OrderState>().notNull().default('pending'),
  decidedAt: ts('decided_at'),
  decidedBy: uuid('decided_by'),
  decidedByName: text('decided_by_name'),
  reason: text('reason'),
  code: text('code'),
  validFrom: date('valid_from', { mode: 'string' }),
  validUntil: date('valid_until', { mode: 'string' }),
  revokedAt: ts('revoked_at'),
  revokedByName: text('revoked_by_name'),
  revokeReason: text('revoke_reason'),
});

export const investigationResults = disclosureSchema.table('investigation_results', {
  id: uuid('id').primaryKey(),
  orderId: uuid('order_id').notNull(),
  text: text('text').notNull(),
  submittedAt: ts('submitted_at').notNull(),
  submittedByName: text('submitted_by_name').notNull(),
});

export const investigationResultFiles = disclosureSchema.table('investigation_result_files', {
  id: uuid('id').primaryKey(),
  resultId: uuid('result_id').notNull(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  bytes: bytea('bytes').notNull(),
});
