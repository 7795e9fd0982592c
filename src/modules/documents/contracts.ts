import { z } from 'zod';
import { ZIsoDate, ZText } from '../../kernel/index.ts';
import { documentTemplateValues } from './rules/templates.ts';

/**
 * Documents (文书), their seals and service, the electronic dossier (电子卷宗), resumable uploads and
 * field records (移动执行). Hashes are lowercase hex SHA-256.
 */
const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/);
const ZLabel = z.object({ zh: z.string(), en: z.string() });

export const ZIdParamSchema = z.strictObject({ id: z.uuid() });
export const ZPartyDocumentParamsSchema = z.strictObject({ id: z.uuid(), documentId: z.uuid() });

export const ZIssueDocumentSchema = z.strictObject({
  template: z.enum(documentTemplateValues).meta({ description: 'Which document of the case to issue' }),
});
export type TIssueDocument = z.infer<typeof ZIssueDocumentSchema>;
export const ZIssuedDocumentSchema = z.object({
  id: z.uuid(),
  template: z.enum(documentTemplateValues),
  sha256: ZSha256.meta({
    description: 'SHA-256 of the Word file served at /documents/{id}/file?format=docx',
  }),
});

export const serviceMethodValues = ['electronic', 'postal'] as const;
export const ZServiceSchema = z.object({
  id: z.uuid(),
  partyId: z.uuid(),
  partyName: z.string(),
  method: z.enum(serviceMethodValues),
  servedAt: z.string(),
  receivedAt: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  note: z.string(),
});
export type TService = z.infer<typeof ZServiceSchema>;

export const ZDocumentSchema = z.object({
  id: z.uuid(),
  template: z.enum(documentTemplateValues),
  label: ZLabel,
  title: z.string(),
  number: z.string(),
  issuedOn: ZIsoDate,
  sha256: ZSha256,
  pdfSha256: ZSha256,
  draftSha256: ZSha256,
  createdAt: z.string(),
  createdByName: z.string(),
  sealed: z.boolean(),
  sealedAt: z.string().nullable(),
  sealedByName: z.string().nullable(),
  services: z.array(ZServiceSchema),
});
export type TDocument = z.infer<typeof ZDocumentSchema>;
export const ZDocumentListSchema = z.object({ items: z.array(ZDocumentSchema) });
export type TDocumentList = z.infer<typeof ZDocumentListSchema>;

export const documentFormatValues = ['docx', 'pdf'] as const;
export const ZFileQuerySchema = z.strictObject({ format: z.enum(documentFormatValues).default('docx') });

export const ZSealedDocumentSchema = z.object({
  id: z.uuid(),
  sha256: ZSha256,
  pdfSha256: ZSha256,
  sealedAt: z.string(),
  signature: z.string(),
});

export const ZServeDocumentSchema = z.strictObject({
  partyId: z.uuid(),
  method: z.enum(serviceMethodValues),
  /** The postal tracking number (EMS 法院专递) of a postal service. */
  trackingNumber: ZText(40, { min: 1 }).optional(),
  /** The day a postal service was received, from the return receipt. */
  receivedOn: ZIsoDate.optional(),
  note: ZText(500, { isMultiline: true }).optional(),
});
export type TServeDocument = z.infer<typeof ZServeDocumentSchema>;
export const ZCreatedSchema = z.object({ id: z.uuid() });

/** What anyone may check of a sealed document: which court sealed what, and the court's signature over it. */
export const ZVerificationSchema = z.object({
  documentId: z.uuid(),
  title: z.string(),
  number: z.string(),
  court: z.string(),
  sealedAt: z.string(),
  sha256: ZSha256,
  pdfSha256: ZSha256,
  algorithm: z.literal('Ed25519'),
  /** The signed statement, exactly as signed (UTF-8). */
  statement: z.string(),
  signature: z.string().meta({ description: 'Base64 Ed25519 signature over `statement`' }),
  publicKey: z.string().meta({ description: 'The court’s public key, SPKI PEM' }),
  valid: z.boolean(),
});
export type TVerification = z.infer<typeof ZVerificationSchema>;
export const ZVerifyHashSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, '应为64位十六进制SHA-256 / Must be a 64-digit hex SHA-256'),
});
export const ZVerifyHashResultSchema = z.object({
  match: z.boolean(),
  format: z.enum(documentFormatValues).nullable(),
  verification: ZVerificationSchema.nullable(),
});

