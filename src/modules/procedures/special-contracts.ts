import { z } from 'zod';
import { ZIsoDate } from '../../kernel/index.ts';

/**
 * Special cases (涉党政机关、涉军、涉民生; GLOSSARY flags `stateOrgan`, `military`, `livelihood`):
 * the open ones of the user's courts, livelihood cases first.
 */
export const specialKindValues = ['stateOrgan', 'military', 'livelihood'] as const;
export type TSpecialKind = (typeof specialKindValues)[number];

export const ZSpecialQuerySchema = z.strictObject({
  kind: z.enum(specialKindValues).optional(),
});
export type TSpecialQuery = z.infer<typeof ZSpecialQuerySchema>;

const ZLabel = z.object({ zh: z.string(), en: z.string() });

export const ZSpecialCaseSchema = z.object({
  caseId: z.uuid(),
  caseNumber: z.string(),
  courtId: z.uuid(),
  filedOn: ZIsoDate,
  status: z.string(),
  flags: z.array(z.string()),
  kinds: z.array(ZLabel),
  judge: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  nextDeadline: z
    .object({ kind: z.string(), label: ZLabel, dueOn: ZIsoDate, daysLeft: z.number() })
    .nullable(),
  /** The handling period's end (6 months; 3 for non-litigation enforcement), when running. */
  handlingDueOn: ZIsoDate.nullable(),
  /**
   * Livelihood cases (wages, support, injury) come first in filing, enforcement and payout. The
   * funds module orders no payouts yet, so the priority is shown here for the team to act on.
   */
  hasPayoutPriority: z.boolean(),
});

export const ZSpecialListSchema = z.object({
  items: z.array(ZSpecialCaseSchema),
  /** More open special cases exist than the list shows. */
  isTruncated: z.boolean(),
});
