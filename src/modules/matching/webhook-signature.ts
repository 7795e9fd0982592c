import { createHmac } from 'node:crypto';

/** The headers of a webhook push (published: units verify them). */
export const signatureHeader = 'x-zhixing-signature';
export const timestampHeader = 'x-zhixing-timestamp';

/** HMAC-SHA256 over `timestamp.body` with the unit's webhook secret: `sha256=<hex>`. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
