import { z } from 'zod';
import { ZIsoDate, ZText } from '../../kernel/index.ts';
import { assetTypeValues, measureKindValues } from './rules/asset-types.ts';
import { sortableFields } from './rules/feedback.ts';
import { type RequestState, requestStateValues } from './rules/request-states.ts';

export type TRequestState = RequestState;
export type TMeasureKind = (typeof measureKindValues)[number];
export type TAssetType = (typeof assetTypeValues)[number];

/** Requests counted by state: every state of the request's life, declared one by one. */
const requestCounts = {
  pending: z.number(),
  sending: z.number(),
  accepted: z.number(),
  answered: z.number(),
  failed: z.number(),
  expired: z.number(),
} satisfies Record<RequestState, z.ZodNumber>;

const ZPurpose = z
  .string()
  .trim()
  .min(2, '请说明查询目的 / State the purpose of the query')
  .max(200)
  .refine(
    (s) => ![...s].some((ch) => (ch.codePointAt(0) ?? 32) < 32 || ch === '\u007f'),
    '不能包含控制字符 / Must not contain control characters',
  );

// Ids in paths are checked by the use case: a malformed id is simply not found (404), like an id out of scope.
export const ZIdParamSchema = z.object({ id: z.string().min(1).max(100) });
const institutionCodePattern = /^[a-z0-9][a-z0-9-]{0,39}$/;
const institutionCode = z
  .string()
  .regex(institutionCodePattern, '小写字母、数字或连字符 / lower-case letters, digits, hyphens');
/** Whether `code` can be an institution's code: in a path, any other is simply not found (404). */
export function isInstitutionCode(code: string): boolean {
  return institutionCodePattern.test(code);
}
export const ZCodeParamSchema = z.object({ code: z.string().max(40) });

// Request bodies and queries admit no field they do not declare (OWASP ASVS 5.1.2: no mass assignment).
export const ZLaunchCaseInquirySchema = z.strictObject({ purpose: ZPurpose });
export const ZLaunchBatchSchema = z.strictObject({
  caseIds: z.array(z.uuid('案件编号格式错误 / Not a case id')).min(1).max(10_000),
  purpose: ZPurpose,
});
export type TLaunchCaseInquiry = z.infer<typeof ZLaunchCaseInquirySchema>;
export type TLaunchBatch = z.infer<typeof ZLaunchBatchSchema>;

export const ZLaunchedSchema = z.object({
  batchId: z.string(),
  caseCount: z.number(),
  requestCount: z.number(),
  skipped: z.array(z.object({ caseId: z.string(), reason: z.string() })),
});
export type TLaunched = z.infer<typeof ZLaunchedSchema>;

export const ZBatchProgressSchema = z.object({
  id: z.string(),
  kind: z.string(),
  purpose: z.string(),
  createdAt: z.string(),
  caseCount: z.number(),
  total: z.number(),
  byState: z.object(requestCounts),
  done: z.boolean(),
});
export type TBatchProgress = z.infer<typeof ZBatchProgressSchema>;

