import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  numeric,
  pgSchema,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MeasureKind } from './rules/asset-types.ts';

export const inquirySchema = pgSchema('inquiry');

const instant = (name: string) => timestamp(name, { withTimezone: true });

export const institutions = inquirySchema.table('institutions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  channel: text('channel').notNull(),
  baseUrl: text('base_url').notNull(),
  signingKey: text('signing_key').notNull(),
  assetTypes: text('asset_types').array().notNull(),
  operations: text('operations').array().notNull(),
  concurrency: integer('concurrency').notNull(),
  ratePerSecond: integer('rate_per_second').notNull(),
  isEnabled: boolean('is_enabled').notNull(),
  maxAttempts: integer('max_attempts').notNull(),
  retryBaseSeconds: integer('retry_base_seconds').notNull(),
  pollAfterSeconds: integer('poll_after_seconds').notNull(),
  answerTimeoutSeconds: integer('answer_timeout_seconds').notNull(),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  circuitOpenUntil: instant('circuit_open_until'),
  pausedUntil: instant('paused_until'),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const settings = inquirySchema.table('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const batches = inquirySchema.table('batches', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  courtId: uuid('court_id'),
  requestedBy: uuid('requested_by'),
  purpose: text('purpose').notNull(),
  caseCount: integer('case_count').notNull(),
  requestCount: integer('request_count').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const caseInquiries = inquirySchema.table('case_inquiries', {
  id: uuid('id').primaryKey(),
  batchId: uuid('batch_id').notNull(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  caseNumber: text('case_number').notNull(),
  kind: text('kind').notNull(),
  requeryRound: integer('requery_round'),
  requestedBy: uuid('requested_by'),
  purpose: text('purpose').notNull(),
  doneAt: instant('done_at'),
  answeredCount: integer('answered_count'),
  foundCount: integer('found_count'),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const requests = inquirySchema.table('requests', {
  id: uuid('id').primaryKey(),
  batchId: uuid('batch_id'),
  caseInquiryId: uuid('case_inquiry_id'),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  respondentPartyId: uuid('respondent_party_id'),
  measureId: uuid('measure_id'),
  institution: text('institution').notNull(),
  operation: text('operation').notNull(),
  body: jsonb('body').$type<Record<string, unknown>>().notNull(),
  state: text('state').notNull(),
  priority: integer('priority').notNull().default(1),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
  leaseUntil: instant('lease_until'),
  remoteRequestId: text('remote_request_id'),
  acceptedAt: instant('accepted_at'),
  pollAt: instant('poll_at'),
  answeredAt: instant('answered_at'),
  result: jsonb('result').$type<Record<string, unknown>>(),
  lastError: text('last_error'),
  requestedBy: uuid('requested_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export type StoredEncumbrance = {
  court: string;
  caseNumber: string;
  kind: string;
  amountFen?: number;
  until?: string;
  queuePosition?: number;
};

export const assets = inquirySchema.table('assets', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  respondentPartyId: uuid('respondent_party_id').notNull(),
  respondentName: text('respondent_name').notNull(),
  institution: text('institution').notNull(),
  channel: text('channel').notNull(),
  assetType: text('asset_type').notNull(),
  identifier: text('identifier').notNull(),
  description: text('description').notNull(),
  valueFen: bigint('value_fen', { mode: 'number' }),
  balanceFen: bigint('balance_fen', { mode: 'number' }),
  frozenFen: bigint('frozen_fen', { mode: 'number' }),
  availableFen: bigint('available_fen', { mode: 'number' }),
  encumbrances: jsonb('encumbrances').$type<StoredEncumbrance[]>().notNull().default([]),
  extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
  firstRequestId: uuid('first_request_id').notNull(),
  lastRequestId: uuid('last_request_id').notNull(),
  firstAnsweredAt: instant('first_answered_at').notNull(),
  answeredAt: instant('answered_at').notNull(),
});

export const relations = inquirySchema.table('relations', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  respondentPartyId: uuid('respondent_party_id').notNull(),
  institution: text('institution').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  idNumber: text('id_number'),
  creditCode: text('credit_code'),
  sharePct: numeric('share_pct', { mode: 'number' }),
  answeredAt: instant('answered_at').notNull(),
});

export const measures = inquirySchema.table('measures', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  assetId: uuid('asset_id').notNull(),
  institution: text('institution').notNull(),
  // The column's check constraint holds it to the measure kinds.
  kind: text('kind').$type<MeasureKind>().notNull(),
  targetMeasureId: uuid('target_measure_id'),
  state: text('state').notNull(),
  requestedFen: bigint('requested_fen', { mode: 'number' }),
  amountFen: bigint('amount_fen', { mode: 'number' }),
  deductedFen: bigint('deducted_fen', { mode: 'number' }).notNull().default(0),
  until: date('until', { mode: 'string' }),
  remoteMeasureId: text('remote_measure_id'),
  transferId: text('transfer_id'),
  queuePosition: integer('queue_position'),
  reason: text('reason'),
  documentName: text('document_name').notNull(),
  documentText: text('document_text').notNull(),
  requestId: uuid('request_id'),
  requestedBy: uuid('requested_by').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
  answeredAt: instant('answered_at'),
});

export const quotaUsage = inquirySchema.table('quota_usage', {
  userId: uuid('user_id').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  used: integer('used').notNull(),
});

export type PlannedRespondent = {
  partyId: string;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
};

export const requeryPlans = inquirySchema.table('requery_plans', {
  caseId: uuid('case_id').primaryKey(),
  courtId: uuid('court_id').notNull(),
  caseNumber: text('case_number').notNull(),
  closedOn: date('closed_on', { mode: 'string' }).notNull(),
  respondents: jsonb('respondents').$type<PlannedRespondent[]>().notNull(),
  nextRound: integer('next_round').notNull().default(1),
  nextDueOn: date('next_due_on', { mode: 'string' }),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const requeryResults = inquirySchema.table('requery_results', {
  caseId: uuid('case_id').notNull(),
  respondentPartyId: uuid('respondent_party_id').notNull(),
  round: integer('round').notNull(),
  caseInquiryId: uuid('case_inquiry_id').notNull(),
  hasFoundAssets: boolean('has_found_assets').notNull(),
  newAssetCount: integer('new_asset_count').notNull(),
  completedOn: date('completed_on', { mode: 'string' }).notNull(),
});

export const notices = inquirySchema.table('notices', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  kind: text('kind').notNull(),
  audience: text('audience').notNull().default('team'),
  measureId: uuid('measure_id'),
  recipientIds: uuid('recipient_ids').array().notNull().default([]),
  title: text('title').notNull(),
  body: text('body').notNull(),
  dedupeKey: text('dedupe_key').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
  readAt: instant('read_at'),
});
