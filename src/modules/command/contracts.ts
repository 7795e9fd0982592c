import { z } from 'zod';
import { ZIsoDate, ZText } from '../../kernel/index.ts';
import { entrustmentMatters } from './rules/entrustment.ts';
import { indicatorCodes } from './rules/indicators.ts';

/** The command module's API contract: requests strict, answers described (the web reads these types). */

export const ZId = z.uuid();
export const text = (max: number) => ZText(max, { min: 1 });
export const ZCourtCode = ZText(20, { min: 1 });
const ZBilingual = z.object({ zh: z.string(), en: z.string() });

export const ZIdParamSchema = z.object({ id: z.string().min(1).max(100) }).strict();
/** An indicator's code in a path: an unknown one is a resource that does not exist (404). */
export const ZIndicatorParamSchema = z.object({ code: z.string().min(1).max(50) }).strict();

export const ZPeriodQuerySchema = z
  .object({ court: ZCourtCode.optional(), from: ZIsoDate.optional(), to: ZIsoDate.optional() })
  .strict();
export const ZFailingQuerySchema = ZPeriodQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).optional(),
}).strict();
export const ZCourtQuerySchema = z.object({ court: ZCourtCode.optional() }).strict();

const ZPeriod = z.object({ from: ZIsoDate, to: ZIsoDate });
const ZCourtRef = z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.string() });
const ZIndicatorValue = z.object({
  code: z.enum(indicatorCodes),
  numerator: z.number().int(),
  denominator: z.number().int(),
  value: z.number().nullable(),
  target: z.number(),
  isMet: z.boolean().nullable(),
  label: ZBilingual,
  window: ZPeriod.nullable(),
});
export const ZIndicatorsSchema = z.object({
  court: ZCourtRef,
  period: ZPeriod,
  indicators: z.array(ZIndicatorValue),
  children: z.array(z.object({ court: ZCourtRef, indicators: z.array(ZIndicatorValue) })),
});
export type TIndicators = z.infer<typeof ZIndicatorsSchema>;

export const ZTrendSchema = z.object({
  court: ZCourtRef,
  months: z.array(z.object({ month: z.string(), indicators: z.array(ZIndicatorValue) })),
});

export const ZFailingSchema = z.object({
  items: z.array(
    z.object({
      caseId: z.string(),
      caseNumber: z.string(),
      courtId: z.string(),
      reason: z.string(),
      reasonLabel: ZBilingual,
      countedOn: z.string(),
      petitionId: z.string().optional(),
    }),
  ),
  total: z.number().int(),
  /** The total is counted up to 10,000; true when there are more. */
  isTotalCapped: z.boolean(),
});

export const ZOpenSupervisionSchema = z
  .object({ caseId: ZId, demands: text(2000), dueDate: ZIsoDate })
  .strict();
export const ZSupervisionOpenedSchema = z.object({
  id: z.string(),
  state: z.literal('open'),
  dueDate: z.string(),
});
export const ZReportSchema = z.object({ text: text(4000) }).strict();
export const ZReportedSchema = z.object({
  id: z.string(),
  supervisionId: z.string(),
  reportedOn: z.string(),
  isLate: z.boolean(),
});
const ZSupervision = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  courtId: z.string(),
  openedBy: z.string(),
  openedByCourtId: z.string(),
  demands: z.string(),
  openedOn: z.string(),
  dueDate: z.string(),
  state: z.enum(['open', 'reported', 'closed']),
  isOverdue: z.boolean(),
  escalatedOn: z.string().nullable(),
  reports: z.array(
    z.object({ text: z.string(), reportedOn: z.string(), reportedBy: z.string(), isLate: z.boolean() }),
  ),
});
export const ZSupervisionItemSchema = ZSupervision;
export const ZSupervisionListSchema = z.object({
  items: z.array(ZSupervision),
  statistics: z.object({ total: z.number(), open: z.number(), reported: z.number(), overdue: z.number() }),
});

export const ZDocumentRef = z.object({ name: text(200) }).strict();
export const ZRequestEntrustmentSchema = z
  .object({
    caseId: ZId,
    toCourt: ZCourtCode.or(ZId),
    matter: z.enum(entrustmentMatters),
    details: text(4000),
    dueDate: ZIsoDate,
    documents: z.array(ZDocumentRef).max(20).optional(),
  })
  .strict();
export const ZCompleteEntrustmentSchema = z
  .object({ result: text(4000), receipts: z.array(ZDocumentRef).max(20).optional() })
  .strict();