export const dossierKindValues = ['document', 'file', 'fieldRecord'] as const;
export const ZDossierEntrySchema = z.object({
  seq: z.number(),
  kind: z.enum(dossierKindValues),
  refId: z.uuid(),
  title: z.string(),
  sha256: ZSha256,
  addedAt: z.string(),
  addedByName: z.string(),
});
export type TDossierEntry = z.infer<typeof ZDossierEntrySchema>;
export const ZDossierSchema = z.object({ caseNumber: z.string(), items: z.array(ZDossierEntrySchema) });
export type TDossier = z.infer<typeof ZDossierSchema>;

/** What may be uploaded to a case: photos, videos, scans. */
export const uploadMediaTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'video/mp4',
  'video/webm',
  'video/quicktime',
  'application/pdf',
] as const;
/** 500 MB: a few minutes of phone video. */
export const maxUploadBytes = 500 * 1024 * 1024;
/** Bytes per piece: its base64 fits the API's 1 MB request limit. */
export const maxChunkBytes = 512 * 1024;

export const ZStartUploadSchema = z.strictObject({
  fileName: ZText(120, { min: 1 }),
  mediaType: z.enum(uploadMediaTypes),
  totalBytes: z.number().int().min(1).max(maxUploadBytes),
});
export type TStartUpload = z.infer<typeof ZStartUploadSchema>;
export const ZUploadChunkSchema = z.strictObject({
  /** Where this piece starts: must equal the bytes received so far. */
  offset: z.number().int().min(0).max(maxUploadBytes),
  data: z
    .string()
    .max(Math.ceil(maxChunkBytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '应为base64 / Must be base64'),
});
export type TUploadChunk = z.infer<typeof ZUploadChunkSchema>;
export const ZUploadSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  totalBytes: z.number(),
  receivedBytes: z.number(),
  complete: z.boolean(),
  sha256: ZSha256.nullable(),
});
export type TUpload = z.infer<typeof ZUploadSchema>;

export const ZFieldRecordInputSchema = z.strictObject({
  /** The device's own id for the record (a UUID it made offline): sent twice, recorded once. */
  clientKey: z.uuid(),
  capturedAt: z.iso.datetime({ offset: true }),
  // WGS-84, inside China's extent (about 3.8–53.6° N, 73.5–135.1° E): courts enforce in China.
  latitude: z.number().min(3).max(54).optional(),
  longitude: z.number().min(73).max(136).optional(),
  accuracyM: z.number().min(0).max(100_000).optional(),
  address: ZText(200, { min: 1 }),
  note: ZText(4000, { min: 1, isMultiline: true }),
  /** The officers present who sign the record (the one sending it signs by sending). */
  officerIds: z.array(z.uuid()).max(6).default([]),
  fileIds: z.array(z.uuid()).max(30).default([]),
});
export type TFieldRecordInput = z.infer<typeof ZFieldRecordInputSchema>;
export const ZFieldRecordSchema = z.object({
  id: z.uuid(),
  clientKey: z.uuid(),
  capturedAt: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  accuracyM: z.number().nullable(),
  address: z.string(),
  note: z.string(),
  officers: z.array(z.object({ userId: z.uuid(), name: z.string() })),
  files: z.array(
    z.object({ id: z.uuid(), fileName: z.string(), mediaType: z.string(), sha256: ZSha256.nullable() }),
  ),
  sha256: ZSha256,
  createdByName: z.string(),
  createdAt: z.string(),
});
export type TFieldRecord = z.infer<typeof ZFieldRecordSchema>;
export const ZFieldRecordListSchema = z.object({ items: z.array(ZFieldRecordSchema) });

export const ZPartyDocumentSchema = z.object({
  id: z.uuid(),
  template: z.enum(documentTemplateValues),
  title: z.string(),
  number: z.string(),
  issuedOn: ZIsoDate,
  servedAt: z.string(),
  receivedAt: z.string().nullable(),
  sha256: ZSha256,
  pdfSha256: ZSha256,
});
export const ZPartyDocumentListSchema = z.object({ items: z.array(ZPartyDocumentSchema) });
export type TPartyDocumentList = z.infer<typeof ZPartyDocumentListSchema>;
