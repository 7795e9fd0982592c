import { z } from 'zod';

/**
 * Answers as the protocol defines them. Parsed leniently (unknown fields kept) so that an
 * institution adding a field does not break Zhixing; what Zhixing relies on is checked.
 */
export const protocolOperations = [
  'query',
  'freeze',
  'renew',
  'unfreeze',
  'seal',
  'seize',
  'release',
  'deduct',
] as const;
export type ProtocolOperation = (typeof protocolOperations)[number];

export const ZEnvelopeSchema = z.object({
  requestId: z.string().min(1).max(200),
  institution: z.string().min(1).max(40),
  operation: z.enum(protocolOperations),
  status: z.string(),
  result: z.object({ status: z.string(), reason: z.string().optional() }).catchall(z.unknown()).nullable(),
  acceptedAt: z.string().optional(),
  answeredAt: z.string().nullable(),
});
export type TEnvelope = z.infer<typeof ZEnvelopeSchema>;

export const ZEncumbranceSchema = z.object({
  court: z.string(),
  caseNumber: z.string(),
  kind: z.string(),
  amountFen: z.number().int().optional(),
  until: z.string().optional(),
  queuePosition: z.number().int().optional(),
});

export const ZAnswerAssetSchema = z.object({
  assetType: z.string().min(1).max(40),
  identifier: z.string().min(1).max(200),
  description: z.string().max(500),
  valueFen: z.number().int().optional(),
  balanceFen: z.number().int().optional(),
  frozenFen: z.number().int().optional(),
  availableFen: z.number().int().optional(),
  encumbrances: z.array(ZEncumbranceSchema).default([]),
  extra: z.record(z.string(), z.unknown()).default({}),
});
export type TAnswerAsset = z.infer<typeof ZAnswerAssetSchema>;

export const ZRelationSchema = z.object({
  kind: z.enum(['legalRepresentative', 'shareholder', 'investment', 'spouse']),
  name: z.string().min(1).max(200),
  idNumber: z.string().max(40).optional(),
  creditCode: z.string().max(40).optional(),
  sharePct: z.number().optional(),
});
export type TRelation = z.infer<typeof ZRelationSchema>;

export const ZQueryResultSchema = z.object({
  status: z.literal('answered'),
  assets: z.array(ZAnswerAssetSchema),
  relations: z.array(ZRelationSchema).optional(),
  note: z.string().optional(),
});

/** Measure answers: the fields Zhixing records (others are kept in the raw result). */
export const ZMeasureResultSchema = z
  .object({
    status: z.string(),
    reason: z.string().optional(),
    freezeId: z.string().optional(),
    sealId: z.string().optional(),
    transferId: z.string().optional(),
    amountFen: z.number().int().optional(),
    queuePosition: z.number().int().optional(),
    until: z.string().optional(),
  })
  .catchall(z.unknown());
export type TMeasureResult = z.infer<typeof ZMeasureResultSchema>;