export const ZEntrustmentRequestedSchema = z.object({
  id: z.string(),
  state: z.literal('sent'),
  toCourt: z.object({ id: z.string(), name: z.string() }),
  dueDate: z.string(),
});
export const ZEntrustmentSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  fromCourt: z.object({ id: z.string(), name: z.string() }),
  toCourt: z.object({ id: z.string(), name: z.string() }),
  matter: z.enum(entrustmentMatters),
  details: z.string(),
  documents: z.array(z.object({ name: z.string() })),
  dueDate: z.string(),
  state: z.enum(['sent', 'accepted', 'completed']),
  isOverdue: z.boolean(),
  requestedBy: z.string(),
  requestedOn: z.string(),
  acceptedBy: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  completedBy: z.string().nullable(),
  completedOn: z.string().nullable(),
  result: z.string().nullable(),
  receipts: z.array(z.object({ name: z.string() })),
});
export const ZEntrustmentListSchema = z.object({
  items: z.array(ZEntrustmentSchema.extend({ direction: z.enum(['incoming', 'outgoing']) })),
});

export const ZRegisterPetitionSchema = z
  .object({ caseId: ZId, petitioner: text(100), summary: text(4000) })
  .strict();
export const ZPetitionRegisteredSchema = z.object({
  id: z.string(),
  state: z.literal('open'),
  registeredOn: z.string(),
});
export const ZConcludePetitionSchema = z.object({ resolution: text(4000) }).strict();
export const ZPetitionConcludedSchema = z.object({
  id: z.string(),
  state: z.literal('concluded'),
  concludedOn: z.string(),
});
export const ZPetitionListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      caseNumber: z.string(),
      /** The case's court (a petition is concluded by its leader or a command centre above it). */
      courtId: z.string(),
      petitioner: z.string(),
      summary: z.string(),
      registeredOn: z.string(),
      state: z.string(),
      resolution: z.string().nullable(),
      concludedOn: z.string().nullable(),
      receivedByCourtId: z.string(),
    }),
  ),
});

export const ZTerminationReviewSchema = z
  .object({ caseId: ZId, item: text(100), finding: text(2000) })
  .strict();
export const ZTerminationReviewedSchema = z.object({ id: z.string(), reviewedOn: z.string() });

export const ZCaseCommandSchema = z.object({
  caseId: z.string(),
  supervisions: z.array(ZSupervision),
  entrustments: z.array(ZEntrustmentSchema.extend({ direction: z.enum(['incoming', 'outgoing']) })),
  petitions: ZPetitionListSchema.shape.items,
});

export const ZLiveSchema = ZIndicatorsSchema.extend({
  today: ZIsoDate,
  now: z.string(),
  activity: z.object({
    filed: z.number().int(),
    closed: z.number().int(),
    inquiriesCompleted: z.number().int(),
    listed: z.number().int(),
    receivedFen: z.number().int(),
  }),
});

export const ZWarningQuerySchema = z
  .object({
    court: ZCourtCode.optional(),
    level: z.enum(['yellow', 'red']).optional(),
    kind: z.enum(['deadline', 'passive']).optional(),
    special: z.enum(['true', 'false']).optional(),
  })
  .strict();
export const ZWarningListSchema = z.object({
  items: z.array(
    z.object({
      caseId: z.string(),
      caseNumber: z.string(),
      courtId: z.string(),
      kind: z.enum(['deadline', 'passive']),
      deadlineKind: z.string().nullable(),
      deadlineLabel: ZBilingual.nullable(),
      dueOn: z.string().nullable(),
      level: z.enum(['yellow', 'red']),
      escalation: z.enum(['team', 'courtLeader', 'commandCentre']),
      isSpecial: z.boolean(),
      flags: z.array(z.string()),
      raisedOn: z.string(),
      days: z.number().int(),
    }),
  ),
  statistics: z.object({ red: z.number(), yellow: z.number(), passive: z.number(), special: z.number() }),
});
export const ZSettingsSchema = z
  .object({ court: ZCourtCode.optional(), passiveDays: z.number().int().min(5).max(365) })
  .strict();
export const ZSettingsSavedSchema = z.object({
  court: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  passiveDays: z.number().int(),
});

export const ZMonthlyQuerySchema = z
  .object({
    court: ZCourtCode.optional(),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM / A month is YYYY-MM')
      .optional(),
    format: z.enum(['json', 'xlsx']).optional(),
  })
  .strict();
const ZMonthlyCounts = z.object({
  filed: z.number().int(),
  closed: z.number().int(),
  fulfilled: z.number().int(),
  terminatedThisRound: z.number().int(),
  terminated: z.number().int(),
  otherClosed: z.number().int(),
  pendingAtEnd: z.number().int(),
});
export const ZMonthlyStatisticsSchema = z.object({
  court: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  month: z.string(),
  total: z.object({ counts: ZMonthlyCounts, indicators: z.array(ZIndicatorValue) }),
  rows: z.array(
    z.object({
      court: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      counts: ZMonthlyCounts,
      indicators: z.array(ZIndicatorValue).nullable(),
    }),
  ),
});
