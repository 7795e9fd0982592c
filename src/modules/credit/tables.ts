import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  integer,
  jsonb,
  pgSchema,
  serial,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { BoundRole } from './rules/consumption.ts';
import type { CorrectionGround } from './rules/correction.ts';

// Columns typed as unions hold only those values: each has its check constraint (0001_credit.sql).
export const creditSchema = pgSchema('credit');

export const courts = creditSchema.table('courts', {
  courtNo: serial('court_no').primaryKey(),
  courtId: uuid('court_id').notNull(),
  name: text('name').notNull(),
  courtCode: text('court_code').notNull(),
});

/** What the judge declared about the art. 3 exclusions when asking to list. */
export type DeclaredExclusions = {
  hasAdequateSecurity?: boolean;
  controlledPropertyFen?: number;
  isDueInOrderOfPerformance?: boolean;
};

const caseColumns = {
  caseId: uuid('case_id').notNull(),
  caseNumber: text('case_number').notNull(),
  caseYear: integer('case_year').notNull(),
  caseType: text('case_type').notNull(),
  caseSeq: integer('case_seq').notNull(),
  courtId: uuid('court_id').notNull(),
  courtNo: integer('court_no').notNull(),
  courtPath: text('court_path').notNull(),
  respondentPartyId: uuid('respondent_party_id').notNull(),
  subjectKind: text('subject_kind').notNull(),
  name: text('name').notNull(),
  idNumber: text('id_number'),
  creditCode: text('credit_code'),
};

