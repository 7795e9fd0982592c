import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import type { Config } from '../../../platform/config.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { bankEndpoint } from '../../../platform/outside-world.ts';
import { checkSignature, protocolHeaders, transportNow } from '../../../platform/signed-http.ts';
import { ZArrivalsBodySchema, ZPaymentResultsBodySchema } from '../bank/protocol.ts';
import { type Booker, recordArrivalNotices } from './booker.ts';
import { settlePayment } from './settle-payment.ts';

/**
 * Notifications from the court's settlement bank (docs/protocols/bank.md), signed over the exact
 * bytes. Delivery is at least once and in any order: each arrival is booked once by its serial,
 * each payment result settles its disbursement once. We answer 2xx only after the transaction
 * commits, so a notification we did not record is sent again. Arrivals are recorded and answered
 * at once, and booked a moment later by the court's booker (use-cases/booker.ts).
 */
function verified<T>(
  config: Config,
  input: { path: string; rawBody: string; headers: IncomingHttpHeaders },
  schema: z.ZodType<T>,
): T {
  const bank = bankEndpoint(config);
  if (!bank)
    throw new AppError(ErrorCode.unavailable, bi('未配置结算银行', 'No settlement bank is configured'));
  const header = (name: string) => {
    const v = input.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  if (header(protocolHeaders.institution) !== bank.code)
    throw new AppError(ErrorCode.unauthenticated, bi('机构标识不符', 'Institution header does not match'));
  const check = checkSignature({
    key: bank.key,
    method: 'POST',
    path: input.path,
    body: input.rawBody,
    timestamp: header(protocolHeaders.timestamp),
    signature: header(protocolHeaders.signature),
    now: transportNow(),
  });
  if (check !== 'ok') throw new AppError(ErrorCode.unauthenticated, bi('签名无效', 'Invalid signature'));
  let json: unknown;
  try {
    json = JSON.parse(input.rawBody);
  } catch {
    throw invalidField('(body)', '通知内容不是有效的 JSON', 'The notification is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidField(
      issue?.path.join('.') || '(body)',
      '通知内容不符合协议',
      `Does not match the protocol: ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}

export async function receiveArrivals(
  db: Db,
  config: Config,
  booker: Booker,
  input: { path: string; rawBody: string; headers: IncomingHttpHeaders },
) {
  const body = verified(config, input, ZArrivalsBodySchema);
  const { outcomes, courts } = await recordArrivalNotices(db, body.notifications);
  for (const courtId of courts) booker.kick(courtId);
  return { results: [...outcomes].map(([key, outcome]) => ({ key, outcome })) };
}

export async function receivePaymentResults(
  db: Db,
  config: Config,
  input: { path: string; rawBody: string; headers: IncomingHttpHeaders },
) {
  const body = verified(config, input, ZPaymentResultsBodySchema);
  // One transaction per result: each locks its disbursement, then its case, and no two results of
  // a batch are held together (no deadlock against another batch or against arrivals). A result
  // settled before a later one fails stays settled; the bank's resend finds it so.
  const results: { key: string; outcome: string }[] = [];
  for (const r of body.results) {
    results.push({ key: r.instructionId, outcome: await db.transaction((tx) => settlePayment(tx, r)) });
  }
  return { results };
}
