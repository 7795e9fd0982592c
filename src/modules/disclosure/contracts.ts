import { z } from 'zod';
import { ZIsoDate, ZText } from '../../kernel/index.ts';

/**
 * The party and lawyer portal (`/my`): signing in with an SMS code, the cases of the person signed
 * in, and what they send the case team (asset clues, messages, applications), each a task with a
 * deadline on the team's workbench.
 */
const ZLabel = z.object({ zh: z.string(), en: z.string() });

const caseNumberField = ZText(40, { min: 1 });
// An 18-character ID number or credit code; checked against the case's parties, never echoed.
const idField = ZText(18, { min: 15 });

export const ZPartyCodeRequestSchema = z.strictObject({ caseNumber: caseNumberField, idNumber: idField });
export type TPartyCodeRequest = z.infer<typeof ZPartyCodeRequestSchema>;
export const ZPartyCodeAcceptedSchema = z.object({
  status: z.literal('accepted'),
  /** Seconds the code, if one was sent, stays valid. */
  validForSeconds: z.number(),
});

export const ZPartyLoginSchema = z.strictObject({
  caseNumber: caseNumberField,
  idNumber: idField,
  code: z.string().regex(/^\d{6}$/, '验证码为6位数字 / The code is 6 digits'),
});
export type TPartyLogin = z.infer<typeof ZPartyLoginSchema>;
// A password is taken as typed (not trimmed), but nothing a keyboard cannot type.
const noControl = [/^\P{Cc}*$/u, '不能包含控制字符 / Must not contain control characters'] as const;
export const ZLawyerLoginSchema = z.strictObject({
  licenceNumber: ZText(30, { min: 1 }),
  password: z
    .string()
    .min(1)
    .max(200)
    .regex(...noControl),
});
export type TLawyerLogin = z.infer<typeof ZLawyerLoginSchema>;
export const ZPortalSessionSchema = z.object({
  token: z.string().meta({ description: 'Bearer credential of the portal: `authorization: Bearer <token>`' }),
  kind: z.enum(['party', 'lawyer']),
  name: z.string(),
  expiresAt: z.string(),
});
export type TPortalSession = z.infer<typeof ZPortalSessionSchema>;
export const ZPortalMeSchema = z.object({
  kind: z.enum(['party', 'lawyer']),
  name: z.string(),
  lawFirm: z.string().nullable(),
  expiresAt: z.string(),
});
export type TPortalMe = z.infer<typeof ZPortalMeSchema>;

export const partyRoleValues = ['applicant', 'respondent', 'lawyer'] as const;
const ZPartyNodeSchema = z.object({ kind: z.string(), label: ZLabel, occurredOn: ZIsoDate });
export const ZPartyCaseSummarySchema = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  status: z.string(),
  statusLabel: ZLabel,
  court: z.string(),
  filedOn: ZIsoDate,
  /** As whom the person signed in sees the case (a lawyer: for the party they represent). */
  role: z.enum(partyRoleValues),
  claimFen: z.number(),
  nodes: z.array(ZPartyNodeSchema),
});
export type TPartyCaseSummary = z.infer<typeof ZPartyCaseSummarySchema>;
export const ZPartyCaseListSchema = z.object({ items: z.array(ZPartyCaseSummarySchema) });
export type TPartyCaseList = z.infer<typeof ZPartyCaseListSchema>;

export const requestKindValues = [
  'clue',
  'message',
  'dishonestListing',
  'consumptionRestriction',
  'rewardNotice',
  'audit',
  'investigationOrder',
  'restoration',
  'objection',
  'correction',
] as const;
export type TRequestKind = (typeof requestKindValues)[number];
/** What a party applies for by the generic application form (reward notices and orders have their own). */
export const applicationKindValues = [
  'dishonestListing',
  'consumptionRestriction',
  'audit',
  'restoration',
  'objection',
  'correction',
] as const;
export const requestStateValues = ['open', 'answered'] as const;

const ZAttachmentMetaSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
});
export const ZPartyRequestSchema = z.object({
  id: z.uuid(),
  kind: z.enum(requestKindValues),
  kindLabel: ZLabel,
  text: z.string(),
  submittedAt: z.string(),
  submittedBy: z.object({ name: z.string(), role: z.enum(partyRoleValues) }),
  dueOn: ZIsoDate,
  /** The rule that sets the due date. */
  dueRule: z.string(),
  state: z.enum(requestStateValues),
  isOverdue: z.boolean(),
  attachments: z.array(ZAttachmentMetaSchema),
  answer: z.string().nullable(),
  outcome: z.enum(['accepted', 'rejected', 'noted']).nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
});
export type TPartyRequest = z.infer<typeof ZPartyRequestSchema>;
export const ZPartyRequestListSchema = z.object({ items: z.array(ZPartyRequestSchema) });
export type TPartyRequestList = z.infer<typeof ZPartyRequestListSchema>;

