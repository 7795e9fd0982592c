import { bigint, boolean, date, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { GoodFaithKind } from './rules/good-faith.ts';
import type { SelfDisposalState } from './rules/self-disposal.ts';

/** The good-faith measures' tables in the `disposal` schema (migrations/0003_self_disposal.sql). */
const disposalSchema = pgSchema('disposal');

const ts = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });
const fen = (name: string) => bigint(name, { mode: 'number' });

export const selfDisposalApplications = disposalSchema.table('self_disposal_applications', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  assetId: uuid('asset_id').notNull(),
  respondentPartyId: uuid('respondent_party_id').notNull(),
  submitterKind: text('submitter_kind').$type<'respondent' | 'lawyer'>().notNull(),
  submitterName: text('submitter_name').notNull(),
  submitterId: text('submitter_id').notNull(),
  proposedPriceFen: fen('proposed_price_fen').notNull(),
  buyer: text('buyer'),
  note: text('note').notNull(),
  state: text('state').$type<'pending' | 'granted'>().notNull(),
  submittedAt: ts('submitted_at').notNull(),
  grantedAt: ts('granted_at'),
});

export const selfDisposals = disposalSchema.table('self_disposals', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  caseNumber: text('case_number').notNull(),
  assetId: uuid('asset_id').notNull(),
  assetType: text('asset_type').notNull(),
  assetDescription: text('asset_description').notNull(),
  applicationId: uuid('application_id'),
  days: integer('days').notNull(),
  decidedOn: day('decided_on').notNull(),
  dueOn: day('due_on').notNull(),
  lowestPriceFen: fen('lowest_price_fen').notNull(),
  state: text('state').$type<SelfDisposalState>().notNull(),
  buyerName: text('buyer_name'),
  salePriceFen: fen('sale_price_fen'),
  saleRecordedAt: ts('sale_recorded_at'),
  saleRecordedOn: day('sale_recorded_on'),
  saleRecordedBy: uuid('sale_recorded_by'),
  paidFen: fen('paid_fen').notNull(),
  paidOn: day('paid_on'),
  releaseMeasureId: uuid('release_measure_id'),
  releaseProblem: text('release_problem'),
  completedOn: day('completed_on'),
  lapsedOn: day('lapsed_on'),
  decidedBy: uuid('decided_by').notNull(),
  decidedByName: text('decided_by_name').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});
export type SelfDisposalRow = typeof selfDisposals.$inferSelect;

export const selfDisposalReceipts = disposalSchema.table('self_disposal_receipts', {
  receiptId: uuid('receipt_id').notNull(),
  selfDisposalId: uuid('self_disposal_id').notNull(),
  amountFen: fen('amount_fen').notNull(),
  receivedOn: day('received_on').notNull(),
});

export const goodFaithMeasures = disposalSchema.table('good_faith_measures', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  assetId: uuid('asset_id').notNull(),
  kind: text('kind').$type<GoodFaithKind>().notNull(),
  securityKind: text('security_kind').$type<'cash' | 'guarantee' | 'property'>(),
  securityDescription: text('security_description'),
  lender: text('lender'),
  amountFen: fen('amount_fen').notNull(),
  applicantConsent: boolean('applicant_consent').notNull(),
  reviewNote: text('review_note'),
  recordedOn: day('recorded_on').notNull(),
  recordedBy: uuid('recorded_by').notNull(),
  recordedByName: text('recorded_by_name').notNull(),
  createdAt: ts('created_at').notNull(),
});
export type GoodFaithMeasureRow = typeof goodFaithMeasures.$inferSelect;
