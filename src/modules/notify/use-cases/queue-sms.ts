import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../../platform/db.ts';
import { enqueueJob } from '../../../platform/jobs.ts';
import { sendSmsJob } from '../jobs/send-sms.ts';
import { normalizeMobile } from '../rules/phone.ts';
import { messages } from '../tables.ts';
import { ZDedupeKey, ZKind, ZOptionalId } from './inputs.ts';

const ZQueueSms = z.object({
  dedupeKey: ZDedupeKey,
  to: z.string().nullable(),
  // docs/protocols/sms.md: 1 to 500 characters.
  text: z.string().min(1).max(500),
  kind: ZKind,
  caseId: ZOptionalId,
  courtId: ZOptionalId,
  isUrgent: z.boolean().optional(),
});

export type QueueSmsInput = {
  /** The caller's idempotency key: `funds.arrival:<receiptId>`. A second call with it queues nothing. */
  dedupeKey: string;
  /** The party's phone as recorded; a missing or wrong one is recorded as failed, never thrown. */
  to: string | null;
  /** 1 to 500 characters. */
  text: string;
  /** A short dotted code: `funds.arrived`. */
  kind: string;
  caseId?: string | null;
  courtId?: string | null;
  /**
   * A person is waiting for it (a sign-in code): sent before every queued notice, so that a
   * morning's batch of arrival or deadline messages never holds a code up.
   */
  isUrgent?: boolean;
};

/** The send job's priority of an urgent message; others are 0. */
export const urgentSmsPriority = 10;

export const noMobileReason = '没有手机号码 / no phone number';
export const invalidMobileReason = '手机号码无效 / invalid phone number';

/**
 * Queues an SMS inside the caller's transaction: the message exists, and its send job with it, if
 * and only if the caller's transaction commits. Once per dedupe key: a replay returns the first
 * message's id and queues nothing. A party without a mobile number is no error of the caller's —
 * the message is recorded as failed with the reason, so that the booking that caused it stands.
 * A malformed key, kind or text is the caller's bug and throws.
 */
export async function queueSms(tx: DbOrTx, input: QueueSmsInput): Promise<{ id: string; isNew: boolean }> {
  const m = ZQueueSms.parse(input);
  const mobile = normalizeMobile(m.to);
  const given = (m.to ?? '').trim().slice(0, 100);
  const id = randomUUID();
  const [inserted] = await tx
    .insert(messages)
    .values({
      id,
      channel: 'sms',
      dedupeKey: m.dedupeKey,
      recipient: mobile ?? given,
      caseId: m.caseId ?? null,
      courtId: m.courtId ?? null,
      kind: m.kind,
      title: null,
      body: m.text,
      state: mobile ? 'queued' : 'failed',
      lastError: mobile ? null : given ? invalidMobileReason : noMobileReason,
    })
    .onConflictDoNothing({ target: messages.dedupeKey })
    .returning({ id: messages.id });
  if (!inserted) {
    const [first] = await tx
      .select({ id: messages.id })
      .from(messages)
      .where(eq(messages.dedupeKey, m.dedupeKey));
    if (!first) throw new Error(`notify: message ${m.dedupeKey} conflicted but cannot be read`);
    return { id: first.id, isNew: false };
  }
  // The job's id is the message's: one send job per message, however the caller is replayed.
  if (mobile) {
    await enqueueJob(
      tx,
      sendSmsJob,
      { messageId: id },
      { id, ...(m.isUrgent && { priority: urgentSmsPriority }) },
    );
  }
  return { id, isNew: true };
}
