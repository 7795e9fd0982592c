import { z } from 'zod';
import { ZFen, ZIsoDate, ZPositiveFen, ZText } from '../../kernel/index.ts';

/**
 * Reward notices (悬赏公告; 财产调查规定 (2020) arts. 21–24): the applicant's application, the
 * judge's decision, the published notice as the public sees it, the clues anyone sends, and their
 * verification by the case team.
 */
const ZNoticeText = ZText(1800, { min: 1, isMultiline: true });
const ZReason = ZText(500, { min: 1, isMultiline: true });

export const ZRewardNoticeInputSchema = z.strictObject({
  /** The reward offered, in fen; paid from what the applicant recovers. */
  rewardFen: ZPositiveFen,
  /** What is sought: the debtor's property, whereabouts, how to reach the informant's team. */
  text: ZNoticeText,
});
export type TRewardNoticeInput = z.infer<typeof ZRewardNoticeInputSchema>;

export const ZRewardDecisionSchema = z.strictObject({ approve: z.boolean(), reason: ZReason });
export type TRewardDecision = z.infer<typeof ZRewardDecisionSchema>;

export const rewardNoticeStateValues = ['pending', 'published', 'rejected'] as const;

export const ZPublishedDebtorSchema = z.object({
  name: z.string(),
  /** Masked: digits 11–14 hidden. */
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
});

export const ZRewardNoticeSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  state: z.enum(rewardNoticeStateValues),
  rewardFen: z.number(),
  text: z.string(),
  appliedAt: z.string(),
  appliedBy: z.object({ name: z.string(), role: z.enum(['applicant', 'lawyer']) }),
  /** The decision is due by (财产调查规定 art. 21: 10 days). */
  dueOn: ZIsoDate,
  isOverdue: z.boolean(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
  publishedOn: ZIsoDate.nullable(),
  clues: z.number(),
  /** Rewards granted on the notice's clues so far. */
  grantedFen: z.number(),
});
export type TRewardNotice = z.infer<typeof ZRewardNoticeSchema>;
export const ZRewardNoticeListSchema = z.object({ items: z.array(ZRewardNoticeSchema) });

export const ZPublicRewardNoticeSchema = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  court: z.string(),
  debtors: z.array(ZPublishedDebtorSchema),
  rewardFen: z.number(),
  publishedOn: ZIsoDate,
  text: z.string(),
});
export type TPublicRewardNotice = z.infer<typeof ZPublicRewardNoticeSchema>;
export const ZPublicRewardNoticePageSchema = z.object({
  items: z.array(ZPublicRewardNoticeSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type TPublicRewardNoticePage = z.infer<typeof ZPublicRewardNoticePageSchema>;
/** Capped pages: the newest 1,000 notices at most, 20 a page. */
export const ZPublicRewardPageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(50).default(1),
});

export const ZRewardClueInputSchema = z.strictObject({
  name: ZText(50, { min: 1 }),
  phone: z.string().regex(/^1[3-9]\d{9}$/, '请填写11位手机号码 / An 11-digit mobile number'),
  /** The informant's ID number (GB 11643): the reward is paid to a named person. */
  idNumber: ZText(18, { min: 1 }),
  text: ZText(2000, { min: 1, isMultiline: true }),
});
export type TRewardClueInput = z.infer<typeof ZRewardClueInputSchema>;
export const ZRewardClueReceivedSchema = z.object({
  id: z.uuid(),
  /** Its place in the order of arrival on this notice: 1, 2, 3 … */
  seq: z.number(),
});

export const ZRewardClueSchema = z.object({
  id: z.uuid(),
  seq: z.number(),
  name: z.string(),
  phone: z.string(),
  idNumber: z.string(),
  text: z.string(),
  submittedAt: z.string(),
  state: z.enum(['submitted', 'verified']),
  isUseful: z.boolean().nullable(),
  rewardFen: z.number(),
  note: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
});
export type TRewardClue = z.infer<typeof ZRewardClueSchema>;
export const ZRewardClueListSchema = z.object({ items: z.array(ZRewardClueSchema) });

export const ZClueVerificationSchema = z.strictObject({
  isUseful: z.boolean(),
  /** The reward granted to the informant (only for a useful clue); none when left out. */
  rewardFen: ZFen.optional(),
  note: ZReason,
});
export type TClueVerification = z.infer<typeof ZClueVerificationSchema>;

export const ZNoticeIdParamSchema = z.strictObject({ id: z.uuid() });
export const ZClueParamsSchema = z.strictObject({ id: z.uuid(), clueId: z.uuid() });
