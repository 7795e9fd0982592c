import { date, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { proceduresSchema } from './tables.ts';

/** Searches, from the warrant's request to the search record (migrations/0004_supervision_audit_search.sql). */
const ts = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });

export type SearchState = 'requested' | 'approved' | 'searched';

export const searches = proceduresSchema.table('searches', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  caseNumber: text('case_number').notNull(),
  respondentPartyId: uuid('respondent_party_id').notNull(),
  respondentName: text('respondent_name').notNull(),
  places: text('places').notNull(),
  reason: text('reason').notNull(),
  requestedOn: day('requested_on').notNull(),
  requestedAt: ts('requested_at').notNull(),
  requestedBy: uuid('requested_by').notNull(),
  requestedByName: text('requested_by_name').notNull(),
  approvalDueOn: day('approval_due_on').notNull(),
  state: text('state').$type<SearchState>().notNull().default('requested'),
  approvedOn: day('approved_on'),
  approvedAt: ts('approved_at'),
  approvedBy: uuid('approved_by'),
  approvedByName: text('approved_by_name'),
  approvalNote: text('approval_note'),
  searchedOn: day('searched_on'),
  place: text('place'),
  officers: jsonb('officers').$type<string[]>(),
  witnesses: jsonb('witnesses').$type<string[]>(),
  findings: text('findings'),
  signatureNote: text('signature_note'),
  recordedAt: ts('recorded_at'),
  recordedBy: uuid('recorded_by'),
  recordedByName: text('recorded_by_name'),
  nodeId: uuid('node_id'),
});
