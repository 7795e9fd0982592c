import { z } from 'zod';
import { validateCreditCode, ZPositiveFen, ZText } from '../../kernel/index.ts';
import { valuationMethodValues, valuationStateValues } from './rules/valuation.ts';
import { specialismValues } from './rules/valuation-appraisal.ts';

/** The valuation API's contract: request schemas strict, answers closed (the web reads these types). */

const ZInstant = z.string();
const ZDate = z.string();

export const ZCaseIdParamSchema = z.object({ id: z.string().min(1).max(100) }).strict();
export const ZIdParamSchema = z.object({ id: z.string().min(1).max(100) }).strict();

export const ZStartValuationSchema = z
  .object({
    assetId: z.uuid(),
    method: z.enum(valuationMethodValues),
    /** The agreed figure (negotiated) or the authority's answer (directed inquiry), in fen. */
    priceFen: ZPositiveFen.optional(),
    /** Appraisal by agreement: the 3 appraisers of the roster the parties agreed on, in order. */
    appraiserIds: z.array(z.uuid()).length(3).optional(),
  })
  .strict();
export type TStartValuation = z.infer<typeof ZStartValuationSchema>;

export const ZValuationStartedSchema = z.object({ id: z.string(), state: z.enum(valuationStateValues) });

const ZReportSchema = z.object({
  platform: z.string(),
  platformName: z.string(),
  priceFen: z.number().int(),
  reportNumber: z.string().nullable(),
  reportedAt: ZInstant,
  receivedAt: ZInstant,
  /** Reached the court by the due day (3 days, or 6 once extended); provisional while the window is open. */
  onTime: z.boolean(),
  /** Set aside by an upheld objection. */
  isExcluded: z.boolean(),
});

const ZPlatformRequestSchema = z.object({
  platform: z.string(),
  platformName: z.string(),
  state: z.enum(['pending', 'accepted', 'reported', 'failed']),
});

const ZObjectionSchema = z.object({
  id: z.string(),
  platform: z.string().nullable(),
  partyId: z.string().nullable(),
  reason: z.string(),
  state: z.enum(['pending', 'upheld', 'dismissed']),
  lodgedOn: ZDate,
  decidedOn: ZDate.nullable(),
  decisionReason: z.string().nullable(),
});
export type TObjection = z.infer<typeof ZObjectionSchema>;

const ZAssignmentSchema = z.object({
  position: z.number().int(),
  appraiserId: z.string(),
  name: z.string(),
  assignedOn: ZDate,
  dueOn: ZDate,
  state: z.enum(['active', 'handedOver', 'reported']),
  endedOn: ZDate.nullable(),
  extensions: z.array(
    z.object({ days: z.number().int(), reason: z.string(), requestedOn: ZDate, dueOn: ZDate }),
  ),
});

export const ZValuationSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  assetId: z.string(),
  asset: z.object({ type: z.string(), identifier: z.string(), description: z.string() }),
  method: z.enum(valuationMethodValues),
  state: z.enum(valuationStateValues),
  startedOn: ZDate,
  /** The 30 days from the seal or seizure to the start of the reference price (DOMAIN §2). */
  startDeadline: z.object({ controlledOn: ZDate.nullable(), dueOn: ZDate.nullable(), isLate: z.boolean() }),
  /** Online inquiry: the platforms asked, and the day their reports are due. */
  platforms: z.array(ZPlatformRequestSchema),
  inquiryDueOn: ZDate.nullable(),
  isExtended: z.boolean(),
  reports: z.array(ZReportSchema),
  referencePriceFen: z.number().int().nullable(),
  pricedOn: ZDate.nullable(),
  validUntil: ZDate.nullable(),
  objectionDueOn: ZDate.nullable(),
  objections: z.array(ZObjectionSchema),
  failureReason: z.string().nullable(),
  appraisal: z
    .object({
      lotteryId: z.string().nullable(),
      currentPosition: z.number().int().nullable(),
      assignments: z.array(ZAssignmentSchema),
      reportNumber: z.string().nullable(),
    })
    .nullable(),
});
export type TValuation = z.infer<typeof ZValuationSchema>;

