import {
  bigint,
  customType,
  date,
  doublePrecision,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

import type { DocumentModel } from './rules/templates.ts';

export const documentsSchema = pgSchema('documents');

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const ts = (name: string) => timestamp(name, { withTimezone: true });

export type Officer = { userId: string; name: string };

export const courtKeys = documentsSchema.table('court_keys', {
  courtId: uuid('court_id').primaryKey(),
  algorithm: text('algorithm').notNull(),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const documents = documentsSchema.table('documents', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  template: text('template').notNull(),
  title: text('title').notNull(),
  number: text('number').notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  model: jsonb('model').$type<DocumentModel>().notNull(),
  docx: bytea('docx').notNull(),
  pdf: bytea('pdf').notNull(),
  sha256: text('sha256').notNull(),
  pdfSha256: text('pdf_sha256').notNull(),
  draftSha256: text('draft_sha256').notNull(),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdByName: text('created_by_name').notNull(),
  sealedAt: ts('sealed_at'),
  sealedBy: uuid('sealed_by'),
  sealedByName: text('sealed_by_name'),
  signature: text('signature'),
});

export const services = documentsSchema.table('services', {
  id: uuid('id').primaryKey(),
  documentId: uuid('document_id').notNull(),
  caseId: uuid('case_id').notNull(),
  partyId: uuid('party_id').notNull(),
  partyName: text('party_name').notNull(),
  method: text('method').notNull(),
  servedAt: ts('served_at').notNull(),
  receivedAt: ts('received_at'),
  trackingNumber: text('tracking_number'),
  note: text('note').notNull().default(''),
  createdByName: text('created_by_name').notNull(),
});

export const uploads = documentsSchema.table('uploads', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  totalBytes: bigint('total_bytes', { mode: 'number' }).notNull(),
  receivedBytes: bigint('received_bytes', { mode: 'number' }).notNull().default(0),
  sha256: text('sha256'),
  createdBy: uuid('created_by').notNull(),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull(),
  completedAt: ts('completed_at'),
});

export const uploadChunks = documentsSchema.table('upload_chunks', {
  uploadId: uuid('upload_id').notNull(),
  startByte: bigint('start_byte', { mode: 'number' }).notNull(),
  bytes: bytea('bytes').notNull(),
});

export const fieldRecords = documentsSchema.table('field_records', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  courtId: uuid('court_id').notNull(),
  clientKey: text('client_key').notNull(),
  capturedAt: ts('captured_at').notNull(),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  accuracyM: doublePrecision('accuracy_m'),
  address: text('address').notNull(),
  note: text('note').notNull(),
  officers: jsonb('officers').$type<Officer[]>().notNull(),
  fileIds: uuid('file_ids').array().notNull(),
  sha256: text('sha256').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const dossierEntries = documentsSchema.table('dossier_entries', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  caseId: uuid('case_id').notNull(),
  kind: text('kind').notNull(),
  refId: uuid('ref_id').notNull(),
  title: text('title').notNull(),
  sha256: text('sha256').notNull(),
  addedAt: ts('added_at').notNull(),
  addedByName: text('added_by_name').notNull(),
});
