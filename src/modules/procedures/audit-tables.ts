import { date, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AuditGround } from './rules/audit-search.ts';
import { proceduresSchema } from './tables.ts';

/** Audit institutions, audit applications and their lotteries (migrations/0004_supervision_audit_search.sql). */
const ts = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });

export type AuditApplicationState = 'pending' | 'granted' | 'rejected' | 'auditorDrawn';

export const auditInstitutions = proceduresSchema.table('audit_institutions', {
  id: uuid('id').primaryKey(),
  courtId: uuid('court_id').notNull(),
  courtPath: text('court_path').notNull(),
  name: text('name').notNull(),
  creditCode: text('credit_code'),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdByName: text('created_by_name').notNull(),
});

export const auditApplications = proceduresSchema.table('audit_applications', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  caseNumber: text('case_number').notNull(),
  applicantPartyId: uuid('applicant_party_id').notNull(),
  applicantName: text('applicant_name').notNull(),
  respondentPartyId: uuid('respondent_party_id').notNull(),
  respondentName: text('respondent_name').notNull(),
  ground: text('ground').$type<AuditGround>().notNull(),
  reason: text('reason').notNull(),
  receivedOn: day('received_on').notNull(),
  dueOn: day('due_on').notNull(),
  recordedAt: ts('recorded_at').notNull(),
  recordedBy: uuid('recorded_by').notNull(),
  recordedByName: text('recorded_by_name').notNull(),
  state: text('state').$type<AuditApplicationState>().notNull().default('pending'),
  decidedOn: day('decided_on'),
  decidedAt: ts('decided_at'),
  decidedBy: uuid('decided_by'),
  decidedByName: text('decided_by_name'),
  decisionReason: text('decision_reason'),
  auditorId: uuid('auditor_id'),
  auditorName: text('auditor_name'),
});

/** One institution of a lottery's published roster, in roster order. */
export type RosterEntry = { id: string; name: string };

export const auditLotteries = proceduresSchema.table('audit_lotteries', {
  id: uuid('id').primaryKey(),
  applicationId: uuid('application_id').notNull(),
  roster: jsonb('roster').$type<RosterEntry[]>().notNull(),
  commitment: text('commitment').notNull(),
  seed: text('seed').notNull(),
  committedAt: ts('committed_at').notNull(),
  witness: text('witness'),
  result: jsonb('result').$type<number[]>(),
  drawnAt: ts('drawn_at'),
  drawnBy: uuid('drawn_by'),
});
