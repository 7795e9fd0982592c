import { createHmac } from 'node:crypto';
import { z } from 'zod';

/** Request and answer shapes of the SMS gateway protocol (docs/protocols/sms.md). */

/** The gateway's code in `x-zx-institution`. */
export const SMS_CODE = 'smsgw';

/** The gateway's HMAC key in the simulator: hex HMAC-SHA256(secret, 'smsgw'), as for the institutions. */
export function smsKey(secret: string): string {
  return createHmac('sha256', secret).update(SMS_CODE).digest('hex');
}

/** A mainland China mobile number (11 digits, 13x–19x). */
export const ZMobileSchema = z.string().regex(/^1[3-9]\d{9}$/, 'a mainland mobile number: 11 digits, 13–19…');

export const ZSmsMessageRequestSchema = z
  .object({
    messageId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1–64 characters A–Z a–z 0–9 _ -'),
    to: ZMobileSchema,
    text: z.string().min(1).max(500),
  })
  .strict();

export const ZSmsAcceptedSchema = z.object({ messageId: z.string(), status: z.literal('accepted') });

export const ZSmsMessageSchema = z.object({
  messageId: z.string(),
  status: z.literal('delivered'),
  to: z.string(),
  deliveredAt: z.iso.datetime({ offset: true }),
});

export const ZSmsOutboxSchema = z.object({
  items: z.array(
    z.object({
      messageId: z.string(),
      to: z.string(),
      text: z.string(),
      sentAt: z.iso.datetime({ offset: true }),
    }),
  ),
});

export const ZSmsKnobsPatchSchema = z
  .object({ failureRate: z.number().min(0).max(1) })
  .partial()
  .strict();

export type TSmsMessageRequest = z.infer<typeof ZSmsMessageRequestSchema>;
export type TSmsMessage = z.infer<typeof ZSmsMessageSchema>;
export type TSmsOutbox = z.infer<typeof ZSmsOutboxSchema>;
export type TSmsKnobs = Required<z.infer<typeof ZSmsKnobsPatchSchema>>;
