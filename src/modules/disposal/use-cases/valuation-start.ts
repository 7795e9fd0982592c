import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { publishEvent } from '../../../platform/events.ts';
import { enqueueJob } from '../../../platform/jobs.ts';
import { appendAudit } from '../../audit/index.ts';
import { type CaseContext, loadCaseContext } from '../../cases/index.ts';
import { type Actor, getCourt } from '../../identity/index.ts';
import { type ControlledAsset, findCaseAsset } from '../../inquiry/index.ts';
import { sendValuationRequestJob } from '../jobs/valuation-send.ts';
import { commitmentOf } from '../rules/lottery.ts';
import {
  blocksNewValuation,
  isPricedAtOnce,
  ValuationMethod,
  ValuationState,
  validUntilOf,
} from '../rules/valuation.ts';
import { appraiserCount, specialismOf } from '../rules/valuation-appraisal.ts';
import { reportDueOn } from '../rules/valuation-online.ts';
import type { TPlatformRequestBody } from '../valuation/protocol.ts';
import type { TStartValuation } from '../valuation-contracts.ts';
import { valuationStarted } from '../valuation-events.ts';
import { assertValuationTeam } from '../valuation-policy.ts';
import { assignAppraiser } from './appraisal-assignments.ts';
import { activeRoster, findAppraisers } from './appraisal-roster.ts';
import { availablePlatforms } from './valuation-platforms.ts';
import { listAssetValuations } from './valuation-store.ts';
import { publishPriced } from './valuation-window.ts';

/**
 * 启动询价评估: a valuation of an asset of the case that is sealed or seized (参考价规定 2018;
 * DOMAIN §6). Negotiated and directed inquiry fix the price at once from the figure recorded;
 * online inquiry writes one request per listed platform (sent by a job, idempotent by its id);
 * appraisal commissions the 3 appraisers the parties agreed on, or publishes a lottery's roster
 * and commitment. Refused: outside the data scope 404, not the team 403, bad input 400 naming the
 * field, an asset that is not the case's or not under control, or already valued, 409 naming
 * `assetId`. Nothing is written unless everything passes.
 */
export async function startValuation(
  db: Db,
  actor: Actor,
  caseId: string,
  input: TStartValuation,
): Promise<{ id: string; state: ValuationState }> {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    assertValuationTeam(actor, c);
    checkFields(input);
    if (c.status === 'closed') throw new AppError(ErrorCode.conflict, bi('案件已结案', 'The case is closed'));
    // One valuation of an asset at a time, however many officers press the button.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`disposal.valuation:${input.assetId}`}))`);
    const asset = await findCaseAsset(tx, c.id, input.assetId);
    if (!asset || asset.measureKind === null || asset.controlledOn === null) {
      throw new AppError(
        ErrorCode.conflict,
        bi('该财产不是本案已查封、扣押的财产', 'The asset is not one of the case’s sealed or seized assets'),
        [
          {
            path: 'assetId',
            message: bi('须为本案查控反馈中已查封或扣押的财产', 'Must be sealed or seized in this case'),
          },
        ],
      );
    }
    const today = clock.today();
    const earlier = await listAssetValuations(tx, asset.assetId);
    if (earlier.some((v) => blocksNewValuation(v, today))) {
      throw new AppError(
        ErrorCode.conflict,
        bi(
          '该财产已有进行中或仍在有效期内的询价评估',
          'The asset already has a valuation open or still valid',
        ),
        [{ path: 'assetId', message: bi('已有询价评估', 'Already being valued or valued') }],
      );
    }
    const id = randomUUID();
    const state = await begin(tx, { id, c, actor, asset, input, today });
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'disposal.valuation.start',
      objectType: 'case',
      objectId: c.id,
      detail: {
        valuationId: id,
        assetId: asset.assetId,
        method: input.method,
        priceFen: input.priceFen ?? null,
      },
    });
    await publishEvent(
      tx,
      valuationStarted,
      {
        valuationId: id,
        caseId: c.id,
        courtId: c.courtId,
        assetId: asset.assetId,
        method: input.method,
        startedBy: actor.userId,
        startedOn: today,
      },
      { aggregateId: c.id },
    );
    return { id, state };
  });
}

