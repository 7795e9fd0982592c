import type { IncomingHttpHeaders } from 'node:http';
import { sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Config } from '../../../platform/config.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField, notFound } from '../../../platform/errors.ts';
import { valuationPlatformEndpoint } from '../../../platform/outside-world.ts';
import { checkSignature, protocolHeaders, transportNow } from '../../../platform/signed-http.ts';
import { appendAudit } from '../../audit/index.ts';
import { isOpen } from '../rules/valuation.ts';
import { type TPlatformReport, ZPlatformReportSchema } from '../valuation/protocol.ts';
import { findPlatformRequest, findValuation } from './valuation-store.ts';
import { settleWindow } from './valuation-window.ts';

/**
 * A platform's report (docs/protocols/valuation.md §5): pushed, signed over the exact bytes, to
 * `POST /api/v1/disposal/valuation-reports`, or found by polling. Recorded once per request (a
 * second delivery changes nothing), with the day it reached the court on the one clock — which
 * decides whether it was on time. A report that completes the set prices the valuation at once.
 */
export type ReportOutcome = 'recorded' | 'duplicate';

export async function recordPlatformReport(
  db: Db,
  platform: string,
  report: TPlatformReport,
): Promise<ReportOutcome> {
  const known = await findPlatformRequest(db, report.requestId);
  if (!known || known.platform !== platform || report.platform !== platform)
    throw notFound('询价请求', 'Inquiry request');
  return db.transaction(async (tx) => {
    // The valuation first, then the request: the order the deadline job locks them in.
    const v = await findValuation(tx, known.valuationId, { forUpdate: true });
    const r = await findPlatformRequest(tx, known.id, { forUpdate: true });
    if (!v || !r) throw notFound('询价请求', 'Inquiry request');
    if (r.state === 'reported') return 'duplicate';
    const now = clock.now();
    const receivedOn = chinaDateOf(now);
    // A report after the valuation ended is on the record, and late.
    const isOnTime = isOpen(v.state) ? null : false;
    await tx.execute(sql`update disposal.platform_requests set state = 'reported',
        price_fen = ${report.priceFen}::bigint, report_number = ${report.reportNumber},
        reported_at = ${report.reportedAt}::timestamptz, received_at = ${now.toISOString()}::timestamptz,
        received_on = ${receivedOn}::date, is_on_time = ${isOnTime}, updated_at = now()
      where id = ${r.id}::uuid`);
    await appendAudit(tx, {
      actor: null,
      action: 'disposal.valuation.report',
      objectType: 'valuation',
      objectId: v.id,
      detail: { platform, priceFen: report.priceFen, reportNumber: report.reportNumber, receivedOn },
    });
    await settleWindow(tx, v, receivedOn);
    return 'recorded';
  });
}

/** The signed push: checked against the platform's key, then recorded. */
export async function receivePlatformReport(
  db: Db,
  config: Config,
  input: { path: string; rawBody: string; headers: IncomingHttpHeaders },
): Promise<{ requestId: string; outcome: ReportOutcome }> {
  const header = (name: string) => {
    const v = input.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const code = header(protocolHeaders.institution) ?? '';
  const known = await db.execute<{ code: string }>(
    sql`select code from disposal.valuation_platforms where code = ${code.slice(0, 40)}`,
  );
  const platform = known[0] ? valuationPlatformEndpoint(config, code) : undefined;
  if (!platform)
    throw new AppError(ErrorCode.unauthenticated, bi('未知的询价平台', 'Unknown valuation platform'));
  const check = checkSignature({
    key: platform.key,
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
    throw invalidField('(body)', '报告不是有效的 JSON', 'The report is not valid JSON');
  }
  const parsed = ZPlatformReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidField(
      issue?.path.join('.') || '(body)',
      '报告不符合协议',
      `Does not match the protocol: ${issue?.message ?? ''}`,
    );
  }
  return { requestId: parsed.data.requestId, outcome: await recordPlatformReport(db, code, parsed.data) };
}
