import { z } from 'zod';
import { ZIsoDate, ZText } from '../../kernel/index.ts';

/**
 * Search (搜查, CPL art. 259): the judge's request for a warrant, the court president's signature,
 * and the search record (搜查笔录).
 */
export const ZSearchRequestSchema = z.strictObject({
  respondentPartyId: z.uuid(),
  /** The person, residence or place where property is hidden, to be searched. */
  places: ZText(500, { min: 1, isMultiline: true }),
  /** Why: the respondent has not performed and hides property (CPL art. 259). */
  reason: ZText(2000, { min: 1, isMultiline: true }),
});
export type TSearchRequest = z.infer<typeof ZSearchRequestSchema>;

export const ZSearchApprovalSchema = z.strictObject({
  note: ZText(500, { isMultiline: true }).optional(),
});
export type TSearchApproval = z.infer<typeof ZSearchApprovalSchema>;

export const ZSearchRecordSchema = z.strictObject({
  searchedOn: ZIsoDate,
  place: ZText(500, { min: 1 }),
  /** The officers who searched (搜查人员). */
  officers: z
    .array(ZText(50, { min: 1 }))
    .min(1)
    .max(20),
  /** Those present: the respondent or an adult family member, the grassroots organisation (CPL-I arts. 494–497). */
  witnesses: z
    .array(ZText(50, { min: 1 }))
    .max(20)
    .optional(),
  findings: ZText(4000, { min: 1, isMultiline: true }),
  /** Who refused to sign the record, if anyone (CPL-I arts. 494–497: the refusal is written down). */
  signatureNote: ZText(500, { isMultiline: true }).optional(),
});
export type TSearchRecord = z.infer<typeof ZSearchRecordSchema>;

export const searchStateValues = ['requested', 'approved', 'searched'] as const;

export const ZSearchSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  respondent: z.object({ partyId: z.uuid(), name: z.string() }),
  places: z.string(),
  reason: z.string(),
  state: z.enum(searchStateValues),
  requestedOn: ZIsoDate,
  requestedBy: z.string(),
  /** DOMAIN §2: the court president signs (or refuses) within 7 days. */
  approvalDueOn: ZIsoDate,
  isApprovalOverdue: z.boolean(),
  approvedOn: ZIsoDate.nullable(),
  approvedBy: z.string().nullable(),
  approvalNote: z.string().nullable(),
  /** The last day the signed warrant may be executed (practice: 30 days). */
  warrantValidUntil: ZIsoDate.nullable(),
  record: z
    .object({
      searchedOn: ZIsoDate,
      place: z.string(),
      officers: z.array(z.string()),
      witnesses: z.array(z.string()),
      findings: z.string(),
      signatureNote: z.string().nullable(),
      recordedAt: z.string(),
      recordedBy: z.string(),
      nodeId: z.uuid().nullable(),
    })
    .nullable(),
});
export type TSearch = z.infer<typeof ZSearchSchema>;
export const ZSearchListSchema = z.object({ items: z.array(ZSearchSchema) });
