import { z } from 'zod';
import { ZFen, ZIsoDate, ZText } from '../../kernel/index.ts';
import { reportItemKinds } from './rules/property-report.ts';

/**
 * Property reports (报告财产令): what the respondent files through the portal (or the team enters
 * from paper), the obligation as the respondent sees it, and as the team sees it — compared with
 * the online inquiry, with the proposals a breach calls for.
 */
export const ZPortalCaseParamSchema = z.strictObject({ id: z.uuid() });

export const ZReportItemSchema = z.strictObject({
  kind: z.enum(reportItemKinds),
  description: ZText(500, { min: 1 }),
  institution: ZText(200).optional(),
  identifier: ZText(100).optional(),
  valueFen: ZFen.optional(),
  /** When the asset changed (acquired, sold, transferred); required in a supplement. */
  changedOn: ZIsoDate.optional(),
});

const reportFields = {
  // Nothing to report is a report too: an empty list, signed as true.
  items: z.array(ZReportItemSchema).max(200),
  changesSinceOneYearBefore: ZText(4000, { min: 1, isMultiline: true }),
  /** The respondent's statement that the report is true and complete (CPL art. 252: a false report is sanctioned). */
  isDeclaredTrue: z.literal(true),
};

export const ZPortalReportInputSchema = z.strictObject(reportFields);
export type TPortalReportInput = z.infer<typeof ZPortalReportInputSchema>;

export const ZPaperReportInputSchema = z.strictObject({ respondentPartyId: z.uuid(), ...reportFields });
export type TPaperReportInput = z.infer<typeof ZPaperReportInputSchema>;

export const ZRefusalInputSchema = z.strictObject({
  respondentPartyId: z.uuid(),
  note: ZText(2000, { min: 1, isMultiline: true }),
});
export type TRefusalInput = z.infer<typeof ZRefusalInputSchema>;

export const ZReportCreatedSchema = z.object({
  id: z.uuid(),
  obligationId: z.uuid(),
  kind: z.enum(['initial', 'supplement']),
  reportedAt: z.string(),
});

export const ZRefusedSchema = z.object({
  id: z.uuid(),
  status: z.literal('refused'),
  refusedAt: z.string(),
});

export const obligationStatusValues = ['awaiting', 'reported', 'late', 'refused'] as const;

const ZItemSchema = z.object({
  kind: z.enum(reportItemKinds),
  description: z.string(),
  institution: z.string().nullable(),
  identifier: z.string().nullable(),
  valueFen: z.number().nullable(),
  changedOn: ZIsoDate.nullable(),
});

const ZReportSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['initial', 'supplement']),
  source: z.enum(['portal', 'paper']),
  reportedAt: z.string(),
  reportedBy: z.string(),
  items: z.array(ZItemSchema),
  changesSinceOneYearBefore: z.string(),
});

const obligationFields = {
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  respondentPartyId: z.uuid(),
  respondentName: z.string(),
  orderedOn: ZIsoDate,
  dueOn: ZIsoDate,
  /** The report covers changes since this day (one year before the order). */
  changesSince: ZIsoDate,
  status: z.enum(obligationStatusValues),
  reportedAt: z.string().nullable(),
  reports: z.array(ZReportSchema),
};

export const ZPortalObligationListSchema = z.object({
  items: z.array(z.object(obligationFields)),
  rules: z.object({ reportPeriodDays: z.number(), changeReportDays: z.number() }),
});

export const ZDifferenceSchema = z.object({
  kind: z.enum(reportItemKinds),
  code: z.enum(['notReported', 'notFound', 'valueDiffers', 'changeReportedLate']),
  zh: z.string(),
  en: z.string(),
  institution: z.string().nullable(),
  identifier: z.string().nullable(),
  description: z.string(),
  reportedValueFen: z.number().nullable(),
  foundValueFen: z.number().nullable(),
});

export const ZProposalSchema = z.object({
  kind: z.enum(['sanction', 'dishonestListing']),
  zh: z.string(),
  en: z.string(),
  basis: z.string(),
  ground: z.number().nullable(),
  route: z.string().nullable(),
});

export const ZTeamObligationListSchema = z.object({
  items: z.array(
    z.object({
      ...obligationFields,
      /** How the first report came in; null before any. */
      source: z.enum(['portal', 'paper']).nullable(),
      /** Every item of every report (the first and its supplements). */
      items: z.array(ZItemSchema),
      /** The first report came after the period. */
      isReportedLate: z.boolean(),
      refusedAt: z.string().nullable(),
      refusalNote: z.string().nullable(),
      differences: z.array(ZDifferenceSchema),
      proposals: z.array(ZProposalSchema),
    }),
  ),
});
export type TTeamObligationList = z.infer<typeof ZTeamObligationListSchema>;