export const ZCaseValuationsSchema = z.object({
  items: z.array(ZValuationSchema),
  /** The case's sealed or seized assets, each with its 30-day start and its latest valuation. */
  assets: z.array(
    z.object({
      assetId: z.string(),
      assetType: z.string(),
      identifier: z.string(),
      description: z.string(),
      measureKind: z.enum(['seal', 'seize']),
      controlledOn: ZDate,
      startDueOn: ZDate,
      isStartLate: z.boolean(),
      valuationId: z.string().nullable(),
      referencePriceFen: z.number().int().nullable(),
    }),
  ),
});

export const ZLodgeObjectionSchema = z
  .object({
    /** The platform whose report is objected to (online inquiry). */
    platform: z.string().min(1).max(40),
    /** The party objecting; left out, the team raises it. */
    partyId: z.uuid().optional(),
    reason: ZText(1000, { min: 1, isMultiline: true }),
  })
  .strict();

export const ZDecideObjectionSchema = z
  .object({
    decision: z.enum(['upheld', 'dismissed']),
    reason: ZText(1000, { min: 1, isMultiline: true }),
  })
  .strict();

export const ZObjectionAnswerSchema = z.object({
  objection: ZObjectionSchema,
  valuation: ZValuationSchema,
});

export const ZDrawLotsSchema = z
  .object({
    /** A value read out at the draw (e.g. by the parties present), mixed into it; empty if none. */
    witness: ZText(100).optional(),
  })
  .strict();

export const ZLotterySchema = z.object({
  id: z.string(),
  valuationId: z.string(),
  scheme: z.string(),
  specialism: z.enum(specialismValues),
  roster: z.array(z.object({ position: z.number().int(), appraiserId: z.string(), name: z.string() })),
  rosterDigest: z.string(),
  commitment: z.string(),
  committedAt: ZInstant,
  /** Revealed after the draw, with the witness value and the result. */
  seed: z.string().nullable(),
  witness: z.string().nullable(),
  drawnAt: ZInstant.nullable(),
  result: z
    .array(
      z.object({
        place: z.number().int(),
        position: z.number().int(),
        appraiserId: z.string(),
        name: z.string(),
      }),
    )
    .nullable(),
});
export type TLottery = z.infer<typeof ZLotterySchema>;

export const ZAppraisalExtensionSchema = z
  .object({
    days: z.number().int().min(1).max(15),
    reason: ZText(500, { min: 1, isMultiline: true }),
  })
  .strict();

/** The new deadline once an extension is granted, and how many the appraiser has used. */
export const ZExtensionGrantedSchema = z.object({ dueOn: ZDate, extensionsUsed: z.number().int() });

export const ZAppraisalReportSchema = z
  .object({
    priceFen: ZPositiveFen,
    reportNumber: ZText(64, { min: 1 }),
  })
  .strict();

export const ZAppraiserSchema = z.object({
  id: z.string(),
  name: z.string(),
  specialism: z.enum(specialismValues),
  creditCode: z.string().nullable(),
  rosterPosition: z.number().int(),
  isActive: z.boolean(),
});

export const ZAddAppraiserSchema = z
  .object({
    name: ZText(100, { min: 1 }),
    specialism: z.enum(specialismValues),
    creditCode: z
      .string()
      .max(40)
      .refine((s) => validateCreditCode(s).ok, {
        error: '统一社会信用代码无效（GB 32100） / Not a valid unified social credit code (GB 32100)',
      })
      .optional(),
  })
  .strict();

export const ZAppraiserListQuerySchema = z
  .object({ specialism: z.enum(specialismValues).optional() })
  .strict();
export const ZAppraiserListSchema = z.object({ items: z.array(ZAppraiserSchema) });

export const ZPlatformListSchema = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      isListed: z.boolean(),
      isAvailable: z.boolean(),
      lateInYear: z.number().int(),
      delistedOn: ZDate.nullable(),
      delistedUntil: ZDate.nullable(),
    }),
  ),
});
