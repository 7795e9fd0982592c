import { boolean, date, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TMeetingSlot, TVisitorRole, TVisitPurpose } from './contracts.ts';
import type { TDeputyProposalKind, TDeputyProposalState } from './deputy-proposal-contracts.ts';

/** The service module's tables (migrations/0001_service.sql). */
export const serviceSchema = pgSchema('service');

const ts = (name: string) => timestamp(name, { withTimezone: true });

export type ReceiptItem = { title: string; pages: number };

export const visits = serviceSchema.table('visits', {
  id: uuid('id').primaryKey(),
  courtId: uuid('court_id').notNull(),
  courtPath: text('court_path').notNull(),
  courtCode: text('court_code').notNull(),
  visitedOn: date('visited_on', { mode: 'string' }).notNull(),
  arrivedAt: ts('arrived_at').notNull(),
  visitorName: text('visitor_name').notNull(),
  visitorIdNumber: text('visitor_id_number'),
  visitorPhone: text('visitor_phone'),
  visitorRole: text('visitor_role').$type<TVisitorRole>().notNull(),
  purpose: text('purpose').$type<TVisitPurpose>().notNull(),
  caseId: uuid('case_id'),
  caseNumber: text('case_number'),
  note: text('note').notNull().default(''),
  state: text('state').$type<'open' | 'closed'>().notNull().default('open'),
  closedAt: ts('closed_at'),
  closedByName: text('closed_by_name'),
  receivedBy: uuid('received_by').notNull(),
  receivedByName: text('received_by_name').notNull(),
});

export const receiptCounters = serviceSchema.table('receipt_counters', {
  courtId: uuid('court_id').notNull(),
  year: integer('year').notNull(),
  lastSequence: integer('last_sequence').notNull(),
});

export const receipts = serviceSchema.table('receipts', {
  id: uuid('id').primaryKey(),
  visitId: uuid('visit_id').notNull(),
  courtId: uuid('court_id').notNull(),
  caseId: uuid('case_id').notNull(),
  year: integer('year').notNull(),
  sequence: integer('sequence').notNull(),
  receiptNumber: text('receipt_number').notNull(),
  items: jsonb('items').$type<ReceiptItem[]>().notNull(),
  note: text('note').notNull().default(''),
  receivedAt: ts('received_at').notNull(),
  receivedBy: uuid('received_by').notNull(),
  receivedByName: text('received_by_name').notNull(),
  nodeId: uuid('node_id').notNull(),
});

export const meetings = serviceSchema.table('meetings', {
  id: uuid('id').primaryKey(),
  visitId: uuid('visit_id').notNull(),
  courtId: uuid('court_id').notNull(),
  caseId: uuid('case_id').notNull(),
  caseNumber: text('case_number').notNull(),
  judgeId: uuid('judge_id').notNull(),
  judgeName: text('judge_name').notNull(),
  meetingOn: date('meeting_on', { mode: 'string' }).notNull(),
  slot: text('slot').$type<TMeetingSlot>().notNull(),
  note: text('note').notNull().default(''),
  bookedAt: ts('booked_at').notNull(),
  bookedBy: uuid('booked_by').notNull(),
  bookedByName: text('booked_by_name').notNull(),
});

export const deputyProposals = serviceSchema.table('deputy_proposals', {
  id: uuid('id').primaryKey(),
  courtId: uuid('court_id').notNull(),
  courtPath: text('court_path').notNull(),
  courtName: text('court_name').notNull(),
  kind: text('kind').$type<TDeputyProposalKind>().notNull(),
  number: text('number').notNull(),
  proposer: text('proposer').notNull(),
  title: text('title').notNull(),
  content: text('content').notNull(),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  state: text('state').$type<TDeputyProposalState>().notNull().default('registered'),
  registeredAt: ts('registered_at').notNull(),
  registeredBy: uuid('registered_by').notNull(),
  registeredByName: text('registered_by_name').notNull(),
  assigneeId: uuid('assignee_id'),
  assigneeName: text('assignee_name'),
  assignedAt: ts('assigned_at'),
  reply: text('reply'),
  isPublishable: boolean('is_publishable'),
  answeredOn: date('answered_on', { mode: 'string' }),
  answeredAt: ts('answered_at'),
});
