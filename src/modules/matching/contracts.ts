/**
 * Requests and answers of the matching API, the change feed and the unit administration. Their
 * field names are a published contract with the joint-punishment units and must not change: in
 * it a punishment is still a "measure" (`measures`, `measure`). The code inside says punishment;
 * `wire.ts` maps between the two.
 */
import { z } from 'zod';
import { ZText } from '../../kernel/index.ts';
import { sceneValues } from './rules/scene-codes.ts';

const text = (max: number) => ZText(max, { min: 1 });

// Request bodies and queries admit no field they do not declare (OWASP ASVS 5.1.2: no mass assignment).
export const ZNewUnitSchema = z.strictObject({
  name: text(100),
  scene: z.enum(sceneValues),
  capability: z.enum(['match', 'feed']).optional(),
  ratePerMinute: z.number().int().min(1).max(10_000_000).optional(),
  dailyQuota: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  webhookUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
});
export type TNewUnit = z.infer<typeof ZNewUnitSchema>;
export type TScene = TNewUnit['scene'];
export type TUnitCapability = NonNullable<TNewUnit['capability']>;
export const ZUnitCreatedSchema = z.object({
  id: z.string(),
  apiKey: z.string(),
  webhookSecret: z.string().optional(),
});
export type TUnitCreated = z.infer<typeof ZUnitCreatedSchema>;
export const ZUnitIdParamSchema = z.object({ id: z.string().min(1).max(100) });
export const ZUnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  capability: z.string(),
  scene: z.string(),
  keyPrefix: z.string(),
  ratePerMinute: z.number(),
  dailyQuota: z.number(),
  webhookUrl: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type TUnit = z.infer<typeof ZUnitSchema>;

export const ZUnitListSchema = z.object({ items: z.array(ZUnitSchema) });
export type TUnitList = z.infer<typeof ZUnitListSchema>;

export const ZMatchSubjectSchema = z.object({
  idNumber: z.string().nullish(),
  creditCode: z.string().nullish(),
  name: z.string().nullish(),
});
/** The longest value of each field of a subject the match API reads (checked by hand in match-routes.ts). */
export const subjectFieldMaxLength = { idNumber: 40, creditCode: 40, name: 200 } as const;
export const ZMatchRequestSchema = z.strictObject({
  subjects: z
    .array(
      z.strictObject({
        idNumber: ZText(subjectFieldMaxLength.idNumber).nullish(),
        creditCode: ZText(subjectFieldMaxLength.creditCode).nullish(),
        name: ZText(subjectFieldMaxLength.name).nullish(),
      }),
    )
    .min(1)
    .max(10_000),
});
// A punishment, under the names of the published API (`measure`, `measures`): see wire.ts.
const ZPunishmentViewSchema = z.object({
  measure: z.string(),
  behaviours: z.array(z.number()).optional(),
  role: z.string(),
  since: z.string(),
  until: z.string().nullable(),
  court: z.string(),
  caseNumber: z.string(),
  reference: z.string(),
});
export const ZMatchResponseSchema = z.object({
  results: z.array(
    z.object({
      subject: ZMatchSubjectSchema,
      restricted: z.boolean(),
      match: z.enum(['exact', 'fuzzy']).optional(),
      score: z.number().optional(),
      matchedName: z.string().optional(),
      measures: z.array(ZPunishmentViewSchema),
      candidates: z
        .array(z.object({ name: z.string(), score: z.number(), measures: z.array(ZPunishmentViewSchema) }))
        .optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});
export const ZChangesQuerySchema = z.strictObject({
  since: z
    .string()
    .regex(/^\d{1,18}$/, '游标应为非负整数 / The cursor is a non-negative integer')
    .optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export const ZChangesSchema = z.object({
  changes: z.array(
    z.object({
      seq: z.number(),
      kind: z.string(),
      measure: z.string(),
      subject: z.object({
        kind: z.string(),
        idNumber: z.string().nullable(),
        creditCode: z.string().nullable(),
        name: z.string(),
      }),
      behaviours: z.array(z.number()).optional(),
      role: z.string(),
      since: z.string().nullable(),
      until: z.string().nullable(),
      court: z.string(),
      caseNumber: z.string().nullable(),
      reference: z.string().nullable(),
      occurredAt: z.string(),
    }),
  ),
  next: z.string(),
});

export type TMatchResponse = z.infer<typeof ZMatchResponseSchema>;
export type TMatchResultWire = TMatchResponse['results'][number];
export type TChanges = z.infer<typeof ZChangesSchema>;
