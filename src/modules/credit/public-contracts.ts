import { z } from 'zod';
import { ZText } from '../../kernel/index.ts';
import { restrictionRoleValues } from './case-credit-contracts.ts';

/**
 * What the public sees of the dishonest and restricted lists (失信规定 art. 6), and the grid
 * workers' inbox of listings and restrictions in their areas.
 */
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
  role: z.enum(restrictionRoleValues),
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

export const ZGridAreasSchema = z.strictObject({
  areaCodes: z
    .array(z.string().regex(/^[1-9]\d{5}$/, '行政区划代码为6位数字 / An area code is 6 digits'))
    .max(50),
});
export type TGridAreasInput = z.infer<typeof ZGridAreasSchema>;
export const ZAreaCodesSchema = z.object({ areaCodes: z.array(z.string()) });
export type TAreaCodes = z.infer<typeof ZAreaCodesSchema>;
export const ZPageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const ZSeqSchema = z.strictObject({ seq: z.number().int().min(0) });
export type TSeq = z.infer<typeof ZSeqSchema>;

export const ZGridItemSchema = z.object({
  seq: z.number(),
  kind: z.string(),
  // `measure` is the name in the published inbox API; the column is `punishment`.
  measure: z.string(),
  name: z.string(),
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
  divisionCode: z.string().nullable(),
  role: z.string().nullable(),
  court: z.string(),
  caseNumber: z.string().nullable(),
  since: z.string().nullable(),
  until: z.string().nullable(),
  occurredAt: z.string(),
  isUnread: z.boolean(),
});
export type TGridItem = z.infer<typeof ZGridItemSchema>;
export const ZGridInboxSchema = z.object({
  areas: z.array(z.string()),
  items: z.array(ZGridItemSchema),
  total: z.number(),
  unread: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type TGridInbox = z.infer<typeof ZGridInboxSchema>;
export const ZGridReadSchema = z.object({ lastReadSeq: z.number() });
export type TGridRead = z.infer<typeof ZGridReadSchema>;
