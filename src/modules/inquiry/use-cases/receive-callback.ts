import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import type { Logger } from '../../../platform/logging.ts';
import { transportNow } from '../../../platform/signed-http.ts';
import type { AnswerSink } from '../engine/answer-sink.ts';
import { findSigningKey } from '../engine/institution-store.ts';
import { ZEnvelopeSchema } from '../protocol/envelope.ts';
import { checkSignature, protocolHeaders } from '../protocol/signing.ts';

export type CallbackInput = {
  code: string;
  path: string;
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
};

function header(headers: CallbackInput['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * An institution's answer delivered to `POST /api/v1/inquiry/callbacks/{code}`. The signature is
 * checked with that institution's key over the exact bytes received; unsigned, mis-signed or
 * unreadable callbacks are refused (and logged), an answer for a request we never sent is refused
 * (404, so the institution keeps it for polling), and a duplicate is acknowledged without effect.
 */
export async function receiveCallback(db: Db, sink: AnswerSink, logger: Logger, input: CallbackInput) {
  const refuse = (
    code: (typeof ErrorCode)[keyof typeof ErrorCode],
    zh: string,
    en: string,
    why: string,
  ): never => {
    logger.warn(
      { institution: input.code, callbackId: header(input.headers, protocolHeaders.callbackId), why },
      'callback refused',
    );
    throw new AppError(code, bi(zh, en));
  };
  const key = await findSigningKey(db, input.code, Date.now());
  if (key === null)
    return refuse(ErrorCode.notFound, '未登记的机构', 'Unknown institution', 'unknown institution');
  if (header(input.headers, protocolHeaders.institution) !== input.code) {
    return refuse(
      ErrorCode.unauthenticated,
      '机构标识不符',
      'Institution header does not match',
      'institution header',
    );
  }
  const check = checkSignature({
    key,
    method: 'POST',
    path: input.path,
    body: input.rawBody,
    timestamp: header(input.headers, protocolHeaders.timestamp),
    signature: header(input.headers, protocolHeaders.signature),
    now: transportNow(),
  });
  if (check !== 'ok')
    return refuse(ErrorCode.unauthenticated, '签名无效', 'Invalid signature', `signature ${check}`);
  let json: unknown;
  try {
    json = JSON.parse(input.rawBody);
  } catch {
    return refuse(
      ErrorCode.invalidInput,
      '回调内容不是有效的 JSON',
      'Callback body is not valid JSON',
      'malformed json',
    );
  }
  const envelope = ZEnvelopeSchema.safeParse(json);
  if (!envelope.success || envelope.data.result === null || envelope.data.institution !== input.code) {
    return refuse(
      ErrorCode.invalidInput,
      '回调内容格式有误',
      'Callback body does not match the protocol',
      'bad envelope',
    );
  }
  let outcome = await sink.submit({ institution: input.code, envelope: envelope.data });
  // A fast institution may answer before the driver has recorded that the request was accepted.
  for (let i = 0; i < 8 && outcome === 'unknown'; i++) {
    await new Promise((r) => setTimeout(r, 40));
    outcome = await sink.submit({ institution: input.code, envelope: envelope.data });
  }
  if (outcome === 'unknown') {
    return refuse(
      ErrorCode.notFound,
      '没有对应的查控请求',
      'No such request',
      `unknown request ${envelope.data.requestId}`,
    );
  }
  return { status: outcome };
}
