import { date, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CriterionResult, ReferralOutcome, ReferralStatus } from './rules/bankruptcy-referral.ts';
import { proceduresSchema } from './tables.ts';

/** Execution to bankruptcy (执转破): migrations/0003_aid_and_referrals.sql. */
const ts = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });

export const bankruptcyReferrals = proceduresSchema.table('bankruptcy_referrals', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  respondentPartyId: uuid('respondent_party_id').notNull(),
  respondentName: text('respondent_name').notNull(),
  creditCode: text('credit_code').notNull(),
  consentingPartyId: uuid('consenting_party_id').notNull(),
  consentingPartyName: text('consenting_party_name').notNull(),
  consentingRole: text('consenting_role').$type<'applicant' | 'respondent'>().notNull(),
  consentedOn: day('consented_on').notNull(),
  decidedOn: day('decided_on').notNull(),
  transferDueOn: day('transfer_due_on').notNull(),
  serviceDueOn: day('service_due_on').notNull(),
  acceptanceDueOn: day('acceptance_due_on').notNull(),
  receivingCourtId: uuid('receiving_court_id'),
  receivingCourtName: text('receiving_court_name').notNull(),
  insolvencyFacts: text('insolvency_facts').notNull(),
  criteria: jsonb('criteria').$type<CriterionResult[]>().notNull(),
  status: text('status').$type<ReferralStatus>().notNull().default('awaitingAcceptance'),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdByName: text('created_by_name').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const bankruptcyReferralOutcomes = proceduresSchema.table('bankruptcy_referral_outcomes', {
  id: uuid('id').primaryKey(),
  referralId: uuid('referral_id').notNull(),
  outcome: text('outcome').$type<ReferralOutcome>().notNull(),
  ruledOn: day('ruled_on').notNull(),
  rulingNumber: text('ruling_number').notNull(),
  note: text('note').notNull().default(''),
  recordedAt: ts('recorded_at').notNull(),
  recordedBy: uuid('recorded_by').notNull(),
  recordedByName: text('recorded_by_name').notNull(),
});