const ZMoneyLineSchema = z.object({ on: ZIsoDate, amountFen: z.number(), label: z.string() });
const ZDeadlineSchema = z.object({
  kind: z.string(),
  label: ZLabel,
  dueOn: ZIsoDate,
  state: z.enum(['open', 'met', 'overdue']),
});
export const ZPartyCaseSchema = ZPartyCaseSummarySchema.extend({
  basis: z.object({ documentNumber: z.string(), issuedBy: z.string() }),
  parties: z.array(z.object({ role: z.string(), name: z.string() })),
  deadlines: z.array(ZDeadlineSchema),
  /** Control measures in summary: how many of each kind, and the total frozen or deducted. */
  measures: z.array(z.object({ kind: z.string(), label: ZLabel, count: z.number(), amountFen: z.number() })),
  inquiry: z.object({ rounds: z.number(), lastOn: ZIsoDate.nullable(), institutionsAnswered: z.number() }),
  funds: z.object({
    receivedFen: z.number(),
    paidFen: z.number(),
    receipts: z.array(ZMoneyLineSchema),
    payouts: z.array(ZMoneyLineSchema),
  }),
  /** Documents served on the person, with the time of receipt (the documents module adds them). */
  documents: z.array(z.object({ name: z.string(), servedAt: z.string(), receivedAt: z.string().nullable() })),
  team: z.object({
    judge: z.string().nullable(),
    assistant: z.string().nullable(),
    court: z.string(),
    contact: z.string(),
  }),
});
export type TPartyCase = z.infer<typeof ZPartyCaseSchema>;

const ZRequestText = ZText(2000, { min: 1, isMultiline: true });
export const attachmentContentTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export const ZAttachmentInputSchema = z.strictObject({
  name: ZText(100, { min: 1 }),
  contentType: z.enum(attachmentContentTypes),
  /** The file's bytes, base64; at most 5 MB each. */
  dataBase64: z.string().min(4).max(7_000_000),
});
export const ZClueInputSchema = z.strictObject({
  text: ZRequestText,
  /** Verify within 3 days instead of 7 (财产调查规定 art. 2). */
  isUrgent: z.boolean().optional(),
  attachments: z.array(ZAttachmentInputSchema).max(3).optional(),
});
export type TClueInput = z.infer<typeof ZClueInputSchema>;
export const ZMessageInputSchema = z.strictObject({ text: ZRequestText });
export type TMessageInput = z.infer<typeof ZMessageInputSchema>;
export const ZApplicationInputSchema = z.strictObject({
  kind: z.enum(applicationKindValues),
  text: ZRequestText,
});
export type TApplicationInput = z.infer<typeof ZApplicationInputSchema>;
export const ZCreatedRequestSchema = z.object({ id: z.uuid(), dueOn: ZIsoDate });

export const ZAnswerInputSchema = z.strictObject({
  answer: ZText(2000, { min: 1, isMultiline: true }),
  outcome: z.enum(['accepted', 'rejected', 'noted']),
});
export type TAnswerInput = z.infer<typeof ZAnswerInputSchema>;
export const ZCaseRequestParamsSchema = z.strictObject({ id: z.uuid(), requestId: z.uuid() });
export const ZAttachmentParamsSchema = z.strictObject({
  id: z.uuid(),
  requestId: z.uuid(),
  attachmentId: z.uuid(),
});
export const ZIdParamSchema = z.strictObject({ id: z.uuid() });
export const ZRequestKindQuerySchema = z.strictObject({ kind: z.enum(requestKindValues).optional() });

export const ZTeamInboxItemSchema = ZPartyRequestSchema.extend({ caseId: z.uuid(), caseNumber: z.string() });
export const ZTeamInboxSchema = z.object({ items: z.array(ZTeamInboxItemSchema), total: z.number() });
export type TTeamInbox = z.infer<typeof ZTeamInboxSchema>;

export const ZPartyNoticeSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  kind: z.string(),
  text: z.string(),
  createdAt: z.string(),
  isRead: z.boolean(),
});
export const ZPartyNoticeListSchema = z.object({ items: z.array(ZPartyNoticeSchema), unread: z.number() });
export type TPartyNoticeList = z.infer<typeof ZPartyNoticeListSchema>;
export const ZPreferencesSchema = z.strictObject({ sms: z.boolean(), inApp: z.boolean() });
export type TPreferences = z.infer<typeof ZPreferencesSchema>;
export const ZDeliveryListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      channel: z.enum(['sms', 'inApp']),
      kind: z.string(),
      text: z.string(),
      to: z.string(),
      state: z.string(),
      createdAt: z.string(),
      deliveredAt: z.string().nullable(),
    }),
  ),
});
export type TDeliveryList = z.infer<typeof ZDeliveryListSchema>;

export const ZLawyerInputSchema = z.strictObject({
  name: ZText(50, { min: 1 }),
  lawFirm: ZText(100, { min: 1 }),
  licenceNumber: z.string().regex(/^\d{17}$/, '律师执业证号为17位数字 / A licence number is 17 digits'),
  phone: z.string().regex(/^1[3-9]\d{9}$/, '请填写11位手机号码 / An 11-digit mobile number'),
  password: z
    .string()
    .min(10, '密码至少10位 / At least 10 characters')
    .max(200)
    .regex(...noControl),
});
export type TLawyerInput = z.infer<typeof ZLawyerInputSchema>;
export const ZLawyerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  lawFirm: z.string(),
  licenceNumber: z.string(),
  createdAt: z.string(),
});
