import type { z } from 'zod';
import type { OutsideEndpoint } from '../../../platform/outside-world.ts';
import { protocolHeaders, sendSigned } from '../../../platform/signed-http.ts';
import { ZPaymentStatusSchema, ZStatementSchema } from './protocol.ts';

/**
 * Zhixing's side of the bank protocol (docs/protocols/bank.md): signed requests to the court's
 * settlement bank. Every call has a timeout; what it returns is validated.
 */
export type BankAnswer<T> = { status: number; body: T | null };

async function call<T>(
  bank: OutsideEndpoint,
  method: 'GET' | 'PUT' | 'POST',
  path: string,
  body: unknown,
  schema: z.ZodType<T> | null,
  extraHeaders: Record<string, string> = {},
): Promise<BankAnswer<T>> {
  const res = await sendSigned(bank, { method, path, body, headers: extraHeaders });
  if (!schema || res.status >= 300) return { status: res.status, body: null };
  return { status: res.status, body: schema.parse(JSON.parse(res.text)) };
}

export function subscribe(bank: OutsideEndpoint, input: { notifyBaseUrl: string; accounts: string[] }) {
  return call(bank, 'PUT', '/v1/subscription', input, null);
}

export type PaymentOrder = {
  instructionId: string;
  fromAccount: string;
  toAccount: string;
  toName: string;
  amountFen: number;
  purpose: string;
};

export function pay(bank: OutsideEndpoint, order: PaymentOrder) {
  return call(bank, 'POST', '/v1/payments', order, null, {
    [protocolHeaders.idempotencyKey]: order.instructionId,
  });
}

export function paymentStatus(bank: OutsideEndpoint, instructionId: string) {
  return call(
    bank,
    'GET',
    `/v1/payments/${encodeURIComponent(instructionId)}`,
    undefined,
    ZPaymentStatusSchema,
  );
}

export function statement(bank: OutsideEndpoint, account: string, date: string) {
  return call(
    bank,
    'GET',
    `/v1/statements?account=${encodeURIComponent(account)}&date=${encodeURIComponent(date)}`,
    undefined,
    ZStatementSchema,
  );
}
