import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { type CaseContext, loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { ValuationMethod, ValuationState } from '../rules/valuation.ts';

/** The rows of `disposal.valuations` and what hangs off them, read and shaped. */

export type ValuationRow = {
  id: string;
  caseId: string;
  courtId: string;
  assetId: string;
  assetType: string;
  assetIdentifier: string;
  assetDescription: string;
  registeredValueFen: number | null;
  controlledOn: string | null;
  method: ValuationMethod;
  state: ValuationState;
  startedBy: string;
  startedOn: string;
  inquiryDueOn: string | null;
  isExtended: boolean;
  referencePriceFen: number | null;
  pricedOn: string | null;
  validUntil: string | null;
  objectionDueOn: string | null;
  failureReason: string | null;
  appraiserIds: string[] | null;
  currentAppraiser: number | null;
  reportNumber: string | null;
};

const columns = sql`v.id, v.case_id as "caseId", v.court_id as "courtId", v.asset_id as "assetId",
  v.asset_type as "assetType", v.asset_identifier as "assetIdentifier", v.asset_description as "assetDescription",
  v.registered_value_fen::float8 as "registeredValueFen", v.controlled_on::text as "controlledOn", v.method,
  v.state, v.started_by as "startedBy", v.started_on::text as "startedOn", v.inquiry_due_on::text as "inquiryDueOn",
  v.is_extended as "isExtended", v.reference_price_fen::float8 as "referencePriceFen", v.priced_on::text as "pricedOn",
  v.valid_until::text as "validUntil", v.objection_due_on::text as "objectionDueOn", v.failure_reason as "failureReason",
  v.appraiser_ids::text[] as "appraiserIds", v.current_appraiser as "currentAppraiser", v.report_number as "reportNumber"`;

export async function findValuation(
  db: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ValuationRow | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await db.execute<ValuationRow>(sql`select ${columns} from disposal.valuations v
    where v.id = ${id}::uuid ${opts.forUpdate ? sql`for update` : sql``}`);
  return rows[0];
}

export async function listCaseValuations(db: DbOrTx, caseId: string): Promise<ValuationRow[]> {
  return db.execute<ValuationRow>(sql`select ${columns} from disposal.valuations v
    where v.case_id = ${caseId}::uuid order by v.created_at, v.id`);
}

export async function listAssetValuations(db: DbOrTx, assetId: string): Promise<ValuationRow[]> {
  return db.execute<ValuationRow>(sql`select ${columns} from disposal.valuations v
    where v.asset_id = ${assetId}::uuid order by v.created_at, v.id`);
}

/** A valuation as the actor may see it: outside its case's data scope it does not exist (404). */
export async function loadValuationForActor(
  db: DbOrTx,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<{ v: ValuationRow; c: CaseContext }> {
  const v = await findValuation(db, id, opts);
  if (!v) throw notFound('询价评估', 'Valuation');
  return { v, c: await loadCaseContext(db, actor, v.caseId) };
}

export type PlatformRequestRow = {
  id: string;
  valuationId: string;
  platform: string;
  platformName: string;
  state: 'pending' | 'accepted' | 'reported' | 'failed';
  body: unknown;
  attempts: number;
  lastError: string | null;
  acceptedAt: string | null;
  priceFen: number | null;
  reportNumber: string | null;
  reportedAt: string | null;
  receivedAt: string | null;
  receivedOn: string | null;
  isOnTime: boolean | null;
  isExcluded: boolean;
};

const requestColumns = sql`r.id, r.valuation_id as "valuationId", r.platform, p.name as "platformName", r.state,
  r.body, r.attempts, r.last_error as "lastError", r.accepted_at as "acceptedAt", r.price_fen::float8 as "priceFen",
  r.report_number as "reportNumber", r.reported_at as "reportedAt", r.received_at as "receivedAt",
  r.received_on::text as "receivedOn", r.is_on_time as "isOnTime", r.is_excluded as "isExcluded"`;

function iso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();
}

function shapedRequest(r: PlatformRequestRow): PlatformRequestRow {
  return {
    ...r,
    acceptedAt: iso(r.acceptedAt),
    reportedAt: iso(r.reportedAt),
    receivedAt: iso(r.receivedAt),
  };
}

export async function listPlatformRequests(db: DbOrTx, valuationId: string): Promise<PlatformRequestRow[]> {
  const rows = await db.execute<PlatformRequestRow>(sql`select ${requestColumns}
    from disposal.platform_requests r join disposal.valuation_platforms p on p.code = r.platform
    where r.valuation_id = ${valuationId}::uuid order by r.platform`);
  return rows.map(shapedRequest);
}

export async function findPlatformRequest(
  db: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<PlatformRequestRow | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await db.execute<PlatformRequestRow>(sql`select ${requestColumns}
    from disposal.platform_requests r join disposal.valuation_platforms p on p.code = r.platform
    where r.id = ${id}::uuid ${opts.forUpdate ? sql`for update of r` : sql``}`);
  return rows[0] && shapedRequest(rows[0]);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(s: string): boolean {
  return uuidPattern.test(s);
}
