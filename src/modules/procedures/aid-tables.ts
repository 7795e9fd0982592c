import { bigint, date, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AidStatus } from './rules/judicial-aid.ts';
import { proceduresSchema } from './tables.ts';

/** State judicial aid (司法救助): migrations/0003_aid_and_referrals.sql. */
const ts = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });
const fen = (name: string) => bigint(name, { mode: 'number' });

export const aidWageSettings = proceduresSchema.table('aid_wage_settings', {
  courtId: uuid('court_id').primaryKey(),
  wageYear: integer('wage_year').notNull(),
  monthlyWageFen: fen('monthly_wage_fen').notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by').notNull(),
});

export const judicialAid = proceduresSchema.table('judicial_aid', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  applicantPartyId: uuid('applicant_party_id').notNull(),
  applicantName: text('applicant_name').notNull(),
  reason: text('reason').notNull(),
  hardshipFacts: text('hardship_facts').notNull(),
  requestedFen: fen('requested_fen').notNull(),
  filedOn: day('filed_on').notNull(),
  decisionDueOn: day('decision_due_on').notNull(),
  status: text('status').$type<AidStatus>().notNull().default('pending'),
  monthlyWageFen: fen('monthly_wage_fen'),
  capFen: fen('cap_fen'),
  approvedFen: fen('approved_fen'),
  decidedOn: day('decided_on'),
  decidedAt: ts('decided_at'),
  decidedBy: uuid('decided_by'),
  decidedByName: text('decided_by_name'),
  decisionReason: text('decision_reason'),
  paidOn: day('paid_on'),
  paidFen: fen('paid_fen'),
  bankReference: text('bank_reference'),
  paidAt: ts('paid_at'),
  paidBy: uuid('paid_by'),
  paidByName: text('paid_by_name'),
  repayFromRecoveryFen: fen('repay_from_recovery_fen').notNull().default(0),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdByName: text('created_by_name').notNull(),
});
