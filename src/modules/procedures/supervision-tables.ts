import { date, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { proceduresSchema } from './tables.ts';

/** Procuratorial supervision and its recommendations (migrations/0004_supervision_audit_search.sql). */
const ts = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: 'string' });

export const supervisions = proceduresSchema.table('supervisions', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  courtPath: text('court_path').notNull(),
  caseNumber: text('case_number').notNull(),
  procuratorateCourtId: uuid('procuratorate_court_id').notNull(),
  procuratorateName: text('procuratorate_name').notNull(),
  procuratorId: uuid('procurator_id').notNull(),
  procuratorName: text('procurator_name').notNull(),
  reason: text('reason').notNull(),
  procuratorateCaseNumber: text('procuratorate_case_number'),
  placedAt: ts('placed_at').notNull(),
  placedBy: uuid('placed_by').notNull(),
  placedByName: text('placed_by_name').notNull(),
});

export const recommendations = proceduresSchema.table('recommendations', {
  id: uuid('id').primaryKey(),
  supervisionId: uuid('supervision_id').notNull(),
  caseId: uuid('case_id').notNull(),
  documentNumber: text('document_number'),
  text: text('text').notNull(),
  issuedOn: day('issued_on').notNull(),
  receivedOn: day('received_on').notNull(),
  replyDueOn: day('reply_due_on').notNull(),
  sentAt: ts('sent_at').notNull(),
  sentBy: uuid('sent_by').notNull(),
  sentByName: text('sent_by_name').notNull(),
  replyText: text('reply_text'),
  repliedOn: day('replied_on'),
  repliedAt: ts('replied_at'),
  repliedBy: uuid('replied_by'),
  repliedByName: text('replied_by_name'),
});
