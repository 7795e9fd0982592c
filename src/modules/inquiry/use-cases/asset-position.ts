import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { isBalanceAsset } from '../rules/asset-types.ts';

/**
 * What online inquiry knows of each respondent's assets in a case, summed for a rating (the rating
 * module reads it through this module's index.ts): money not frozen by anyone, money this case
 * holds frozen, and registered things by whether this case is first in line. An asset reported by
 * two institutions (a national and a local registry) counts once.
 */
export type AssetPosition = {
  respondentPartyId: string;
  /** Query requests for the respondent answered, and still waiting for an answer. */
  answeredQueries: number;
  pendingQueries: number;
  /** Distinct assets reported. */
  assetCount: number;
  /** Balances nobody has frozen, as reported, less what this case froze since. */
  availableBalanceFen: number;
  /** Held by this case's freezes in force. */
  frozenHereFen: number;
  /** Things with no earlier seal of another case, or sealed first by this one: reported value. */
  thingsFirstFen: number;
  /** Things behind another case's seal (轮候): reported value. */
  thingsQueuedFen: number;
  thingsUnsealedCount: number;
  thingsSealedHereCount: number;
};

type AssetRow = {
  id: string;
  party: string;
  assetType: string;
  identifier: string;
  valueFen: number | null;
  balanceFen: number | null;
  frozenFen: number | null;
  availableFen: number | null;
  isBehindOther: boolean;
  answeredMs: number;
};
type MeasureRow = {
  assetId: string;
  kind: string;
  state: string;
  amountFen: number | null;
  deductedFen: number;
  answeredMs: number | null;
};

const emptyPosition = (respondentPartyId: string): AssetPosition => ({
  respondentPartyId,
  answeredQueries: 0,
  pendingQueries: 0,
  assetCount: 0,
  availableBalanceFen: 0,
  frozenHereFen: 0,
  thingsFirstFen: 0,
  thingsQueuedFen: 0,
  thingsUnsealedCount: 0,
  thingsSealedHereCount: 0,
});

/** Three indexed reads of the case: its query requests, its assets, its measures. */
export async function readAssetPositions(
  db: DbOrTx,
  c: { caseId: string; caseNumber: string },
): Promise<Map<string, AssetPosition>> {
  const [queries, assetRows, measureRows] = await Promise.all([
    db.execute<{ party: string; answered: number; pending: number }>(sql`
      select respondent_party_id as party,
        count(*) filter (where state = 'answered')::int as answered,
        count(*) filter (where state in ('pending', 'sending', 'accepted'))::int as pending
      from inquiry.requests
      where case_id = ${c.caseId}::uuid and operation = 'query' and respondent_party_id is not null
      group by respondent_party_id`),
    db.execute<AssetRow>(sql`
      select a.id, a.respondent_party_id as party, a.asset_type as "assetType", a.identifier,
        a.value_fen::float8 as "valueFen", a.balance_fen::float8 as "balanceFen",
        a.frozen_fen::float8 as "frozenFen", a.available_fen::float8 as "availableFen",
        exists (select 1 from jsonb_array_elements(a.encumbrances) e
          where e->>'kind' in ('seal', 'seize') and e->>'caseNumber' is distinct from ${c.caseNumber}) as "isBehindOther",
        extract(epoch from a.answered_at)::float8 * 1000 as "answeredMs"
      from inquiry.assets a where a.case_id = ${c.caseId}::uuid`),
    db.execute<MeasureRow>(sql`
      select asset_id as "assetId", kind, state, amount_fen::float8 as "amountFen",
        deducted_fen::float8 as "deductedFen",
        extract(epoch from answered_at)::float8 * 1000 as "answeredMs"
      from inquiry.measures
      where case_id = ${c.caseId}::uuid and kind in ('freeze', 'seal', 'seize')
        and state in ('inForce', 'queued', 'exhausted', 'released')`),
  ]);
  const positions = new Map<string, AssetPosition>();
  const positionOf = (party: string) => {
    let p = positions.get(party);
    if (!p) {
      p = emptyPosition(party);
      positions.set(party, p);
    }
    return p;
  };
  for (const q of queries) {
    const p = positionOf(q.party);
    p.answeredQueries = q.answered;
    p.pendingQueries = q.pending;
  }
  const measuresByAsset = Map.groupBy(measureRows, (m) => m.assetId);
  // One entry per (respondent, type, identifier): the institutions' rows of one asset merged.
  const merged = new Map<string, { party: string; rows: AssetRow[] }>();
  for (const a of assetRows) {
    const key = `${a.party}|${a.assetType}|${a.identifier}`;
    const entry = merged.get(key) ?? { party: a.party, rows: [] };
    entry.rows.push(a);
    merged.set(key, entry);
  }
  for (const { party, rows } of merged.values()) {
    const p = positionOf(party);
    p.assetCount += 1;
    const measures = rows.flatMap((r) => measuresByAsset.get(r.id) ?? []);
    const first = rows[0];
    if (!first) continue;
    if (isBalanceAsset(first.assetType)) {
      p.availableBalanceFen += Math.max(...rows.map((r) => availableNow(r, measuresByAsset.get(r.id) ?? [])));
      p.frozenHereFen += measures
        .filter((m) => m.kind === 'freeze' && m.state === 'inForce')
        .reduce((s, m) => s + (m.amountFen ?? 0), 0);
      continue;
    }
    const value = Math.max(0, ...rows.map((r) => r.valueFen ?? 0));
    const control = measures.find((m) => (m.kind === 'seal' || m.kind === 'seize') && m.state !== 'released');
    if (control?.state === 'inForce') {
      p.thingsFirstFen += value;
      p.thingsSealedHereCount += 1;
    } else if (control?.state === 'queued') {
      p.thingsQueuedFen += value;
    } else {
      if (rows.some((r) => r.isBehindOther)) p.thingsQueuedFen += value;
      else p.thingsFirstFen += value;
      p.thingsUnsealedCount += 1;
    }
  }
  return positions;
}

/**
 * The balance nobody holds now: as the institution last reported it, less what this case's
 * freezes took after that report (a freeze answered before it is already outside `availableFen`).
 */
function availableNow(a: AssetRow, measures: readonly MeasureRow[]): number {
  const reported = a.availableFen ?? Math.max(0, (a.balanceFen ?? 0) - (a.frozenFen ?? 0));
  const takenSince = measures
    .filter((m) => m.kind === 'freeze' && m.answeredMs !== null && m.answeredMs > a.answeredMs)
    .reduce((s, m) => s + m.deductedFen + (m.state === 'inForce' ? (m.amountFen ?? 0) : 0), 0);
  return Math.max(0, reported - takenSince);
}
