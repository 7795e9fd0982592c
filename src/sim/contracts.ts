import { z } from 'zod';
import { ZIsoDate, ZPositiveFen } from '../kernel/index.ts';

/** Request and answer shapes of the inquiry protocol (docs/protocols/inquiry.md). */

const ZText = z.string().trim().min(1).max(200);
// A China date (the last day in force) or an ISO 8601 instant.
const ZUntil = z.union([ZIsoDate, z.iso.datetime({ offset: true })]);
const ZFen = ZPositiveFen;
const ZCallbackUrl = z.url({ protocol: /^https?$/ }).max(2000);
const ZCaseRef = { caseNumber: ZText, court: ZText, callbackUrl: ZCallbackUrl.optional() };
const ZOptionalCaseRef = {
  caseNumber: ZText.optional(),
  court: ZText.optional(),
  callbackUrl: ZCallbackUrl.optional(),
};

export const ZSubjectSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('person'),
    name: ZText,
    idNumber: z
      .string()
      .regex(/^\d{17}[\dXx]$/, '18 characters (GB 11643)')
      .transform((s) => s.toUpperCase()),
  }),
  z.object({
    kind: z.literal('company'),
    name: ZText,
    creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '18 characters (GB 32100)'),
  }),
]);

export const ZQuerySchema = z.object({ subject: ZSubjectSchema, ...ZCaseRef });

export const ZFreezeSchema = z
  .object({
    identifier: ZText,
    amountFen: ZFen.optional(),
    wholeAccount: z.literal(true).optional(),
    until: ZUntil,
    ...ZCaseRef,
  })
  .refine((b) => (b.amountFen === undefined) !== (b.wholeAccount === undefined), {
    message: 'exactly one of amountFen and wholeAccount',
    path: ['amountFen'],
  });

export const ZRenewSchema = z
  .object({ freezeId: ZText.optional(), sealId: ZText.optional(), until: ZUntil, ...ZOptionalCaseRef })
  .refine((b) => (b.freezeId === undefined) !== (b.sealId === undefined), {
    message: 'exactly one of freezeId and sealId',
    path: ['freezeId'],
  });

export const ZUnfreezeSchema = z.object({ freezeId: ZText, ...ZOptionalCaseRef });

export const ZSealSchema = z.object({ identifier: ZText, until: ZUntil, ...ZCaseRef });

export const ZReleaseSchema = z.object({ sealId: ZText, ...ZOptionalCaseRef });

export const ZCourtAccountSchema = z.union([
  ZText,
  z.object({ accountNumber: ZText, accountName: ZText.optional(), bankName: ZText.optional() }),
]);

export const ZDeductSchema = z.object({
  freezeId: ZText,
  amountFen: ZFen,
  courtAccount: ZCourtAccountSchema,
  ...ZOptionalCaseRef,
});

export const BODY_SCHEMAS = {
  query: ZQuerySchema,
  freeze: ZFreezeSchema,
  renew: ZRenewSchema,
  unfreeze: ZUnfreezeSchema,
  seal: ZSealSchema,
  seize: ZSealSchema,
  release: ZReleaseSchema,
  deduct: ZDeductSchema,
} as const;

export type TQuery = z.infer<typeof ZQuerySchema>;
export type TFreeze = z.infer<typeof ZFreezeSchema>;
export type TRenew = z.infer<typeof ZRenewSchema>;
export type TUnfreeze = z.infer<typeof ZUnfreezeSchema>;
export type TSeal = z.infer<typeof ZSealSchema>;
export type TRelease = z.infer<typeof ZReleaseSchema>;
export type TDeduct = z.infer<typeof ZDeductSchema>;

// Answers (documented in the OpenAPI description; the simulator builds them in operations.ts).

export const ZEncumbranceSchema = z.object({
  court: z.string(),
  caseNumber: z.string(),
  kind: z.enum(['freeze', 'seal', 'seize']),
  amountFen: z.number().int().optional(),
  until: z.string().optional(),
  queuePosition: z.number().int().optional(),
});

export const ZAnswerAssetSchema = z.object({
  assetType: z.enum([
    'deposit',
    'wealthProduct',
    'realEstate',
    'vehicle',
    'securities',
    'equity',
    'housingFund',
    'onlinePayment',
    'insurance',
    'ship',
  ]),
  identifier: z.string(),
  description: z.string(),
  valueFen: z.number().int(),
  balanceFen: z.number().int().optional(),
  frozenFen: z.number().int().optional(),
  availableFen: z.number().int().optional(),
  encumbrances: z.array(ZEncumbranceSchema),
  extra: z.record(z.string(), z.unknown()),
});

