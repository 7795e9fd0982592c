import { bigint, date, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SanctionKind, SubjectType } from './rules/sanctions.ts';
import { proceduresSchema } from './tables.ts';

// Columns typed as unions hold only those values: each has its check constraint (0002_sanctions.sql).
const ts = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });
const fen = (name: string) => bigint(name, { mode: 'number' });

export type SanctionStatus = 'proposed' | 'decided' | 'rejected' | 'revoked';
export type SubjectKind = 'party' | 'unit' | 'person';
export type CustodyState = 'awaiting' | 'admitted' | 'refused' | 'failed' | 'released';
export type ReviewOutcome = 'upheld' | 'revoked';
export type ReferralReply = 'accepted' | 'declined';
export type PoliceRequestKind = 'detention' | 'release';
export type PoliceRequestState = 'queued' | 'sending' | 'answered' | 'failed';

export const sanctions = proceduresSchema.table('sanctions', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  kind: text('kind').$type<SanctionKind>().notNull(),
  status: text('status').$type<SanctionStatus>().notNull().default('proposed'),
  subjectKind: text('subject_kind').$type<SubjectKind>().notNull(),
  subjectType: text('subject_type').$type<SubjectType>().notNull(),
  partyId: uuid('party_id'),
  subjectName: text('subject_name').notNull(),
  idNumber: text('id_number'),
  creditCode: text('credit_code'),
  subjectKey: text('subject_key').notNull(),
  actDescription: text('act_description').notNull(),
  actOn: day('act_on').notNull(),
  actKey: text('act_key').notNull(),
  amountFen: fen('amount_fen'),
  days: integer('days'),
  place: text('place'),
  proposedAt: ts('proposed_at').notNull(),
  proposedBy: uuid('proposed_by').notNull(),
  proposedByName: text('proposed_by_name').notNull(),
  decidedAt: ts('decided_at'),
  decidedOn: day('decided_on'),
  decidedBy: uuid('decided_by'),
  decidedByName: text('decided_by_name'),
  decisionNote: text('decision_note'),
  decisionNumber: text('decision_number'),
  sequence: integer('sequence'),
  custodyState: text('custody_state').$type<CustodyState>(),
  custodyPlace: text('custody_place'),
  custodyStartOn: day('custody_start_on'),
  custodyEndOn: day('custody_end_on'),
  custodyRefusal: text('custody_refusal'),
  releaseDecidedAt: ts('release_decided_at'),
  releaseDecidedBy: uuid('release_decided_by'),
  releaseDecidedByName: text('release_decided_by_name'),
  releaseNote: text('release_note'),
  releasedOn: day('released_on'),
  releaseRefusal: text('release_refusal'),
  referralReply: text('referral_reply').$type<ReferralReply>(),
  referralRepliedOn: day('referral_replied_on'),
  referralReplyNote: text('referral_reply_note'),
  referralRecordedByName: text('referral_recorded_by_name'),
});

export const sanctionNumbers = proceduresSchema.table('sanction_numbers', {
  courtCode: text('court_code').notNull(),
  year: integer('year').notNull(),
  last: integer('last').notNull(),
});

export const finePayments = proceduresSchema.table('fine_payments', {
  id: uuid('id').primaryKey(),
  sanctionId: uuid('sanction_id').notNull(),
  caseId: uuid('case_id').notNull(),
  paidOn: day('paid_on').notNull(),
  amountFen: fen('amount_fen').notNull(),
  note: text('note').notNull().default(''),
  recordedAt: ts('recorded_at').notNull(),
  recordedBy: uuid('recorded_by').notNull(),
  recordedByName: text('recorded_by_name').notNull(),
});

export const sanctionReviews = proceduresSchema.table('sanction_reviews', {
  sanctionId: uuid('sanction_id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  receivedOn: day('received_on').notNull(),
  appliedOn: day('applied_on').notNull(),
  decideBy: day('decide_by').notNull(),
  applicationNote: text('application_note').notNull().default(''),
  appliedAt: ts('applied_at').notNull(),
  appliedBy: uuid('applied_by').notNull(),
  appliedByName: text('applied_by_name').notNull(),
  outcome: text('outcome').$type<ReviewOutcome>(),
  decidedOn: day('decided_on'),
  decidedAt: ts('decided_at'),
  decidedBy: uuid('decided_by'),
  decidedByName: text('decided_by_name'),
  decidedByCourt: text('decided_by_court'),
  decisionNote: text('decision_note'),
});

export const policeRequests = proceduresSchema.table('police_requests', {
  id: uuid('id').primaryKey(),
  sanctionId: uuid('sanction_id').notNull(),
  kind: text('kind').$type<PoliceRequestKind>().notNull(),
  body: text('body').notNull(),
  state: text('state').$type<PoliceRequestState>().notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  lastStatus: integer('last_status'),
  lastError: text('last_error'),
  answer: jsonb('answer'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  answeredAt: ts('answered_at'),
});