export const ZAssetQuerySchema = z.strictObject({
  sort: z.enum(sortableFields).default('answeredAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  respondentPartyId: z.uuid().optional(),
  assetType: z.enum(assetTypeValues).optional(),
});
export type TAssetQuery = z.infer<typeof ZAssetQuerySchema>;

/** The export takes the list's query and the language of the workbook (the user's). */
export const ZAssetExportQuerySchema = ZAssetQuerySchema.extend({
  lang: z.enum(['zh', 'en']).default('zh'),
});
export type TAssetExportQuery = z.infer<typeof ZAssetExportQuerySchema>;
export type TAssetSort = TAssetQuery['sort'];

const ZEncumbrance = z.object({
  court: z.string(),
  caseNumber: z.string(),
  kind: z.string(),
  amountFen: z.number().optional(),
  until: z.string().optional(),
  queuePosition: z.number().optional(),
});
export type TEncumbrance = z.infer<typeof ZEncumbrance>;

export const ZAssetItemSchema = z.object({
  id: z.string(),
  assetType: z.string(),
  institution: z.string(),
  institutionName: z.string(),
  channel: z.string(),
  respondentPartyId: z.string(),
  respondentName: z.string(),
  identifier: z.string(),
  description: z.string(),
  valueFen: z.number().optional(),
  balanceFen: z.number().optional(),
  frozenFen: z.number().optional(),
  availableFen: z.number().optional(),
  encumbrances: z.array(ZEncumbrance),
  answeredAt: z.string(),
  channelDifference: z
    .object({ zh: z.string(), en: z.string(), institutions: z.array(z.string()) })
    .nullable(),
  measureKinds: z.array(z.enum(measureKindValues)),
  isMasked: z.boolean(),
});
export type TAssetItem = z.infer<typeof ZAssetItemSchema>;
export const ZAssetListSchema = z.object({
  items: z.array(ZAssetItemSchema),
  isMasked: z.boolean(),
  outstandingClaimFen: z.number(),
});
export type TAssetList = z.infer<typeof ZAssetListSchema>;

export const ZGraphSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['respondent', 'asset', 'person', 'company']),
      label: z.string(),
      assetType: z.string().optional(),
      valueFen: z.number().optional(),
      isControlled: z.boolean().optional(),
    }),
  ),
  links: z.array(z.object({ source: z.string(), target: z.string(), kind: z.string(), label: z.string() })),
});
export type TGraph = z.infer<typeof ZGraphSchema>;
export type TGraphNode = TGraph['nodes'][number];

export const ZCreateMeasureSchema = z.strictObject({
  assetId: z.uuid('财产编号格式错误 / Not an asset id'),
  kind: z.enum(measureKindValues),
  amountFen: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  until: ZIsoDate.optional(),
});
export type TCreateMeasure = z.infer<typeof ZCreateMeasureSchema>;

export const ZMeasureCreatedSchema = z.object({ id: z.string(), state: z.string() });
export type TMeasureCreated = z.infer<typeof ZMeasureCreatedSchema>;

export const ZMeasureSchema = z.object({
  id: z.string(),
  assetId: z.string(),
  kind: z.enum(measureKindValues),
  targetMeasureId: z.string().nullable(),
  state: z.string(),
  institution: z.string(),
  institutionName: z.string(),
  assetType: z.string(),
  assetDescription: z.string(),
  requestedFen: z.number().nullable(),
  amountFen: z.number().nullable(),
  deductedFen: z.number(),
  until: z.string().nullable(),
  maxRenewalUntil: z.string().nullable(),
  queuePosition: z.number().nullable(),
  reason: z.string().nullable(),
  documentName: z.string(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  isExpiringSoon: z.boolean(),
  daysLeft: z.number().nullable(),
});
export type TMeasure = z.infer<typeof ZMeasureSchema>;
export const ZMeasureListSchema = z.object({
  items: z.array(ZMeasureSchema),
  outstandingClaimFen: z.number(),
  limits: z.array(z.object({ assetType: z.string(), years: z.number(), maxUntil: z.string() })),
});
export type TMeasureList = z.infer<typeof ZMeasureListSchema>;

export const ZDocumentSchema = z.object({ name: z.string(), text: z.string() });
export type TDocument = z.infer<typeof ZDocumentSchema>;

export const ZCaseInquiriesSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      batchId: z.string(),
      kind: z.string(),
      requeryRound: z.number().nullable(),
      purpose: z.string(),
      createdAt: z.string(),
      doneAt: z.string().nullable(),
      // Only the states that have requests are counted.
      byState: z.object(requestCounts).partial(),
    }),
  ),
  requests: z.array(
    z.object({
      id: z.string(),
      institution: z.string(),
      institutionName: z.string(),
      operation: z.string(),
      state: z.enum(requestStateValues),
      attempts: z.number(),
      lastError: z.string().nullable(),
      updatedAt: z.string(),
    }),
  ),
});
export type TCaseInquiries = z.infer<typeof ZCaseInquiriesSchema>;

export const ZRetriedSchema = z.object({ id: z.string(), state: z.string() });
export type TRetried = z.infer<typeof ZRetriedSchema>;

