import { sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { listControlledAssets } from '../../inquiry/index.ts';
import { blocksNewValuation, isStartLate, referencePriceStartDueOn } from '../rules/valuation.ts';
import type { TObjection, TValuation } from '../valuation-contracts.ts';
import { listAssignments, listExtensions } from './appraisal-assignments.ts';
import { findLottery } from './lottery-view.ts';
import {
  listCaseValuations,
  listPlatformRequests,
  loadValuationForActor,
  type ValuationRow,
} from './valuation-store.ts';

/** A valuation as the API shows it: its reports, objections, appraisal, and the 30-day start. */

type ObjectionRow = TObjection & { requestId: string | null };

export async function listObjections(db: DbOrTx, valuationId: string): Promise<TObjection[]> {
  const rows = await db.execute<ObjectionRow>(sql`select o.id, r.platform, o.party_id as "partyId", o.reason,
      o.state, o.lodged_on::text as "lodgedOn", o.decided_on::text as "decidedOn",
      o.decision_reason as "decisionReason", o.request_id as "requestId"
    from disposal.objections o left join disposal.platform_requests r on r.id = o.request_id
    where o.valuation_id = ${valuationId}::uuid order by o.created_at, o.id`);
  return rows.map(({ requestId: _requestId, ...o }) => o);
}

export async function valuationView(db: DbOrTx, v: ValuationRow, today: string): Promise<TValuation> {
  const [requests, objections, lottery, assignments, extensions] = await Promise.all([
    listPlatformRequests(db, v.id),
    listObjections(db, v.id),
    v.method === 'appraisal' ? findLottery(db, { valuationId: v.id }) : Promise.resolve(undefined),
    v.method === 'appraisal' ? listAssignments(db, v.id) : Promise.resolve([]),
    v.method === 'appraisal' ? listExtensions(db, v.id) : Promise.resolve([]),
  ]);
  const isWindowOpen = v.state === 'inquiring' || v.state === 'extended';
  return {
    id: v.id,
    caseId: v.caseId,
    assetId: v.assetId,
    asset: { type: v.assetType, identifier: v.assetIdentifier, description: v.assetDescription },
    method: v.method,
    state: v.state,
    startedOn: v.startedOn,
    startDeadline: {
      controlledOn: v.controlledOn,
      dueOn: v.controlledOn === null ? null : referencePriceStartDueOn(v.controlledOn),
      isLate: v.controlledOn !== null && isStartLate(v.controlledOn, v.startedOn, today),
    },
    platforms: requests.map((r) => ({ platform: r.platform, platformName: r.platformName, state: r.state })),
    inquiryDueOn: v.inquiryDueOn,
    isExtended: v.isExtended,
    reports: requests.flatMap((r) =>
      r.state === 'reported' && r.priceFen !== null && r.receivedAt !== null && r.receivedOn !== null
        ? [
            {
              platform: r.platform,
              platformName: r.platformName,
              priceFen: r.priceFen,
              reportNumber: r.reportNumber,
              reportedAt: r.reportedAt ?? r.receivedAt,
              receivedAt: r.receivedAt,
              // While the window is open, on time so far if it came by the due day.
              onTime:
                r.isOnTime ??
                (isWindowOpen && v.inquiryDueOn !== null ? r.receivedOn <= v.inquiryDueOn : false),
              isExcluded: r.isExcluded,
            },
          ]
        : [],
    ),
    referencePriceFen: v.referencePriceFen,
    pricedOn: v.pricedOn,
    validUntil: v.validUntil,
    objectionDueOn: v.objectionDueOn,
    objections,
    failureReason: v.failureReason,
    appraisal:
      v.method === 'appraisal'
        ? {
            lotteryId: lottery?.id ?? null,
            currentPosition: v.currentAppraiser,
            assignments: assignments.map((a) => ({
              position: a.position,
              appraiserId: a.appraiserId,
              name: a.name,
              assignedOn: a.assignedOn,
              dueOn: a.dueOn,
              state: a.state,
              endedOn: a.endedOn,
              extensions: extensions
                .filter((e) => e.position === a.position)
                .map((e) => ({ days: e.days, reason: e.reason, requestedOn: e.requestedOn, dueOn: e.dueOn })),
            })),
            reportNumber: v.reportNumber,
          }
        : null,
  };
}

/** `GET /api/v1/valuations/{id}`: 404 outside the case's data scope. */
export async function getValuation(db: DbOrTx, actor: Actor, id: string): Promise<TValuation> {
  const { v } = await loadValuationForActor(db, actor, id);
  return valuationView(db, v, clock.today());
}

/** `GET /api/v1/cases/{id}/valuations`: the case's valuations, and its controlled assets with their 30 days. */
export async function getCaseValuations(db: DbOrTx, actor: Actor, caseId: string) {
  const c = await loadCaseContext(db, actor, caseId);
  const today = clock.today();
  const rows = await listCaseValuations(db, c.id);
  const items = await Promise.all(rows.map((v) => valuationView(db, v, today)));
  const controlled = await listControlledAssets(db, c.id);
  return {
    items,
    assets: controlled.flatMap((a) => {
      if (a.measureKind === null || a.controlledOn === null) return [];
      const ofAsset = rows.filter((v) => v.assetId === a.assetId);
      const latest = ofAsset.at(-1);
      const started = ofAsset[0]?.startedOn ?? null;
      const current = ofAsset.filter((v) => blocksNewValuation(v, today)).at(-1) ?? latest;
      return [
        {
          assetId: a.assetId,
          assetType: a.assetType,
          identifier: a.identifier,
          description: a.description,
          measureKind: a.measureKind,
          controlledOn: a.controlledOn,
          startDueOn: referencePriceStartDueOn(a.controlledOn),
          isStartLate: isStartLate(a.controlledOn, started, today),
          valuationId: current?.id ?? null,
          referencePriceFen: current?.state === 'priced' ? current.referencePriceFen : null,
        },
      ];
    }),
  };
}
