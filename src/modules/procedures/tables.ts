import { bigint, date, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const proceduresSchema = pgSchema('procedures');

const ts = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });
const fen = (name: string) => bigint(name, { mode: 'number' });

export type SettlementStatus = 'active' | 'defaulted' | 'performed';

export const settlements = proceduresSchema.table('settlements', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  terms: text('terms').notNull(),
  status: text('status').$type<SettlementStatus>().notNull().default('active'),
  totalFen: fen('total_fen').notNull(),
  lastDueOn: day('last_due_on').notNull(),
  limitationEndsOn: day('limitation_ends_on').notNull(),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdByName: text('created_by_name').notNull(),
  endedAt: ts('ended_at'),
  endedBy: uuid('ended_by'),
  endedByName: text('ended_by_name'),
  endedOn: day('ended_on'),
  endNote: text('end_note'),
});

export const instalments = proceduresSchema.table('instalments', {
  settlementId: uuid('settlement_id').notNull(),
  position: integer('position').notNull(),
  dueOn: day('due_on').notNull(),
  amountFen: fen('amount_fen').notNull(),
});

export const settlementPayments = proceduresSchema.table('settlement_payments', {
  id: uuid('id').primaryKey(),
  settlementId: uuid('settlement_id').notNull(),
  caseId: uuid('case_id').notNull(),
  paidOn: day('paid_on').notNull(),
  amountFen: fen('amount_fen').notNull(),
  note: text('note').notNull().default(''),
  recordedAt: ts('recorded_at').notNull(),
  recordedBy: uuid('recorded_by').notNull(),
  recordedByName: text('recorded_by_name').notNull(),
});

export const settlementReminders = proceduresSchema.table('settlement_reminders', {
  settlementId: uuid('settlement_id').notNull(),
  position: integer('position').notNull(),
  kind: text('kind').$type<'dueSoon' | 'overdue'>().notNull(),
  sentOn: day('sent_on').notNull(),
});

export type ObligationStatusColumn = 'awaiting' | 'reported' | 'late' | 'refused';

export const reportObligations = proceduresSchema.table('report_obligations', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  respondentPartyId: uuid('respondent_party_id').notNull(),
  respondentName: text('respondent_name').notNull(),
  nodeId: uuid('node_id').notNull(),
  orderedOn: day('ordered_on').notNull(),
  dueOn: day('due_on').notNull(),
  status: text('status').$type<ObligationStatusColumn>().notNull().default('awaiting'),
  firstReportedAt: ts('first_reported_at'),
  refusedAt: ts('refused_at'),
  refusedBy: uuid('refused_by'),
  refusedByName: text('refused_by_name'),
  refusalNote: text('refusal_note'),
  createdAt: ts('created_at').notNull(),
});

/** One item as stored in a report (the request's item, normalised). */
export type StoredReportItem = {
  kind: string;
  description: string;
  institution: string | null;
  identifier: string | null;
  valueFen: number | null;
  changedOn: string | null;
};

export const propertyReports = proceduresSchema.table('property_reports', {
  id: uuid('id').primaryKey(),
  obligationId: uuid('obligation_id').notNull(),
  caseId: uuid('case_id').notNull(),
  kind: text('kind').$type<'initial' | 'supplement'>().notNull(),
  source: text('source').$type<'portal' | 'paper'>().notNull(),
  items: jsonb('items').$type<StoredReportItem[]>().notNull(),
  changesSinceOneYearBefore: text('changes_since_one_year_before').notNull(),
  reportedAt: ts('reported_at').notNull(),
  reportedByKind: text('reported_by_kind').$type<'respondent' | 'lawyer' | 'court'>().notNull(),
  reportedByName: text('reported_by_name').notNull(),
  reportedById: text('reported_by_id').notNull(),
});
