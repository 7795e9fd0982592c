import {
  bigint,
  boolean,
  customType,
  date,
  integer,
  pgSchema,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const disclosureSchema = pgSchema('disclosure');

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const loginCodes = disclosureSchema.table('login_codes', {
  pairHash: text('pair_hash').primaryKey(),
  codeHash: text('code_hash'),
  expiresAt: ts('expires_at'),
  sentAt: ts('sent_at'),
  usedAt: ts('used_at'),
  failures: integer('failures').notNull().default(0),
  lockedUntil: ts('locked_until'),
});

export const lawyers = disclosureSchema.table('lawyers', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  lawFirm: text('law_firm').notNull(),
  licenceNumber: text('licence_number').notNull(),
  phone: text('phone').notNull(),
  passwordHash: text('password_hash').notNull(),
  courtId: uuid('court_id').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const sessions = disclosureSchema.table('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  kind: text('kind').$type<'party' | 'lawyer'>().notNull(),
  subjectId: text('subject_id').notNull(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

export const requests = disclosureSchema.table('requests', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  kind: text('kind').notNull(),
  text: text('text').notNull(),
  submitterKind: text('submitter_kind').$type<'applicant' | 'respondent' | 'lawyer'>().notNull(),
  submitterName: text('submitter_name').notNull(),
  submitterId: text('submitter_id').notNull(),
  submittedAt: ts('submitted_at').notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  dueRule: text('due_rule').notNull(),
  isUrgent: boolean('is_urgent').notNull().default(false),
  state: text('state').$type<'open' | 'answered'>().notNull().default('open'),
  outcome: text('outcome').$type<'accepted' | 'rejected' | 'noted'>(),
  answer: text('answer'),
  answeredAt: ts('answered_at'),
  answeredBy: uuid('answered_by'),
  answeredByName: text('answered_by_name'),
});

export const requestFiles = disclosureSchema.table('request_files', {
  id: uuid('id').primaryKey(),
  requestId: uuid('request_id').notNull(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  bytes: bytea('bytes').notNull(),
});

export const notices = disclosureSchema.table('notices', {
  id: uuid('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  dedupeKey: text('dedupe_key').notNull(),
  subjectKind: text('subject_kind').$type<'party' | 'lawyer'>().notNull(),
  subjectId: text('subject_id').notNull(),
  caseId: uuid('case_id').notNull(),
  caseNumber: text('case_number').notNull(),
  kind: text('kind').notNull(),
  text: text('text').notNull(),
  createdAt: ts('created_at').notNull(),
  readAt: ts('read_at'),
});

export const preferences = disclosureSchema.table('preferences', {
  subjectKind: text('subject_kind').$type<'party' | 'lawyer'>().notNull(),
  subjectId: text('subject_id').notNull(),
  sms: boolean('sms').notNull(),
  inApp: boolean('in_app').notNull(),
});

export const searchLog = disclosureSchema.table('search_log', {
  id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
  queryHash: text('query_hash').notNull(),
  purpose: text('purpose'),
  clientHash: text('client_hash').notNull(),
  searchedAt: ts('searched_at').notNull(),
});
