import { z } from 'zod';
import { ZIsoDate, ZText } from '../../kernel/index.ts';

/**
 * The service window (执行事务中心, seed 003 item 48): visits to the enforcement bureau's counter,
 * materials received into a case with a receipt, progress read from the case, meetings booked with
 * the judge, the day's log and its counts. Requests strict, answers described (the web reads these types).
 */
const ZLabel = z.object({ zh: z.string(), en: z.string() });

export const visitorRoleValues = ['applicant', 'respondent', 'agent', 'lawyer', 'other'] as const;
export type TVisitorRole = (typeof visitorRoleValues)[number];
export const visitPurposeValues = ['materials', 'progress', 'meeting', 'consultation', 'other'] as const;
export type TVisitPurpose = (typeof visitPurposeValues)[number];
export const meetingSlotValues = ['am', 'pm'] as const;
export type TMeetingSlot = (typeof meetingSlotValues)[number];
export const visitStateValues = ['open', 'closed'] as const;

/** A visit's id in a path: anything else is a visit that does not exist (404). */
export const ZVisitParamSchema = z.strictObject({ id: z.string().min(1).max(100) });

export const ZRegisterVisitSchema = z.strictObject({
  visitor: z.strictObject({
    name: ZText(50, { min: 1 }),
    /** 公民身份号码 (GB 11643), checked with its check character. */
    idNumber: ZText(18, { min: 1 }).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{5,30}$/, '电话号码格式不正确 / Phone number is malformed')
      .optional(),
    role: z.enum(visitorRoleValues),
  }),
  purpose: z.enum(visitPurposeValues),
  /** The case the visit is about, by its number (half-width parentheses accepted), within the court's scope. */
  caseNumber: ZText(40, { min: 1 }).optional(),
  note: ZText(500, { isMultiline: true }).optional(),
});
export type TRegisterVisit = z.infer<typeof ZRegisterVisitSchema>;

const ZReceiptItem = z.object({ title: z.string(), pages: z.number().int() });

export const ZVisitSchema = z.object({
  id: z.string(),
  visitedOn: ZIsoDate,
  arrivedAt: z.string(),
  visitor: z.object({
    name: z.string(),
    /** Masked (digits 11–14 hidden), as lists show it. */
    idNumber: z.string().nullable(),
    /** Masked (the middle four digits hidden). */
    phone: z.string().nullable(),
    role: z.enum(visitorRoleValues),
  }),
  purpose: z.enum(visitPurposeValues),
  case: z.object({ id: z.string(), caseNumber: z.string() }).nullable(),
  note: z.string(),
  state: z.enum(visitStateValues),
  closedAt: z.string().nullable(),
  receivedByName: z.string(),
  receipts: z.array(z.object({ id: z.string(), receiptNumber: z.string(), items: z.array(ZReceiptItem) })),
  meetings: z.array(
    z.object({ id: z.string(), on: ZIsoDate, slot: z.enum(meetingSlotValues), judgeName: z.string() }),
  ),
});
export type TVisit = z.infer<typeof ZVisitSchema>;

export const ZReceiveMaterialsSchema = z.strictObject({
  items: z
    .array(z.strictObject({ title: ZText(100, { min: 1 }), pages: z.number().int().min(1).max(10_000) }))
    .min(1)
    .max(50),
  note: ZText(500, { isMultiline: true }).optional(),
});
export type TReceiveMaterials = z.infer<typeof ZReceiveMaterialsSchema>;

/** A receipt (收取材料回执) as printed for the visitor. */
export const ZReceiptSchema = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  items: z.array(ZReceiptItem),
  note: z.string(),
  receivedAt: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  courtName: z.string(),
  visitorName: z.string(),
  receivedByName: z.string(),
  /** The step recorded on the case's timeline. */
  nodeId: z.string(),
});
export type TReceipt = z.infer<typeof ZReceiptSchema>;

/** A case's progress as its parties may hear it (what the party portal shows, no notes of the team). */
export const ZVisitProgressSchema = z.object({
  visitId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  court: z.string(),
  status: z.string(),
  statusLabel: ZLabel,
  filedOn: ZIsoDate,
  claimFen: z.number(),
  recoveredFen: z.number(),
  paidFen: z.number(),
  /** Newest first, at most five (steps whose meaning is only in the team's note left out). */
  latestNodes: z.array(z.object({ kind: z.string(), label: ZLabel, occurredOn: ZIsoDate })),
  /** What the service window received for the case, newest first. */
  receipts: z.array(
    z.object({ receiptNumber: z.string(), receivedAt: z.string(), items: z.array(ZReceiptItem) }),
  ),
  nextDeadline: z.object({ kind: z.string(), label: ZLabel, dueOn: ZIsoDate, state: z.string() }).nullable(),
  team: z.object({ judge: z.string().nullable(), assistant: z.string().nullable() }),
  /** The side of the case the visitor's ID number holds, if it is a party's. */
  visitorSeat: z.enum(['applicant', 'respondent']).nullable(),
  /** Sentences to read to the visitor. */
  script: z.array(z.string()),
});
export type TVisitProgress = z.infer<typeof ZVisitProgressSchema>;

export const ZBookMeetingSchema = z.strictObject({
  on: ZIsoDate,
  slot: z.enum(meetingSlotValues),
  note: ZText(500, { isMultiline: true }).optional(),
});
export type TBookMeeting = z.infer<typeof ZBookMeetingSchema>;

export const ZMeetingSchema = z.object({
  id: z.string(),
  visitId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  on: ZIsoDate,
  slot: z.enum(meetingSlotValues),
  judgeId: z.string(),
  judgeName: z.string(),
  note: z.string(),
  bookedAt: z.string(),
});
export type TMeeting = z.infer<typeof ZMeetingSchema>;

export const ZVisitListQuerySchema = z.strictObject({ on: ZIsoDate.optional() });
export const ZVisitListSchema = z.object({ on: ZIsoDate, items: z.array(ZVisitSchema) });
export type TVisitList = z.infer<typeof ZVisitListSchema>;

export const ZStatisticsQuerySchema = z.strictObject({ from: ZIsoDate.optional(), to: ZIsoDate.optional() });
export type TStatisticsQuery = z.infer<typeof ZStatisticsQuerySchema>;
export const ZVisitStatisticsSchema = z.object({
  from: ZIsoDate,
  to: ZIsoDate,
  total: z.number().int(),
  receipts: z.number().int(),
  meetings: z.number().int(),
  byPurpose: z.array(z.object({ purpose: z.enum(visitPurposeValues), count: z.number().int() })),
  /** Every day of the period, with its visits by purpose. */
  byDay: z.array(
    z.object({
      on: ZIsoDate,
      total: z.number().int(),
      byPurpose: z.array(z.object({ purpose: z.enum(visitPurposeValues), count: z.number().int() })),
    }),
  ),
});
export type TVisitStatistics = z.infer<typeof ZVisitStatisticsSchema>;