// The institution's HMAC key, as the administrator was given it: printable, never a control character.
const ZSigningKey = z
  .string()
  .min(16)
  .max(200)
  .regex(/^\P{Cc}+$/u, '不能包含控制字符 / Must not contain control characters');

const ZInstitutionFields = {
  name: ZText(100, { min: 1 }),
  kind: ZText(40, { min: 1 }),
  channel: z.enum(['national', 'local']),
  baseUrl: z.url({ protocol: /^https?$/ }).max(500),
  assetTypes: z.array(z.enum(assetTypeValues)).min(1).max(10),
  operations: z
    .array(z.enum(['query', 'freeze', 'renew', 'unfreeze', 'seal', 'seize', 'release', 'deduct']))
    .min(1)
    .max(8),
  concurrency: z.number().int().min(1).max(10_000),
  ratePerSecond: z.number().int().min(0).max(100_000),
  isEnabled: z.boolean(),
  maxAttempts: z.number().int().min(1).max(100),
  retryBaseSeconds: z.number().int().min(1).max(3600),
  pollAfterSeconds: z.number().int().min(1).max(86_400),
  answerTimeoutSeconds: z.number().int().min(5).max(2_592_000),
};

export const ZRegisterInstitutionSchema = z.strictObject({
  code: institutionCode,
  signingKey: ZSigningKey,
  ...ZInstitutionFields,
  concurrency: ZInstitutionFields.concurrency.default(32),
  ratePerSecond: ZInstitutionFields.ratePerSecond.default(0),
  isEnabled: ZInstitutionFields.isEnabled.default(true),
  maxAttempts: ZInstitutionFields.maxAttempts.default(6),
  retryBaseSeconds: ZInstitutionFields.retryBaseSeconds.default(2),
  pollAfterSeconds: ZInstitutionFields.pollAfterSeconds.default(60),
  answerTimeoutSeconds: ZInstitutionFields.answerTimeoutSeconds.default(86_400),
});
export type TRegisterInstitution = z.infer<typeof ZRegisterInstitutionSchema>;

export const ZUpdateInstitutionSchema = z
  .strictObject({ signingKey: ZSigningKey, ...ZInstitutionFields })
  .partial()
  .refine((o) => Object.keys(o).length > 0, '没有要修改的字段 / Nothing to change');
export type TUpdateInstitution = z.infer<typeof ZUpdateInstitutionSchema>;

export const ZInstitutionSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  channel: z.string(),
  baseUrl: z.string(),
  assetTypes: z.array(z.string()),
  operations: z.array(z.string()),
  concurrency: z.number(),
  ratePerSecond: z.number(),
  isEnabled: z.boolean(),
  maxAttempts: z.number(),
  retryBaseSeconds: z.number(),
  pollAfterSeconds: z.number(),
  answerTimeoutSeconds: z.number(),
  circuit: z.enum(['closed', 'open', 'halfOpen']),
  pausedUntil: z.string().nullable(),
  openRequests: z.number(),
});
export type TInstitution = z.infer<typeof ZInstitutionSchema>;
export const ZInstitutionListSchema = z.object({ items: z.array(ZInstitutionSchema) });
export type TInstitutionList = z.infer<typeof ZInstitutionListSchema>;
export const ZInstitutionCodeSchema = z.object({ code: z.string() });
export type TInstitutionCode = z.infer<typeof ZInstitutionCodeSchema>;

export const ZNoticeListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      kind: z.string(),
      title: z.string(),
      body: z.string(),
      measureId: z.string().nullable(),
      createdAt: z.string(),
      isRead: z.boolean(),
    }),
  ),
});
export type TNoticeList = z.infer<typeof ZNoticeListSchema>;
export type TNotice = TNoticeList['items'][number];
export const ZNoticeQuerySchema = z.strictObject({ caseId: z.uuid().optional() });
export const ZNoticeReadSchema = z.object({ id: z.string() });
export type TNoticeRead = z.infer<typeof ZNoticeReadSchema>;

export const ZCallbackAckSchema = z.object({ status: z.enum(['recorded', 'duplicate']) });
