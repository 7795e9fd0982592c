/**
 * What an answer of the SMS gateway (docs/protocols/sms.md) means for the message, and how often
 * a message is tried. The gateway sends one SMS per message id, however often it is asked, so a
 * retry after a timeout or a crash never texts anyone twice.
 */

/** pg-boss retries of the send job (with exponential backoff from `retryDelaySeconds`). */
export const sendRetryLimit = 8;
export const sendRetryDelaySeconds = 10;
/** Every attempt counted on the message: the first and its retries. */
export const maxSendAttempts = sendRetryLimit + 1;

export type GatewayVerdict =
  /** 202 (or 200): the gateway has it and sends it once. */
  | 'accepted'
  /** A 4xx: the same request cannot succeed later (409: this id was sent with another body). */
  | 'rejected'
  /** 5xx, a timeout, no connection: worth asking again with the same id. */
  | 'unavailable';

export function verdictOfStatus(status: number): GatewayVerdict {
  if (status === 200 || status === 202) return 'accepted';
  // Too early, too many, timed out on its side: later may work.
  if (status === 408 || status === 425 || status === 429) return 'unavailable';
  if (status >= 400 && status < 500) return 'rejected';
  return 'unavailable';
}

/** Whether an attempt that found the gateway unavailable was the last one. */
export function isLastAttempt(attempts: number): boolean {
  return attempts >= maxSendAttempts;
}
