import { z } from 'zod';
import { ZIsoDate, ZText } from '../../kernel/index.ts';

/**
 * Deputies' suggestions and CPPCC members' proposals on enforcement (人大代表建议、政协委员提案, seed
 * 003 item 46): registered by a court leader, assigned to an officer, answered within the period,
 * and published on the portal where the court may publish the reply.
 */
export const deputyProposalKindValues = ['deputySuggestion', 'committeeProposal'] as const;
export type TDeputyProposalKind = (typeof deputyProposalKindValues)[number];
export const deputyProposalStateValues = ['registered', 'assigned', 'answered'] as const;
export type TDeputyProposalState = (typeof deputyProposalStateValues)[number];

export const ZDeputyProposalParamSchema = z.strictObject({ id: z.string().min(1).max(100) });

export const ZRegisterDeputyProposalSchema = z.strictObject({
  kind: z.enum(deputyProposalKindValues),
  /** The number the standing committee or the CPPCC gave it (建议号 / 提案号). */
  number: ZText(40, { min: 1 }),
  /** The deputy or member, or the first of several. */
  proposer: ZText(100, { min: 1 }),
  title: ZText(200, { min: 1 }),
  content: ZText(8000, { min: 1, isMultiline: true }),
  /** The day the court received the assignment (交办); the period runs from it. */
  receivedOn: ZIsoDate,
  /** A period shorter than three months, in calendar days (never past six months). */
  replyDays: z.number().int().min(1).max(184).optional(),
});
export type TRegisterDeputyProposal = z.infer<typeof ZRegisterDeputyProposalSchema>;

export const ZAssignDeputyProposalSchema = z.strictObject({ userId: z.uuid() });
export type TAssignDeputyProposal = z.infer<typeof ZAssignDeputyProposalSchema>;

export const ZAnswerDeputyProposalSchema = z.strictObject({
  reply: ZText(8000, { min: 1, isMultiline: true }),
  /** Whether the reply may be published on the portal (the proposer agreed). */
  isPublishable: z.boolean(),
});
export type TAnswerDeputyProposal = z.infer<typeof ZAnswerDeputyProposalSchema>;

export const ZDeputyProposalListQuerySchema = z.strictObject({
  state: z.enum(deputyProposalStateValues).optional(),
});

export const ZDeputyProposalSchema = z.object({
  id: z.string(),
  kind: z.enum(deputyProposalKindValues),
  number: z.string(),
  proposer: z.string(),
  title: z.string(),
  content: z.string(),
  courtId: z.string(),
  court: z.string(),
  receivedOn: ZIsoDate,
  dueOn: ZIsoDate,
  state: z.enum(deputyProposalStateValues),
  registeredByName: z.string(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  assignedAt: z.string().nullable(),
  reply: z.string().nullable(),
  isPublishable: z.boolean().nullable(),
  answeredOn: ZIsoDate.nullable(),
  /** Unanswered past its day, or answered after it. */
  isLate: z.boolean(),
});
export type TDeputyProposal = z.infer<typeof ZDeputyProposalSchema>;
export const ZDeputyProposalListSchema = z.object({ items: z.array(ZDeputyProposalSchema) });
export type TDeputyProposalList = z.infer<typeof ZDeputyProposalListSchema>;

export const ZPublicReplyQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

/** A published reply: the proposer's name and the title, nothing else of anyone. */
export const ZPublicReplySchema = z.object({
  id: z.string(),
  kind: z.enum(deputyProposalKindValues),
  number: z.string(),
  proposer: z.string(),
  title: z.string(),
  reply: z.string(),
  court: z.string(),
  answeredOn: ZIsoDate,
});
export const ZPublicReplyPageSchema = z.object({
  items: z.array(ZPublicReplySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TPublicReplyPage = z.infer<typeof ZPublicReplyPageSchema>;
