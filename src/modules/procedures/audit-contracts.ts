import { z } from 'zod';
import { ZIsoDate, ZText } from '../../kernel/index.ts';
import { auditGroundValues } from './rules/audit-search.ts';

/**
 * Audit investigation (审计调查): the audit institutions the court's administrator keeps, the
 * applicant's written application recorded by the team, the judge's decision, the lottery that
 * draws the auditor and its public record.
 */
export const ZAuditInstitutionInputSchema = z.strictObject({
  name: ZText(100, { min: 1 }),
  /** 统一社会信用代码 (GB 32100). */
  creditCode: ZText(18, { min: 18 }).optional(),
});
export type TAuditInstitutionInput = z.infer<typeof ZAuditInstitutionInputSchema>;

export const ZAuditInstitutionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string().nullable(),
  /** The court whose administrator keeps it: it serves that court and the courts below. */
  courtId: z.uuid(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type TAuditInstitution = z.infer<typeof ZAuditInstitutionSchema>;
export const ZAuditInstitutionListSchema = z.object({ items: z.array(ZAuditInstitutionSchema) });

export const ZAuditApplicationInputSchema = z.strictObject({
  applicantPartyId: z.uuid(),
  /** The respondent to audit: a legal person or an organisation (财产调查规定 art. 17). */
  respondentPartyId: z.uuid(),
  ground: z.enum(auditGroundValues),
  reason: ZText(2000, { min: 1, isMultiline: true }),
  /** The day the court received the written application: the 10 days run from it. */
  receivedOn: ZIsoDate,
});
export type TAuditApplicationInput = z.infer<typeof ZAuditApplicationInputSchema>;

export const auditDecisionValues = ['grant', 'reject'] as const;

export const ZAuditDecisionSchema = z.strictObject({
  decision: z.enum(auditDecisionValues),
  /** Required to reject. */
  reason: ZText(2000, { min: 1, isMultiline: true }).optional(),
});
export type TAuditDecision = z.infer<typeof ZAuditDecisionSchema>;

export const ZDrawInputSchema = z.strictObject({
  /** A value read out by those present at the draw (e.g. a number the applicant picks). */
  witness: ZText(100).optional(),
});
export type TDrawInput = z.infer<typeof ZDrawInputSchema>;

export const auditApplicationStateValues = ['pending', 'granted', 'rejected', 'auditorDrawn'] as const;

const ZLabel = z.object({ zh: z.string(), en: z.string() });

export const ZAuditApplicationSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  applicant: z.object({ partyId: z.uuid(), name: z.string() }),
  respondent: z.object({ partyId: z.uuid(), name: z.string() }),
  ground: z.enum(auditGroundValues),
  groundLabel: ZLabel,
  reason: z.string(),
  receivedOn: ZIsoDate,
  /** 财产调查规定 art. 17: decided within 10 days of receipt. */
  dueOn: ZIsoDate,
  /** Undecided past the due day, or decided after it. */
  isLate: z.boolean(),
  state: z.enum(auditApplicationStateValues),
  recordedAt: z.string(),
  recordedBy: z.string(),
  decidedOn: ZIsoDate.nullable(),
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** The lottery's public record (`GET /api/v1/audit-lotteries/{id}`), once granted. */
  lotteryId: z.uuid().nullable(),
  auditor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** 财产调查规定 art. 21: the applicant advances the fee; the respondent bears it if evasion is found. */
  feeAdvancedBy: z.literal('applicant'),
});
export type TAuditApplication = z.infer<typeof ZAuditApplicationSchema>;
export const ZAuditApplicationListSchema = z.object({ items: z.array(ZAuditApplicationSchema) });

/** A lottery's public record: anyone recomputes the draw from it (disposal's zhixing-lottery/1). */
export const ZAuditLotterySchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  scheme: z.string(),
  roster: z.array(z.object({ position: z.number().int(), institutionId: z.uuid(), name: z.string() })),
  rosterDigest: z.string(),
  commitment: z.string(),
  committedAt: z.string(),
  /** Revealed at the draw, never before. */
  seed: z.string().nullable(),
  witness: z.string().nullable(),
  drawnAt: z.string().nullable(),
  result: z
    .array(
      z.object({
        place: z.number().int(),
        position: z.number().int(),
        institutionId: z.uuid(),
        name: z.string(),
      }),
    )
    .nullable(),
});
export type TAuditLottery = z.infer<typeof ZAuditLotterySchema>;
