import { z } from 'zod';
import type { OutsideEndpoint } from '../../../platform/outside-world.ts';
import { protocolHeaders, sendSigned } from '../../../platform/signed-http.ts';

/**
 * Zhixing's side of the bank's deposit holds (docs/protocols/bank.md §10): signed requests, each
 * with a timeout, answers validated. What each call returns is what the bank said — or `unknown`
 * when it said nothing usable (a timeout, a connection error, a 5xx): the caller has recorded the
 * request before sending it and asks again with the same hold id.
 */
const ZInstant = z.iso.datetime({ offset: true });

export const ZHoldAnswerSchema = z.object({
  holdId: z.string().min(1).max(64),
  status: z.enum(['held', 'refused', 'released', 'captured']),
  amountFen: z.number().int().min(0),
  heldAt: ZInstant.optional(),
  reason: z.string().max(500).optional(),
  releasedAt: ZInstant.optional(),
  capturedAt: ZInstant.optional(),
  serial: z.string().max(64).optional(),
  toAccount: z.string().max(64).optional(),
});
export type THoldAnswer = z.infer<typeof ZHoldAnswerSchema>;

export type HoldCall =
  | { kind: 'answer'; hold: THoldAnswer }
  /** The bank has no such hold (it never received it, or forgot it). */
  | { kind: 'notFound' }
  /** A refusal that will not change by sending again (400, 401, 409, 404 of an account). */
  | { kind: 'refused'; status: number; body: string }
  | { kind: 'unknown'; reason: string };

const timeoutMs = 10_000;

async function call(
  bank: OutsideEndpoint,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<HoldCall> {
  let res: { status: number; text: string };
  try {
    res = await sendSigned(bank, { method, path, body, headers: extraHeaders, timeoutMs });
  } catch (err) {
    return { kind: 'unknown', reason: err instanceof Error ? err.message : String(err) };
  }
  const raw = res.text;
  if (res.status >= 500 || res.status === 429) return { kind: 'unknown', reason: `HTTP ${res.status}` };
  if (res.status === 404 && !raw.includes('unknownAccount')) return { kind: 'notFound' };
  if (res.status >= 300) return { kind: 'refused', status: res.status, body: raw.slice(0, 500) };
  try {
    return { kind: 'answer', hold: ZHoldAnswerSchema.parse(JSON.parse(raw)) };
  } catch {
    return { kind: 'unknown', reason: `unreadable answer (HTTP ${res.status})` };
  }
}

export type HoldRequest = {
  holdId: string;
  payerName: string;
  payerIdNumber: string;
  amountFen: number;
  purpose: string;
};

export function requestHold(bank: OutsideEndpoint, hold: HoldRequest): Promise<HoldCall> {
  return call(bank, 'POST', '/v1/deposit-holds', hold, { [protocolHeaders.idempotencyKey]: hold.holdId });
}

export function readHold(bank: OutsideEndpoint, holdId: string): Promise<HoldCall> {
  return call(bank, 'GET', `/v1/deposit-holds/${encodeURIComponent(holdId)}`, undefined);
}

export function releaseHold(bank: OutsideEndpoint, holdId: string): Promise<HoldCall> {
  return call(bank, 'POST', `/v1/deposit-holds/${encodeURIComponent(holdId)}/release`, undefined);
}

export function captureHold(
  bank: OutsideEndpoint,
  holdId: string,
  input: { toAccount: string; purpose: string },
): Promise<HoldCall> {
  return call(bank, 'POST', `/v1/deposit-holds/${encodeURIComponent(holdId)}/capture`, input);
}