export const entries = creditSchema.table('entries', {
  id: uuid('id').primaryKey(),
  punishmentNo: bigint('punishment_no', { mode: 'number' })
    .notNull()
    .default(sql`nextval('credit.punishment_no')`),
  ...caseColumns,
  caseFiledOn: date('case_filed_on', { mode: 'string' }).notNull(),
  legalRepresentative: text('legal_representative'),
  divisionCode: text('division_code'),
  ground: smallint('ground').notNull(),
  facts: text('facts').notNull(),
  initiatedBy: text('initiated_by').$type<'ownMotion' | 'application'>().notNull(),
  applicantPartyId: uuid('applicant_party_id'),
  applicationReceivedOn: date('application_received_on', { mode: 'string' }),
  decisionDueOn: date('decision_due_on', { mode: 'string' }),
  exclusions: jsonb('exclusions').$type<DeclaredExclusions>().notNull().default({}),
  extendYears: smallint('extend_years').notNull().default(0),
  graceMonths: smallint('grace_months').notNull().default(0),
  state: text('state').$type<'pendingApproval' | 'listed' | 'refused' | 'deleted' | 'revoked'>().notNull(),
  requestedOn: date('requested_on', { mode: 'string' }).notNull(),
  requestedBy: uuid('requested_by').notNull(),
  requestedByName: text('requested_by_name').notNull(),
  decidedOn: date('decided_on', { mode: 'string' }),
  approvedBy: uuid('approved_by'),
  approvedByName: text('approved_by_name'),
  publishFrom: date('publish_from', { mode: 'string' }),
  expiresOn: date('expires_on', { mode: 'string' }),
  obligationFen: bigint('obligation_fen', { mode: 'number' }).notNull(),
  performedFen: bigint('performed_fen', { mode: 'number' }).notNull(),
  basisDocumentNumber: text('basis_document_number').notNull(),
  basisIssuedBy: text('basis_issued_by').notNull(),
  decisionLetter: text('decision_letter'),
  refusalReason: text('refusal_reason'),
  deletedOn: date('deleted_on', { mode: 'string' }),
  deletionGround: text('deletion_ground'),
  deletionReason: text('deletion_reason'),
  deletionDueOn: date('deletion_due_on', { mode: 'string' }),
  deletionLetter: text('deletion_letter'),
  isCreditRepair: boolean('is_credit_repair').notNull().default(false),
  deletedAtRequestOf: text('deleted_at_request_of'),
  revokedOn: date('revoked_on', { mode: 'string' }),
  revocationReason: text('revocation_reason'),
  searchTokens: text('search_tokens').array().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const entryHistory = creditSchema.table('entry_history', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  entryId: uuid('entry_id').notNull(),
  action: text('action').notNull(),
  fromState: text('from_state'),
  toState: text('to_state').notNull(),
  changes: jsonb('changes').$type<Record<string, unknown>>().notNull().default({}),
  reason: text('reason').notNull().default(''),
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull(),
  occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});

export const restrictions = creditSchema.table('restrictions', {
  id: uuid('id').primaryKey(),
  ...caseColumns,
  behaviours: smallint('behaviours').array().notNull(),
  state: text('state').$type<'active' | 'lifted'>().notNull(),
  orderedOn: date('ordered_on', { mode: 'string' }).notNull(),
  orderedBy: uuid('ordered_by').notNull(),
  orderedByName: text('ordered_by_name').notNull(),
  orderText: text('order_text').notNull(),
  entryId: uuid('entry_id'),
  liftedOn: date('lifted_on', { mode: 'string' }),
  liftGround: text('lift_ground'),
  liftReason: text('lift_reason'),
  liftedBy: uuid('lifted_by'),
  isCreditRepair: boolean('is_credit_repair').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const restrictionSubjects = creditSchema.table('restriction_subjects', {
  id: uuid('id').primaryKey(),
  punishmentNo: bigint('punishment_no', { mode: 'number' })
    .notNull()
    .default(sql`nextval('credit.punishment_no')`),
  restrictionId: uuid('restriction_id').notNull(),
  role: text('role').$type<'debtor' | BoundRole>().notNull(),
  name: text('name').notNull(),
  idNumber: text('id_number'),
  creditCode: text('credit_code'),
  divisionCode: text('division_code'),
  state: text('state').$type<'active' | 'released' | 'lifted'>().notNull(),
  restrictedFrom: date('restricted_from', { mode: 'string' }).notNull(),
  releasedOn: date('released_on', { mode: 'string' }),
  releaseReason: text('release_reason'),
  searchTokens: text('search_tokens').array().notNull().default([]),
});

export const spendingPermissions = creditSchema.table('spending_permissions', {
  id: uuid('id').primaryKey(),
  restrictionSubjectId: uuid('restriction_subject_id').notNull(),
  behaviours: smallint('behaviours').array().notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validUntil: date('valid_until', { mode: 'string' }).notNull(),
  reason: text('reason').notNull(),
  decidedBy: uuid('decided_by').notNull(),
  decidedByName: text('decided_by_name').notNull(),
  decidedOn: date('decided_on', { mode: 'string' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const exitRestrictions = creditSchema.table('exit_restrictions', {
  id: uuid('id').primaryKey(),
  punishmentNo: bigint('punishment_no', { mode: 'number' })
    .notNull()
    .default(sql`nextval('credit.punishment_no')`),
  ...caseColumns,
  divisionCode: text('division_code'),
  authority: text('authority').notNull(),
  state: text('state').$type<'active' | 'lifted'>().notNull(),
  orderedOn: date('ordered_on', { mode: 'string' }).notNull(),
  orderedBy: uuid('ordered_by').notNull(),
  orderedByName: text('ordered_by_name').notNull(),
  noticeText: text('notice_text').notNull(),
  liftedOn: date('lifted_on', { mode: 'string' }),
  liftReason: text('lift_reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const correctionRequests = creditSchema.table('correction_requests', {
  id: uuid('id').primaryKey(),
  entryId: uuid('entry_id').notNull(),
  ground: text('ground').$type<CorrectionGround>().notNull(),
  statement: text('statement').notNull(),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  reviewDueOn: date('review_due_on', { mode: 'string' }).notNull(),
  state: text('state')
    .$type<'pending' | 'upheld' | 'rejected' | 'higherReview' | 'higherUpheld' | 'higherRejected'>()
    .notNull(),
  decidedOn: date('decided_on', { mode: 'string' }),
  decisionReason: text('decision_reason'),
  correctionDueOn: date('correction_due_on', { mode: 'string' }),
  correctedOn: date('corrected_on', { mode: 'string' }),
  higherReviewRequestDueOn: date('higher_review_request_due_on', { mode: 'string' }),
  higherReviewRequestedOn: date('higher_review_requested_on', { mode: 'string' }),
  higherReviewDueOn: date('higher_review_due_on', { mode: 'string' }),
  higherDecidedOn: date('higher_decided_on', { mode: 'string' }),
  recordedBy: uuid('recorded_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const noGroundFindings = creditSchema.table('no_ground_findings', {
  caseId: uuid('case_id').notNull(),
  respondentPartyId: uuid('respondent_party_id').notNull(),
  reason: text('reason').notNull(),
  recordedBy: uuid('recorded_by').notNull(),
  recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
});

export const requeryResults = creditSchema.table('requery_results', {
  caseId: uuid('case_id').notNull(),
  respondentPartyId: uuid('respondent_party_id').notNull(),
  round: integer('round').notNull(),
  hasFoundAssets: boolean('has_found_assets').notNull(),
  completedOn: date('completed_on', { mode: 'string' }).notNull(),
});

export const changes = creditSchema.table('changes', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull(),
  punishment: text('punishment').notNull(),
  punishmentNo: bigint('punishment_no', { mode: 'number' }),
  subjectKind: text('subject_kind').notNull(),
  idNumber: text('id_number'),
  creditCode: text('credit_code'),
  name: text('name').notNull(),
  divisionCode: text('division_code'),
  courtNo: integer('court_no'),
  caseNumber: text('case_number'),
  since: date('since', { mode: 'string' }),
  until: date('until', { mode: 'string' }),
  behaviours: smallint('behaviours').array(),
  role: text('role'),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
});

export const gridReads = creditSchema.table('grid_reads', {
  userId: uuid('user_id').primaryKey(),
  lastReadSeq: bigint('last_read_seq', { mode: 'number' }).notNull(),
});
