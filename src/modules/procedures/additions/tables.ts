import { bigint, boolean, date, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { proceduresSchema } from '../tables.ts';
import type { AdditionGround, ObjectionKind } from './rules/additions.ts';

// Columns typed as unions hold only those values: each has its check constraint (0005_respondent_additions.sql).
const ts = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });

export type AdditionState = 'underReview' | 'added' | 'rejected';
export type AdditionDecision = 'add' | 'reject';
export type AdditionPartyKind = 'natural' | 'legal' | 'other';
export type AppliedVia = 'team' | 'portal';

export const respondentAdditions = proceduresSchema.table('respondent_additions', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  ground: text('ground').$type<AdditionGround>().notNull(),
  partyKind: text('party_kind').$type<AdditionPartyKind>().notNull(),
  partyName: text('party_name').notNull(),
  idNumber: text('id_number'),
  creditCode: text('credit_code'),
  limitFen: bigint('limit_fen', { mode: 'number' }),
  facts: text('facts').notNull(),
  appliedVia: text('applied_via').$type<AppliedVia>().notNull(),
  appliedOn: day('applied_on').notNull(),
  dueOn: day('due_on').notNull(),
  appliedAt: ts('applied_at').notNull(),
  appliedBy: text('applied_by').notNull(),
  appliedByName: text('applied_by_name').notNull(),
  state: text('state').$type<AdditionState>().notNull().default('underReview'),
  hearingHeldOn: day('hearing_held_on'),
  hearingRecord: text('hearing_record'),
  isHearingWaived: boolean('is_hearing_waived'),
  hearingRecordedAt: ts('hearing_recorded_at'),
  hearingRecordedBy: uuid('hearing_recorded_by'),
  hearingRecordedByName: text('hearing_recorded_by_name'),
  decision: text('decision').$type<AdditionDecision>(),
  reasons: text('reasons'),
  ruledOn: day('ruled_on'),
  ruledAt: ts('ruled_at'),
  ruledBy: uuid('ruled_by'),
  ruledByName: text('ruled_by_name'),
  objectionKind: text('objection_kind').$type<ObjectionKind>(),
  objectionDueOn: day('objection_due_on'),
  addedPartyId: uuid('added_party_id'),
});

export const additionExtensions = proceduresSchema.table('respondent_addition_extensions', {
  id: uuid('id').primaryKey(),
  additionId: uuid('addition_id').notNull(),
  days: integer('days').notNull(),
  reason: text('reason').notNull(),
  approvedOn: day('approved_on').notNull(),
  dueOnBefore: day('due_on_before').notNull(),
  dueOnAfter: day('due_on_after').notNull(),
  approvedAt: ts('approved_at').notNull(),
  approvedBy: uuid('approved_by').notNull(),
  approvedByName: text('approved_by_name').notNull(),
});
