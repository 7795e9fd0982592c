import { z } from 'zod';
import { caseTypes, ZIsoDate, ZText } from '../../kernel/index.ts';
import type { ClosingType } from './rules/closing.ts';

export const basisKindValues = [
  'judgment',
  'mediation',
  'arbitration',
  'notarizedDebt',
  'paymentOrder',
  'other',
] as const;
export const partyKindValues = ['natural', 'legal', 'other'] as const;
export const flagValues = ['stateOrgan', 'military', 'livelihood', 'enterprise'] as const;
export const triageValues = ['simple', 'complex'] as const;
export const caseStatusValues = ['filed', 'inProgress', 'suspended', 'closed'] as const;
export const caseSortValues = ['deadline', 'filedOn', '-filedOn'] as const;
export type TBasisKind = (typeof basisKindValues)[number];
export type TPartyKind = (typeof partyKindValues)[number];
export type TCaseFlag = (typeof flagValues)[number];
export type TTriage = (typeof triageValues)[number];
export type TCaseStatus = (typeof caseStatusValues)[number];
export type TCaseSort = (typeof caseSortValues)[number];
/** The closing types of 立结案意见 (cases/rules/closing.ts), as the list and the detail send them. */
export type TClosingType = ClosingType;

const text = (max: number) => ZText(max, { min: 1 });
const optionalText = (max: number) => ZText(max).optional().nullable();

export const ZAgentSchema = z.object({
  name: text(50),
  kind: z.enum(['lawyer', 'agent']),
  lawFirm: optionalText(100),
  licenseNumber: optionalText(30),
  phone: optionalText(30),
});
export type TAgent = z.infer<typeof ZAgentSchema>;
export type TAgentKind = TAgent['kind'];

// Request bodies and queries admit no field they do not declare (OWASP ASVS 5.1.2: no mass assignment).
export const ZPartyInputSchema = z.strictObject({
  kind: z.enum(partyKindValues),
  name: z.string().max(200),
  idNumber: z.string().max(40).optional().nullable(),
  creditCode: z.string().max(40).optional().nullable(),
  phone: optionalText(30),
  address: optionalText(200),
  legalRepresentative: optionalText(50),
  agents: z.array(ZAgentSchema.strict()).max(10).optional(),
});

export const ZBasisSchema = z.object({
  kind: z.enum(basisKindValues),
  documentNumber: text(100),
  issuedBy: text(100),
  effectiveDate: ZIsoDate,
});
export type TBasis = z.infer<typeof ZBasisSchema>;

export const ZFileCaseSchema = z.strictObject({
  caseType: z.enum(caseTypes),
  basis: ZBasisSchema.strict(),
  applicants: z.array(ZPartyInputSchema).min(1).max(50),
  respondents: z.array(ZPartyInputSchema).min(1).max(50),
  claimAmountFen: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  triage: z.enum(triageValues).optional().nullable(),
  flags: z.array(z.enum(flagValues)).max(4).optional(),
  teamId: z.uuid().optional().nullable(),
  isNonLitigation: z.boolean().optional(),
});
export type TFileCase = z.infer<typeof ZFileCaseSchema>;
export type TPartyInput = z.infer<typeof ZPartyInputSchema>;

export const ZFiledSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: z.enum(caseStatusValues),
});
export type TFiled = z.infer<typeof ZFiledSchema>;

const ZLabel = z.object({ zh: z.string(), en: z.string() });
const ZMember = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const ZPartySchema = z.object({
  id: z.string(),
  kind: z.enum(partyKindValues),
  name: z.string(),
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  // Answers carry what is stored, with none of the input's checks (text stored earlier may not pass today's).
  agents: z.array(
    z.object({
      name: z.string(),
      kind: ZAgentSchema.shape.kind,
      lawFirm: z.string().nullish(),
      licenseNumber: z.string().nullish(),
      phone: z.string().nullish(),
    }),
  ),
  isMasked: z.boolean(),
  /** A respondent added by a ruling answers only up to this (变更追加规定 arts. 10, 17–19, 22); null: unlimited. */
  liabilityLimitFen: z.number().nullable(),
});
export type TParty = z.infer<typeof ZPartySchema>;

export const ZDeadlineSchema = z.object({
  kind: z.string(),
  label: ZLabel,
  startOn: z.string(),
  dueOn: z.string(),
  daysLeft: z.number(),
  state: z.enum(['open', 'met', 'overdue']),
  metOn: z.string().nullable(),
});
export type TDeadline = z.infer<typeof ZDeadlineSchema>;
export type TDeadlineState = TDeadline['state'];

export const ZNodeSchema = z.object({
  id: z.string(),
  kind: z.string(),
  label: ZLabel,
  occurredOn: z.string(),
  recordedAt: z.string(),
  actor: ZMember,
  note: z.string(),
  documents: z.array(z.object({ name: z.string() })),
});
export type TNode = z.infer<typeof ZNodeSchema>;

const ZCaseRef = z.object({ id: z.string(), caseNumber: z.string() }).nullable();

