import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import type { OutsideEndpoint } from '../../../platform/outside-world.ts';
import { sendSmsToGateway } from '../gateway/sms-client.ts';
import { isLastAttempt, maxSendAttempts } from '../rules/delivery.ts';
import { deliveries, messages } from '../tables.ts';

export type AttemptResult =
  /** Nothing to do: sent or failed already, or no such SMS. */
  | { kind: 'settled'; state: string }
  | { kind: 'sent' }
  | { kind: 'failed'; reason: string }
  /** Not sent yet, to be tried again later (the job throws, and pg-boss retries it with backoff). */
  | { kind: 'retry'; reason: string };

export const noGatewayReason = '未配置短信网关 / no SMS gateway is configured';

type Start =
  | { kind: 'settled'; state: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'noGateway' }
  | {
      kind: 'call';
      endpoint: OutsideEndpoint;
      attempt: number;
      deliveryId: number;
      to: string;
      text: string;
    };

/**
 * One attempt to hand an SMS to the gateway. The attempt is recorded and committed before the
 * call (state `sending`, attempts + 1, a delivery row in flight), so a process that dies during
 * the call leaves a trace; the gateway is asked with the message id as idempotency key, so the
 * rerun that follows is the same SMS, sent once. The outcome is recorded after the call: 202 →
 * sent; a 4xx (409: the id was used with another body) → failed; 5xx, timeout or no connection →
 * queued again (retry), or failed once every attempt is spent. Without a gateway nothing is spent:
 * the message waits, recorded, for one to be configured.
 */
export async function attemptSms(
  db: Db,
  messageId: string,
  endpoint: OutsideEndpoint | undefined,
  opts: { signal?: AbortSignal } = {},
): Promise<AttemptResult> {
  const start = await db.transaction(async (tx): Promise<Start> => {
    const [m] = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.id, messageId), eq(messages.channel, 'sms')))
      .for('update');
    if (!m) return { kind: 'settled', state: 'missing' };
    if (m.state === 'sent' || m.state === 'failed') return { kind: 'settled', state: m.state };
    // An attempt still in flight belongs to a run that died during its call (or, rarely, to one
    // still calling beside this one: its own outcome then overwrites this).
    await tx
      .update(deliveries)
      .set({ outcome: 'interrupted' })
      .where(and(eq(deliveries.messageId, m.id), eq(deliveries.outcome, 'inFlight')));
    if (isLastAttempt(m.attempts)) {
      const reason = `${m.lastError ?? '发送中断 / interrupted'}（已尝试 ${m.attempts} 次 / after ${m.attempts} attempts）`;
      await tx
        .update(messages)
        .set({ state: 'failed', lastError: reason, updatedAt: sql`now()` })
        .where(eq(messages.id, m.id));
      return { kind: 'failed', reason };
    }
    if (!endpoint) {
      await tx
        .update(messages)
        .set({ lastError: noGatewayReason, updatedAt: sql`now()` })
        .where(eq(messages.id, m.id));
      return { kind: 'noGateway' };
    }
    const attempt = m.attempts + 1;
    await tx
      .update(messages)
      .set({ state: 'sending', attempts: attempt, updatedAt: sql`now()` })
      .where(eq(messages.id, m.id));
    const [delivery] = await tx
      .insert(deliveries)
      .values({ messageId: m.id, attempt, outcome: 'inFlight' })
      .returning({ id: deliveries.id });
    if (!delivery) throw new Error('notify: the delivery row was not written');
    return { kind: 'call', endpoint, attempt, deliveryId: delivery.id, to: m.recipient, text: m.body };
  });
  if (start.kind === 'settled' || start.kind === 'failed') return start;
  if (start.kind === 'noGateway') return { kind: 'retry', reason: noGatewayReason };

  const answer = await sendSmsToGateway(
    start.endpoint,
    { messageId, to: start.to, text: start.text },
    opts.signal ? { signal: opts.signal } : {},
  );
  return db.transaction(async (tx): Promise<AttemptResult> => {
    // The message's row first, as the start takes it: two runs beside each other take their locks
    // in one order and never deadlock.
    await tx.select({ id: messages.id }).from(messages).where(eq(messages.id, messageId)).for('update');
    await tx
      .update(deliveries)
      .set({
        outcome: answer.verdict,
        httpStatus: answer.httpStatus,
        detail: answer.verdict === 'accepted' ? null : answer.detail,
      })
      .where(eq(deliveries.id, start.deliveryId));
    if (answer.verdict === 'accepted') {
      // The gateway has it: sent, whatever a concurrent run recorded meanwhile.
      await tx
        .update(messages)
        .set({ state: 'sent', sentAt: sql`now()`, lastError: null, updatedAt: sql`now()` })
        .where(and(eq(messages.id, messageId), ne(messages.state, 'sent')));
      return { kind: 'sent' };
    }
    const isFinal = answer.verdict === 'rejected' || isLastAttempt(start.attempt);
    const reason =
      answer.verdict === 'rejected' || !isFinal
        ? answer.detail
        : `${answer.detail}（已尝试 ${maxSendAttempts} 次 / after ${maxSendAttempts} attempts）`;
    await tx
      .update(messages)
      .set({ state: isFinal ? 'failed' : 'queued', lastError: reason, updatedAt: sql`now()` })
      .where(and(eq(messages.id, messageId), inArray(messages.state, ['queued', 'sending'])));
    return isFinal ? { kind: 'failed', reason } : { kind: 'retry', reason };
  });
}
