import { z } from 'zod';

/** The grid workers' inbox of listings and restrictions in their areas, and their areas. */
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
