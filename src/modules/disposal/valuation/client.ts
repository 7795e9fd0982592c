import type { z } from 'zod';
import type { OutsideEndpoint } from '../../../platform/outside-world.ts';
import { protocolHeaders, sendSigned } from '../../../platform/signed-http.ts';
import { ZPlatformInquirySchema } from './protocol.ts';

/**
 * Zhixing's side of the online inquiry protocol (docs/protocols/valuation.md): signed requests to
 * a listed platform. Every call has a timeout; what it returns is validated.
 */
export type PlatformAnswer<T> = { status: number; body: T | null };

async function call<T>(
  platform: OutsideEndpoint,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  schema: z.ZodType<T> | null,
  extraHeaders: Record<string, string> = {},
): Promise<PlatformAnswer<T>> {
  const res = await sendSigned(platform, { method, path, body, headers: extraHeaders });
  if (!schema || res.status >= 300) return { status: res.status, body: null };
  const parsed = schema.safeParse(JSON.parse(res.text));
  if (!parsed.success) throw new Error(`platform ${platform.code} answered outside the protocol`);
  return { status: res.status, body: parsed.data };
}

/**
 * Sends an inquiry (its body as recorded when the valuation started); the request id is the
 * idempotency key, so a resend is the same request.
 */
export function sendInquiry(platform: OutsideEndpoint, requestId: string, body: unknown) {
  return call(platform, 'POST', '/v1/inquiries', body, null, {
    [protocolHeaders.idempotencyKey]: requestId,
  });
}

/** Polls an inquiry: `accepted` until the platform has reported, then the report. */
export function pollInquiry(platform: OutsideEndpoint, requestId: string) {
  return call(
    platform,
    'GET',
    `/v1/inquiries/${encodeURIComponent(requestId)}`,
    undefined,
    ZPlatformInquirySchema,
  );
}
