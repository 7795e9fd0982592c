import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';

/**
 * The assets of a case that inquiry found and has under control — a seal (查封) or seizure (扣押)
 * in force — which are what disposal may value and sell, and the day control began (the reference
 * price is due to start 30 days later). Inquiry's reader for other modules (through its index.ts).
 */
export type ControlledAsset = {
  assetId: string;
  caseId: string;
  assetType: string;
  identifier: string;
  description: string;
  /** What the registry reported it worth, if anything. */
  valueFen: number | null;
  respondentName: string;
  /** `seal` or `seize` in force, and the China day it took effect; null when not under control. */
  measureKind: 'seal' | 'seize' | null;
  controlledOn: string | null;
};

type Row = Omit<ControlledAsset, 'measureKind'> & { measureKind: string | null };

function shaped(r: Row): ControlledAsset {
  const kind = r.measureKind === 'seal' || r.measureKind === 'seize' ? r.measureKind : null;
  return { ...r, measureKind: kind, controlledOn: kind === null ? null : r.controlledOn };
}

const select = sql`select a.id as "assetId", a.case_id as "caseId", a.asset_type as "assetType",
    a.identifier, a.description, a.value_fen::float8 as "valueFen", a.respondent_name as "respondentName",
    m.kind as "measureKind",
    to_char((coalesce(m.answered_at, m.created_at) at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as "controlledOn"
  from inquiry.assets a
  left join lateral (
    select kind, answered_at, created_at from inquiry.measures
     where asset_id = a.id and kind in ('seal', 'seize') and state = 'inForce'
     order by coalesce(answered_at, created_at) limit 1
  ) m on true`;

/** The asset `assetId` of the case, with its control; undefined when the case has no such asset. */
export async function findCaseAsset(
  db: DbOrTx,
  caseId: string,
  assetId: string,
): Promise<ControlledAsset | undefined> {
  const rows = await db.execute<Row>(sql`${select}
    where a.case_id = ${caseId}::uuid and a.id = ${assetId}::uuid`);
  return rows[0] && shaped(rows[0]);
}

/** Every asset of the case sealed or seized now, earliest control first. */
export async function listControlledAssets(db: DbOrTx, caseId: string): Promise<ControlledAsset[]> {
  const rows = await db.execute<Row>(sql`${select}
    where a.case_id = ${caseId}::uuid and m.kind is not null
    order by m.answered_at nulls last, a.id`);
  return rows.map(shaped);
}

/** The day control began of each of `assetIds` still under control (for the 30-day view). */
export async function controlledOnByAsset(
  db: DbOrTx,
  assetIds: readonly string[],
): Promise<Map<string, string>> {
  if (assetIds.length === 0) return new Map();
  const rows = await db.execute<Row>(sql`${select}
    where a.id = any(${sql.param([...assetIds])}::uuid[]) and m.kind is not null`);
  return new Map(rows.flatMap((r) => (r.controlledOn === null ? [] : [[r.assetId, r.controlledOn]])));
}