/** What the body must say for its method (the schema checks each field alone). */
function checkFields(input: TStartValuation): void {
  if (isPricedAtOnce(input.method)) {
    if (input.priceFen === undefined)
      throw invalidField(
        'priceFen',
        '议价或定向询价须填写价格（分）',
        'Negotiated and directed inquiry need priceFen',
      );
  } else if (input.priceFen !== undefined) {
    throw invalidField(
      'priceFen',
      '网络询价和委托评估的价格由平台或评估机构出具',
      'Only negotiated and directed inquiry take priceFen',
    );
  }
  if (input.appraiserIds !== undefined) {
    if (input.method !== ValuationMethod.appraisal)
      throw invalidField('appraiserIds', '仅委托评估可约定评估机构', 'Only an appraisal takes appraiserIds');
    if (new Set(input.appraiserIds).size !== appraiserCount)
      throw invalidField('appraiserIds', '须约定三家不同的评估机构', 'Three different appraisers, in order');
  }
}

type Begin = {
  id: string;
  c: CaseContext;
  actor: Actor;
  asset: ControlledAsset;
  input: TStartValuation;
  today: string;
};

async function insertValuation(
  tx: DbOrTx,
  b: Begin,
  state: ValuationState,
  extra: { inquiryDueOn?: string; priceFen?: number; appraiserIds?: string[] } = {},
): Promise<void> {
  const isPriced = state === ValuationState.priced;
  const price = isPriced ? (extra.priceFen ?? null) : null;
  await tx.execute(sql`insert into disposal.valuations (id, case_id, court_id, asset_id, asset_type,
      asset_identifier, asset_description, registered_value_fen, controlled_on, method, state, started_by,
      started_on, inquiry_due_on, reference_price_fen, priced_on, valid_until, appraiser_ids, current_appraiser)
    values (${b.id}::uuid, ${b.c.id}::uuid, ${b.c.courtId}::uuid, ${b.asset.assetId}::uuid, ${b.asset.assetType},
      ${b.asset.identifier}, ${b.asset.description}, ${b.asset.valueFen}::bigint, ${b.asset.controlledOn}::date,
      ${b.input.method}, ${state}, ${b.actor.userId}::uuid, ${b.today}::date, ${extra.inquiryDueOn ?? null}::date,
      ${price}::bigint, ${isPriced ? b.today : null}::date, ${isPriced ? validUntilOf(b.today) : null}::date,
      ${extra.appraiserIds ? sql.param(extra.appraiserIds) : null}::uuid[], ${extra.appraiserIds ? 0 : null}::int)`);
}

async function begin(tx: DbOrTx, b: Begin): Promise<ValuationState> {
  const { input, today } = b;
  if (isPricedAtOnce(input.method) && input.priceFen !== undefined) {
    await insertValuation(tx, b, ValuationState.priced, { priceFen: input.priceFen });
    await publishPriced(tx, {
      id: b.id,
      caseId: b.c.id,
      courtId: b.c.courtId,
      assetId: b.asset.assetId,
      method: input.method,
      referencePriceFen: input.priceFen,
      pricedOn: today,
      validUntil: validUntilOf(today),
    });
    return ValuationState.priced;
  }
  if (input.method === ValuationMethod.onlineInquiry) return beginOnlineInquiry(tx, b);
  if (input.appraiserIds !== undefined) return beginAgreedAppraisal(tx, b, input.appraiserIds);
  return beginLottery(tx, b);
}

