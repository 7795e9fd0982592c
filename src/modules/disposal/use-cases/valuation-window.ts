import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { publishEvent } from '../../../platform/events.ts';
import { appendAudit } from '../../audit/index.ts';
import { objectionDueOn, ValuationState, validUntilOf } from '../rules/valuation.ts';
import { decideWindow, referencePriceOf } from '../rules/valuation-online.ts';
import { valuationFailed, valuationPriced } from '../valuation-events.ts';
import { recordLateness } from './valuation-platforms.ts';
import { findValuation, listPlatformRequests, type ValuationRow } from './valuation-store.ts';

/**
 * The window of an online inquiry (参考价规定 2018; DOMAIN §6), settled on the one clock's `today`:
 * every platform reported in time → priced at once; the due day over → priced from the on-time
 * reports, extended by 3 days if none came, failed if none came in the extension either. Late
 * platforms are counted (and delisted at 5 in a year). Called when a report comes in and by the
 * deadline job, whether or not anyone looks; inside the caller's transaction, the valuation locked.
 */
export async function settleWindow(tx: DbOrTx, v: ValuationRow, today: string): Promise<ValuationState> {
  if (v.state !== ValuationState.inquiring && v.state !== ValuationState.extended) return v.state;
  if (v.inquiryDueOn === null) return v.state;
  const requests = await listPlatformRequests(tx, v.id);
  const reports = requests.map((r) => ({
    platform: r.platform,
    priceFen: r.priceFen ?? 0,
    receivedOn: r.state === 'reported' ? r.receivedOn : null,
    isExcluded: r.isExcluded,
  }));
  const decision = decideWindow({
    today,
    dueOn: v.inquiryDueOn,
    isExtended: v.isExtended,
    requests: reports,
  });
  // A request that never reached its platform (refused outright) does not make the platform late.
  const neverReached = new Set(requests.filter((r) => r.state === 'failed').map((r) => r.platform));
  const lateOf = (platforms: readonly string[]) => platforms.filter((p) => !neverReached.has(p));
  const audit = (action: string, detail: Record<string, unknown>) =>
    appendAudit(tx, { actor: null, action, objectType: 'valuation', objectId: v.id, detail });
  switch (decision.kind) {
    case 'wait':
      return v.state;
    case 'extend':
      await tx.execute(sql`update disposal.valuations set state = 'extended', is_extended = true,
          inquiry_due_on = ${decision.dueOn}::date, updated_at = now()
        where id = ${v.id}::uuid`);
      await audit('disposal.valuation.extend', { dueOn: decision.dueOn });
      return ValuationState.extended;
    case 'price': {
      const onTime = new Set(decision.onTime);
      const priceFen = referencePriceOf(reports, onTime);
      await markOnTime(tx, v.id, decision.onTime);
      await recordLateness(tx, {
        valuationId: v.id,
        platforms: lateOf(decision.late),
        lateOn: decision.dueOn,
        today,
      });
      if (priceFen === null) return fail(tx, v, today, 'noReportLeft');
      await tx.execute(sql`update disposal.valuations set state = 'priced', is_extended = ${decision.isExtended},
          inquiry_due_on = ${decision.dueOn}::date, reference_price_fen = ${priceFen}::bigint,
          priced_on = ${today}::date, valid_until = ${validUntilOf(today)}::date,
          objection_due_on = ${objectionDueOn(today)}::date, updated_at = now()
        where id = ${v.id}::uuid`);
      await audit('disposal.valuation.price', {
        referencePriceFen: priceFen,
        onTime: decision.onTime,
        late: decision.late,
      });
      await publishPriced(tx, {
        ...v,
        referencePriceFen: priceFen,
        pricedOn: today,
        validUntil: validUntilOf(today),
      });
      return ValuationState.priced;
    }
    case 'fail':
      await markOnTime(tx, v.id, []);
      await recordLateness(tx, {
        valuationId: v.id,
        platforms: lateOf(decision.late),
        lateOn: decision.dueOn,
        today,
      });
      await tx.execute(sql`update disposal.valuations set is_extended = true, inquiry_due_on = ${decision.dueOn}::date
        where id = ${v.id}::uuid`);
      return fail(tx, v, today, 'noPlatformReported');
  }
}

/** The reports now on the record are judged: on time if their platform is in `onTime`. */
async function markOnTime(tx: DbOrTx, valuationId: string, onTime: readonly string[]): Promise<void> {
  await tx.execute(sql`update disposal.platform_requests
      set is_on_time = (platform = any(${sql.param([...onTime])}::text[])), updated_at = now()
    where valuation_id = ${valuationId}::uuid and state = 'reported'`);
}

/** Ends a valuation without a price. */
export async function fail(
  tx: DbOrTx,
  v: ValuationRow,
  today: string,
  reason: string,
): Promise<ValuationState> {
  await tx.execute(sql`update disposal.valuations set state = 'failed', failure_reason = ${reason},
      reference_price_fen = null, priced_on = null, valid_until = null, objection_due_on = null, updated_at = now()
    where id = ${v.id}::uuid`);
  await appendAudit(tx, {
    actor: null,
    action: 'disposal.valuation.fail',
    objectType: 'valuation',
    objectId: v.id,
    detail: { reason },
  });
  await publishEvent(
    tx,
    valuationFailed,
    {
      valuationId: v.id,
      caseId: v.caseId,
      courtId: v.courtId,
      assetId: v.assetId,
      method: v.method,
      reason,
      failedOn: today,
    },
    { aggregateId: v.caseId },
  );
  return ValuationState.failed;
}

export async function publishPriced(
  tx: DbOrTx,
  v: Pick<ValuationRow, 'id' | 'caseId' | 'courtId' | 'assetId' | 'method'> & {
    referencePriceFen: number;
    pricedOn: string;
    validUntil: string;
  },
): Promise<void> {
  await publishEvent(
    tx,
    valuationPriced,
    {
      valuationId: v.id,
      caseId: v.caseId,
      courtId: v.courtId,
      assetId: v.assetId,
      method: v.method,
      referencePriceFen: v.referencePriceFen,
      pricedOn: v.pricedOn,
      validUntil: v.validUntil,
    },
    { aggregateId: v.caseId },
  );
}

/** The open online inquiries whose window may have something to settle on `today`. */
async function dueWindows(db: DbOrTx, today: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`select v.id from disposal.valuations v
    where v.state in ('inquiring', 'extended')
      and (v.inquiry_due_on < ${today}::date or not exists (
        select 1 from disposal.platform_requests r where r.valuation_id = v.id and r.state <> 'reported'))
    order by v.inquiry_due_on, v.id limit 1000`);
  return rows.map((r) => r.id);
}

/** The deadline job's part for online inquiry: every window due, each in its own transaction. */
export async function settleDueWindows(db: Db, today: string): Promise<number> {
  let settled = 0;
  for (const id of await dueWindows(db, today)) {
    const state = await db.transaction(async (tx) => {
      const v = await findValuation(tx, id, { forUpdate: true });
      return v ? settleWindow(tx, v, today) : undefined;
    });
    if (state !== undefined) settled += 1;
  }
  return settled;
}
