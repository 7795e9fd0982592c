import { bigint, boolean, date, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CaseType } from '../../kernel/index.ts';
import type { TCorrectedFields } from './party-correction-contracts.ts';

export const casesSchema = pgSchema('cases');

export const caseNumberCounters = casesSchema.table('case_number_counters', {
  courtCode: text('court_code').notNull(),
  year: integer('year').notNull(),
  caseType: text('case_type').notNull(),
  lastSequence: integer('last_sequence').notNull(),
});

export const cases = casesSchema.table('cases', {
  id: uuid('id').primaryKey(),
  courtId: uuid('court_id').notNull(),
  courtPath: text('court_path').notNull(),
  courtCode: text('court_code').notNull(),
  // Written only by filing and restoration, from the kernel's case types.
  caseType: text('case_type').$type<CaseType>().notNull(),
  year: integer('year').notNull(),
  sequence: integer('sequence').notNull(),
  caseNumber: text('case_number').notNull(),
  status: text('status').notNull(),
  filedOn: date('filed_on', { mode: 'string' }).notNull(),
  filedBy: uuid('filed_by').notNull(),
  basisKind: text('basis_kind').notNull(),
  basisDocumentNumber: text('basis_document_number').notNull(),
  basisIssuedBy: text('basis_issued_by').notNull(),
  basisEffectiveDate: date('basis_effective_date', { mode: 'string' }).notNull(),
  claimAmountFen: bigint('claim_amount_fen', { mode: 'number' }).notNull(),
  recoveredFen: bigint('recovered_fen', { mode: 'number' }).notNull().default(0),
  triage: text('triage'),
  flags: text('flags').array().notNull().default([]),
  isNonLitigation: boolean('is_non_litigation').notNull().default(false),
  teamId: uuid('team_id'),
  judgeId: uuid('judge_id'),
  assistantId: uuid('assistant_id'),
  bailiffId: uuid('bailiff_id'),
  clerkId: uuid('clerk_id'),
  closingType: text('closing_type'),
  closingReason: text('closing_reason'),
  closedOn: date('closed_on', { mode: 'string' }),
  closedBy: uuid('closed_by'),
  restoredFromId: uuid('restored_from_id'),
  restoredToId: uuid('restored_to_id'),
  nextDeadlineKind: text('next_deadline_kind'),
  nextDeadlineOn: date('next_deadline_on', { mode: 'string' }),
  handlingDueOn: date('handling_due_on', { mode: 'string' }),
  searchTokens: text('search_tokens').array().notNull().default([]),
  searchText: text('search_text').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type AgentRecord = {
  name: string;
  kind: 'lawyer' | 'agent';
  lawFirm?: string | null;
  licenseNumber?: string | null;
  phone?: string | null;
};

export const parties = casesSchema.table('parties', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  role: text('role').notNull(),
  position: integer('position').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  idNumber: text('id_number'),
  creditCode: text('credit_code'),
  phone: text('phone'),
  address: text('address'),
  legalRepresentative: text('legal_representative'),
  agents: jsonb('agents').$type<AgentRecord[]>().notNull().default([]),
  /** 变更追加规定 arts. 10, 17–19, 22: an added respondent's limit of liability; null when unlimited. */
  liabilityLimitFen: bigint('liability_limit_fen', { mode: 'number' }),
});

export type DocumentRef = { name: string };

export const nodes = casesSchema.table('nodes', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  kind: text('kind').notNull(),
  occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull(),
  note: text('note').notNull().default(''),
  documents: jsonb('documents').$type<DocumentRef[]>().notNull().default([]),
  /** What caused a node recorded for another module (`inquiry.case-inquiry:<id>`): recorded once. */
  sourceKey: text('source_key'),
});

/** What a correction after filing replaced (migrations/0007): the old values are kept. */
export const partyChanges = casesSchema.table('party_changes', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  partyId: uuid('party_id').notNull(),
  before: jsonb('before').$type<TCorrectedFields>().notNull(),
  after: jsonb('after').$type<TCorrectedFields>().notNull(),
  reason: text('reason').notNull(),
  changedBy: uuid('changed_by').notNull(),
  changedByName: text('changed_by_name').notNull(),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});