export const ZAcceptedSchema = z.object({ requestId: z.string(), status: z.literal('accepted') });

export const ZEnvelopeSchema = z.object({
  requestId: z.string(),
  institution: z.string(),
  operation: z.enum(['query', 'freeze', 'renew', 'unfreeze', 'seal', 'seize', 'release', 'deduct']),
  status: z.string().describe('accepted while pending; then the answer status (answered, frozen, queued …)'),
  result: z
    .object({ status: z.string(), reason: z.string().optional() })
    .catchall(z.unknown())
    .nullable()
    .describe('the answer; null while pending'),
  acceptedAt: z.string().optional(),
  answeredAt: z.string().nullable(),
});

export const ZErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

// Answer results per operation (`result` of the envelope), for the protocol document and for clients.

export const ZRelationSchema = z.object({
  kind: z.enum(['legalRepresentative', 'shareholder', 'investment', 'spouse']),
  name: z.string(),
  idNumber: z.string().optional(),
  creditCode: z.string().optional(),
  sharePct: z.number().optional(),
});

const ZRejectionFields = {
  reasonCode: z
    .enum([
      'unknownAsset',
      'notApplicable',
      'nothingAvailable',
      'invalidPeriod',
      'periodTooLong',
      'mustExtend',
      'unknownFreeze',
      'unknownSeal',
      'notInForce',
      'otherCase',
      'exceedsFrozen',
      'alreadySealed',
    ])
    .optional(),
  reason: z.string(),
};

export const ZRejectedResultSchema = z
  .object({ status: z.literal('rejected'), ...ZRejectionFields })
  .catchall(z.unknown())
  .describe('Any measure the institution refuses; nothing changed.');

export const ZQueryResultSchema = z.object({
  status: z.literal('answered'),
  assets: z.array(ZAnswerAssetSchema),
  relations: z.array(ZRelationSchema).optional(),
  note: z.string().optional(),
});

export const ZFreezeResultSchema = z.object({
  status: z.enum(['frozen', 'partiallyFrozen']),
  freezeId: z.string(),
  identifier: z.string(),
  amountFen: z.number().int().describe('the amount really frozen'),
  requestedFen: z.number().int().optional(),
  wholeAccount: z.literal(true).optional(),
  balanceFen: z.number().int(),
  until: z.string(),
});

export const ZSealResultSchema = z.object({
  status: z.enum(['sealed', 'queued']),
  sealId: z.string(),
  identifier: z.string(),
  queuePosition: z.number().int().describe('1 = effective; 2 and later wait behind earlier seals (轮候查封)'),
  until: z.string(),
});

export const ZRenewResultSchema = z.object({
  status: z.literal('renewed'),
  freezeId: z.string().optional(),
  sealId: z.string().optional(),
  until: z.string(),
  amountFen: z.number().int().optional(),
  queuePosition: z.number().int().optional(),
});

export const ZUnfreezeResultSchema = z.object({
  status: z.literal('unfrozen'),
  freezeId: z.string(),
  amountFen: z.number().int().describe('the amount released'),
});

export const ZReleaseResultSchema = z.object({ status: z.literal('released'), sealId: z.string() });

export const ZDeductResultSchema = z.object({
  status: z.literal('deducted'),
  transferId: z.string(),
  freezeId: z.string(),
  amountFen: z.number().int(),
  remainingFrozenFen: z.number().int(),
  balanceFen: z.number().int(),
});

export const RESULT_SCHEMAS = {
  query: ZQueryResultSchema,
  freeze: ZFreezeResultSchema,
  renew: ZRenewResultSchema,
  unfreeze: ZUnfreezeResultSchema,
  seal: ZSealResultSchema,
  seize: ZSealResultSchema,
  release: ZReleaseResultSchema,
  deduct: ZDeductResultSchema,
} as const;

export type TRelation = z.infer<typeof ZRelationSchema>;
export type TEnvelope = z.infer<typeof ZEnvelopeSchema>;
export type TAnswerAsset = z.infer<typeof ZAnswerAssetSchema>;
