import { z } from 'zod';
import { ZText } from '../../kernel/index.ts';
import { ZAgentSchema, ZPartySchema } from './contracts.ts';

const text = (max: number) => ZText(max, { min: 1 });
const optionalText = (max: number) => ZText(max).optional().nullable();

/**
 * 当事人信息更正: what the case team may correct after filing. The identity (kind, ID number, credit
 * code) is not corrected here — a wrong person is a different party. At least one field; a reason.
 */
export const ZCorrectPartySchema = z
  .strictObject({
    name: text(200).optional(),
    phone: optionalText(30),
    address: optionalText(200),
    legalRepresentative: optionalText(50),
    agents: z.array(ZAgentSchema.strict()).max(10).optional(),
    reason: text(500),
  })
  .refine((b) => ['name', 'phone', 'address', 'legalRepresentative', 'agents'].some((k) => k in b), {
    message: '至少更正一项 / correct at least one field',
    path: ['name'],
  });
export type TCorrectParty = z.infer<typeof ZCorrectPartySchema>;

export const ZPartyParamsSchema = z.object({
  id: z.string().min(1).max(100),
  partyId: z.string().min(1).max(100),
});

/** The fields a correction changed, as they were or as they became. */
const ZCorrectedFields = z.strictObject({
  name: z.string().optional(),
  phone: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  legalRepresentative: z.string().nullable().optional(),
  agents: ZPartySchema.shape.agents.optional(),
});
export type TCorrectedFields = z.infer<typeof ZCorrectedFields>;

export const ZPartyChangeSchema = z.object({
  id: z.string(),
  before: ZCorrectedFields,
  after: ZCorrectedFields,
  reason: z.string(),
  changedBy: z.string(),
  changedAt: z.string(),
});
export const ZPartyChangesSchema = z.object({ items: z.array(ZPartyChangeSchema) });
/** `id` names the correction recorded; null when nothing differed from what is on file. */
export const ZPartyCorrectedSchema = z.object({
  id: z.string().nullable(),
  partyId: z.string(),
  fields: z.array(z.string()),
});
export type TPartyChange = z.infer<typeof ZPartyChangeSchema>;