/** 网络询价: one request per listed, non-delisted platform, all at once; reports due in 3 days. */
async function beginOnlineInquiry(tx: DbOrTx, b: Begin): Promise<ValuationState> {
  const platforms = await availablePlatforms(tx, b.today);
  if (platforms.length === 0) {
    throw new AppError(
      ErrorCode.conflict,
      bi('名单库中没有可用的询价平台', 'No listed valuation platform is available'),
      [{ path: 'method', message: bi('请改用其他方式', 'Choose another method') }],
    );
  }
  const dueOn = reportDueOn(b.today);
  await insertValuation(tx, b, ValuationState.inquiring, { inquiryDueOn: dueOn });
  const court = await getCourt(tx, b.c.courtId);
  const requestedAt = clock.now().toISOString();
  for (const p of platforms) {
    const requestId = randomUUID();
    const body: TPlatformRequestBody = {
      requestId,
      court: court?.name ?? b.c.courtCode,
      caseNumber: b.c.caseNumber,
      asset: {
        type: b.asset.assetType,
        identifier: b.asset.identifier.slice(0, 200),
        description: b.asset.description.slice(0, 500),
        ...(b.asset.valueFen !== null && b.asset.valueFen > 0
          ? { registeredValueFen: b.asset.valueFen }
          : {}),
      },
      requestedAt,
      dueOn,
    };
    await tx.execute(sql`insert into disposal.platform_requests (id, valuation_id, platform, body, state)
      values (${requestId}::uuid, ${b.id}::uuid, ${p.code}, ${JSON.stringify(body)}::jsonb, 'pending')`);
    await enqueueJob(tx, sendValuationRequestJob, { requestId }, { singletonKey: requestId });
  }
  return ValuationState.inquiring;
}

/** 委托评估 by agreement: the three firms of the asset's roster, in the order agreed. */
async function beginAgreedAppraisal(tx: DbOrTx, b: Begin, appraiserIds: string[]): Promise<ValuationState> {
  const specialism = specialismOf(b.asset.assetType);
  const found = await findAppraisers(tx, appraiserIds);
  const unfit = appraiserIds.findIndex((id) => {
    const a = found.get(id);
    return !a?.isActive || a.specialism !== specialism;
  });
  if (unfit !== -1) {
    throw invalidField(
      `appraiserIds.${unfit}`,
      '须为该类财产评估机构名单中的机构',
      'Must be an active appraiser of the roster for this kind of asset',
    );
  }
  await insertValuation(tx, b, ValuationState.appraising, { appraiserIds });
  await assignAppraiser(tx, {
    valuationId: b.id,
    position: 0,
    appraiserId: appraiserIds[0] ?? '',
    today: b.today,
  });
  return ValuationState.appraising;
}

/** 摇号: the roster of the asset's specialism and the commitment to a secret seed, published now. */
async function beginLottery(tx: DbOrTx, b: Begin): Promise<ValuationState> {
  const specialism = specialismOf(b.asset.assetType);
  const roster = await activeRoster(tx, specialism);
  if (roster.length < appraiserCount) {
    throw new AppError(
      ErrorCode.conflict,
      bi(
        `该类财产的评估机构名单不足 ${appraiserCount} 家`,
        `The roster has fewer than ${appraiserCount} appraisers for this kind of asset`,
      ),
      [{ path: 'method', message: bi('请先补充评估机构名单', 'Add appraisers to the roster first') }],
    );
  }
  await insertValuation(tx, b, ValuationState.drawingLots);
  const seed = randomBytes(32).toString('hex');
  await tx.execute(sql`insert into disposal.lotteries (id, valuation_id, specialism, roster, commitment, seed, committed_at)
    values (${randomUUID()}::uuid, ${b.id}::uuid, ${specialism},
      ${JSON.stringify(roster.map((a) => ({ id: a.id, name: a.name })))}::jsonb, ${commitmentOf(seed)}, ${seed},
      ${clock.now().toISOString()}::timestamptz)`);
  return ValuationState.drawingLots;
}
