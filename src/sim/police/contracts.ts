import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { ZIsoDate } from '../../kernel/index.ts';

/**
 * Request and answer shapes of the protocol between the court and public security's detention
 * centre (docs/protocols/public-security.md): a detention order (拘留, CPL art. 118: the detained is
 * handed to public security for custody) and an early-release order (提前解除拘留, CPL-I art. 182).
 */

/** Public security's code in `x-zx-institution`. */
export const POLICE_CODE = 'police';

/** Its HMAC key in the simulator: hex HMAC-SHA256(secret, 'police'), as for the institutions. */
export function policeKey(secret: string): string {
  return createHmac('sha256', secret).update(POLICE_CODE).digest('hex');
}

const ZRequestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1–64 characters A–Z a–z 0–9 _ -');
const ZInstant = z.iso.datetime({ offset: true });
const ZLine = (max: number) => z.string().trim().min(1).max(max);

export const ZDetentionOrderRequestSchema = z
  .object({
    requestId: ZRequestId,
    court: ZLine(100),
    caseNumber: ZLine(64),
    /** The court's detention decision (拘留决定书). */
    decisionNumber: ZLine(64),
    person: z
      .object({
        name: ZLine(100),
        /** GB 11643, 18 characters; null for a person without a resident ID number. */
        idNumber: z
          .string()
          .regex(/^\d{17}[\dX]$/, '18 characters: 17 digits and a digit or X')
          .nullable(),
      })
      .strict(),
    /** CPL art. 118: at most 15 days. */
    days: z.number().int().min(1).max(15),
    /** The detention centre the court names. */
    place: ZLine(200),
    decidedOn: ZIsoDate,
  })
  .strict();
export type TDetentionOrderRequest = z.infer<typeof ZDetentionOrderRequestSchema>;

export const ZReleaseOrderRequestSchema = z
  .object({
    requestId: ZRequestId,
    /** The detention order this releases early. */
    detentionRequestId: ZRequestId,
    court: ZLine(100),
    reason: ZLine(500),
    decidedOn: ZIsoDate,
  })
  .strict();
export type TReleaseOrderRequest = z.infer<typeof ZReleaseOrderRequestSchema>;

export const policeOrderStatuses = ['pending', 'admitted', 'refused', 'released'] as const;

/** An order as public security holds it: `pending` until answered, then its answer. */
export const ZPoliceOrderSchema = z.object({
  requestId: z.string(),
  kind: z.enum(['detention', 'release']),
  status: z.enum(policeOrderStatuses),
  /** Detention admitted: where, and the first and last day (the day of admission counts). */
  place: z.string().optional(),
  startDate: ZIsoDate.optional(),
  endDate: ZIsoDate.optional(),
  /** A detention released early (on the detention order), or the release carried out (on the release order). */
  releasedOn: ZIsoDate.optional(),
  /** Why it was refused. */
  reason: z.string().optional(),
  acceptedAt: ZInstant,
  answeredAt: ZInstant.optional(),
});
export type TPoliceOrder = z.infer<typeof ZPoliceOrderSchema>;

export const ZPoliceOverviewSchema = z.object({ items: z.array(ZPoliceOrderSchema) });

export const ZPoliceKnobsPatchSchema = z
  .object({
    /** Share of detention orders refused (with a reason), drawn per request id. */
    refusalRate: z.number().min(0).max(1),
    /** How long after acceptance an order is answered (`pending` until then), simulated time. */
    latencyMs: z.number().int().min(0).max(86_400_000),
    /** Share of submissions answered 503, keeping nothing. */
    failureRate: z.number().min(0).max(1),
  })
  .partial()
  .strict();
export type TPoliceKnobs = Required<z.infer<typeof ZPoliceKnobsPatchSchema>>;
