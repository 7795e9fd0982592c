import { z } from 'zod';
import { ZIsoDate, ZText } from '../../kernel/index.ts';

/**
 * The public portal's search of one respondent (执行信息公开网): a name together with an ID number
 * (a person) or a credit code (an organisation); a name alone only for an organisation, matched
 * exactly. Every answer carries the published fields only, ID numbers masked.
 */
// 失信规定 art. 6: what the public list shows of a dishonest entry, and of a restricted person.
const ZLabel = z.object({ zh: z.string(), en: z.string() });

export const ZPublicQuerySchema = z.strictObject({
  q: ZText(100),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

// 失信规定 art. 6: what the public list shows of a person, or of an organisation.
const ZPublicSubjectSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('natural'),
    name: z.string(),
    sex: z.enum(['male', 'female']),
    age: z.number(),
    idNumber: z.string(),
  }),
  z.object({
    kind: z.literal('organisation'),
    name: z.string(),
    creditCode: z.string().nullable(),
    legalRepresentative: z.string().nullable(),
  }),
]);
export const ZPublicEntrySchema = z.object({
  reference: z.string(),
  subject: ZPublicSubjectSchema,
  obligationFen: z.number(),
  performedFen: z.number(),
  conduct: ZLabel,
  basis: z.object({ documentNumber: z.string(), issuedBy: z.string() }),
  caseNumber: z.string(),
  court: z.string(),
  filedOn: z.string(),
  listedOn: z.string(),
});
export type TPublicEntry = z.infer<typeof ZPublicEntrySchema>;
export const ZPublicRestrictedSchema = z.object({
  reference: z.string(),
  name: z.string(),
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
  role: z.string(),
  roleLabel: ZLabel,
  debtorName: z.string(),
  behaviours: z.array(z.object({ item: z.number(), zh: z.string(), en: z.string() })),
  caseNumber: z.string(),
  court: z.string(),
  restrictedFrom: z.string(),
});
export type TPublicRestricted = z.infer<typeof ZPublicRestrictedSchema>;
const publicPageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
export const ZPublicEntryPageSchema = publicPageOf(ZPublicEntrySchema);
export type TPublicEntryPage = z.infer<typeof ZPublicEntryPageSchema>;
export const ZPublicRestrictedPageSchema = publicPageOf(ZPublicRestrictedSchema);
export type TPublicRestrictedPage = z.infer<typeof ZPublicRestrictedPageSchema>;

export const ZPublicSearchQuerySchema = z.strictObject({
  name: ZText(100, { min: 2 }),
  idNumber: ZText(18).optional(),
  creditCode: ZText(18).optional(),
  /** The stated purpose of the search, logged with it (optional, as on the national portal). */
  purpose: ZText(100).optional(),
  /** A solved proof-of-work challenge, asked for only while the portal is under load. */
  pow: ZText(200).optional(),
});
export type TPublicSearchQuery = z.infer<typeof ZPublicSearchQuerySchema>;

export const ZPublicCaseSchema = z.object({
  caseNumber: z.string(),
  court: z.string(),
  filedOn: ZIsoDate,
  claimFen: z.number(),
  respondent: z.string(),
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
});
export const ZPublicTerminatedSchema = ZPublicCaseSchema.extend({
  closedOn: ZIsoDate,
  /** The amount not performed when the round was terminated (终本). */
  unperformedFen: z.number(),
});
export type TPublicTerminated = z.infer<typeof ZPublicTerminatedSchema>;
export const ZPublicSearchSchema = z.object({
  cases: z.array(ZPublicCaseSchema),
  dishonest: z.array(ZPublicEntrySchema),
  restrictions: z.array(ZPublicRestrictedSchema),
  terminated: z.array(ZPublicTerminatedSchema),
});
export type TPublicSearch = z.infer<typeof ZPublicSearchSchema>;

export const ZPublicListQuerySchema = z.strictObject({
  q: ZText(100),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
export const ZPublicTerminatedPageSchema = z.object({
  items: z.array(ZPublicTerminatedSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type TPublicTerminatedPage = z.infer<typeof ZPublicTerminatedPageSchema>;

export const ZChallengeSchema = z.object({
  challenge: z.string(),
  /** Leading zero bits SHA-256(challenge + ":" + nonce) must have. */
  difficulty: z.number(),
  expiresAt: z.string(),
});
export type TChallenge = z.infer<typeof ZChallengeSchema>;