export const ZCaseDetailSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  caseType: z.enum(caseTypes),
  status: z.enum(caseStatusValues),
  court: z.object({ id: z.string(), name: z.string(), courtCode: z.string() }),
  filedOn: z.string(),
  basis: z.object({
    kind: ZBasisSchema.shape.kind,
    documentNumber: z.string(),
    issuedBy: z.string(),
    effectiveDate: z.string(),
  }),
  claimAmountFen: z.number(),
  recoveredFen: z.number(),
  applicants: z.array(ZPartySchema),
  respondents: z.array(ZPartySchema),
  team: z.object({
    id: z.string().nullable(),
    judge: ZMember,
    assistant: ZMember,
    bailiff: ZMember,
    clerk: ZMember,
  }),
  isTeamMember: z.boolean(),
  nodes: z.array(ZNodeSchema),
  deadlines: z.array(ZDeadlineSchema),
  closing: z
    .object({ closingType: z.string(), label: ZLabel, reason: z.string(), closedOn: z.string() })
    .nullable(),
  restoredFrom: ZCaseRef,
  restoredTo: ZCaseRef,
  triage: z.enum(triageValues).nullable(),
  flags: z.array(z.string()),
  isNonLitigation: z.boolean(),
  terminationChecklist: z.array(z.object({ item: z.string(), label: ZLabel, satisfied: z.boolean() })),
  nodeKinds: z.array(z.object({ kind: z.string(), label: ZLabel })),
  closingTypes: z.array(z.object({ closingType: z.string(), label: ZLabel })),
});
export type TCaseDetail = z.infer<typeof ZCaseDetailSchema>;
export type TCaseTeam = TCaseDetail['team'];

export const ZCaseListQuerySchema = z.strictObject({
  status: z.enum(caseStatusValues).optional(),
  q: ZText(100).optional(),
  /** A party's 身份证号 or 统一社会信用代码: the cases in scope where that person or body is a party. */
  idNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{15,18}$/, '应为身份证号或统一社会信用代码 / must be an ID number or a credit code')
    .transform((v) => v.toUpperCase())
    .optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  mine: z.enum(['true', 'false', '1', '0']).optional(),
  caseType: z.enum(caseTypes).optional(),
  sort: z.enum(caseSortValues).default('deadline'),
});
export type TCaseListQuery = z.infer<typeof ZCaseListQuerySchema>;

export const ZCaseListItemSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  caseType: z.enum(caseTypes),
  status: z.enum(caseStatusValues),
  filedOn: z.string(),
  claimAmountFen: z.number(),
  applicantNames: z.array(z.string()),
  respondentNames: z.array(z.string()),
  judge: ZMember,
  courtName: z.string(),
  nextDeadline: z
    .object({ kind: z.string(), label: ZLabel, dueOn: z.string(), daysLeft: z.number() })
    .nullable(),
  closingType: z.string().nullable(),
  triage: z.enum(triageValues).nullable(),
  flags: z.array(z.string()),
});
export type TCaseListItem = z.infer<typeof ZCaseListItemSchema>;

export const ZCaseListSchema = z.object({
  items: z.array(ZCaseListItemSchema),
  total: z.number(),
  /** The total was counted up to the cap only (there are more). */
  isTotalCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
});
export type TCaseList = z.infer<typeof ZCaseListSchema>;

export const ZRecordNodeSchema = z.strictObject({
  kind: z.string().min(1).max(50),
  note: ZText(2000, { isMultiline: true }).optional().nullable(),
  occurredOn: ZIsoDate.optional().nullable(),
  documents: z
    .array(z.strictObject({ name: text(200) }))
    .max(20)
    .optional(),
});
export type TRecordNode = z.infer<typeof ZRecordNodeSchema>;

export const ZNodeRecordedSchema = z.object({
  id: z.string(),
  kind: z.string(),
  occurredOn: z.string(),
  note: z.string(),
  documents: z.array(z.object({ name: z.string() })),
});
export type TNodeRecorded = z.infer<typeof ZNodeRecordedSchema>;

export const ZCloseSchema = z.strictObject({
  closingType: z.string().min(1).max(40),
  reason: ZText(2000, { isMultiline: true }),
});
export type TClose = z.infer<typeof ZCloseSchema>;

export const ZClosedSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: z.literal('closed'),
  closingType: z.string(),
  closedOn: z.string(),
});
export type TClosed = z.infer<typeof ZClosedSchema>;

export const ZRestoreSchema = z.strictObject({
  reason: ZText(2000, { isMultiline: true }).optional().nullable(),
});
export type TRestore = z.infer<typeof ZRestoreSchema>;

export const ZAssignTeamSchema = z.strictObject({ teamId: z.uuid() });
export type TAssignTeam = z.infer<typeof ZAssignTeamSchema>;
export const ZTeamAssignedSchema = z.object({ teamId: z.string() });
export type TTeamAssigned = z.infer<typeof ZTeamAssignedSchema>;

export const ZCaseIdParamSchema = z.object({ id: z.string().min(1).max(100) });
