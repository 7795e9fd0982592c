import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { outstandingClaimFen } from '../rules/claim.ts';
import { assets, measures } from '../tables.ts';

export type MeasureRow = typeof measures.$inferSelect;
export type AssetRow = typeof assets.$inferSelect;

export async function loadCaseMeasures(db: DbOrTx, caseId: string): Promise<MeasureRow[]> {
  return db.select().from(measures).where(eq(measures.caseId, caseId)).orderBy(asc(measures.createdAt));
}

export function outstandingOf(
  c: { claimAmountFen: number; recoveredFen: number },
  rows: MeasureRow[],
): number {
  return outstandingClaimFen({
    claimAmountFen: c.claimAmountFen,
    recoveredFen: c.recoveredFen,
    measures: rows,
  });
}

/** The control measure in force (or waiting in the seal queue, or being requested) on an asset. */
export function findControl(rows: MeasureRow[], assetId: string): MeasureRow | undefined {
  return rows.find(
    (m) =>
      m.assetId === assetId &&
      (m.kind === 'freeze' || m.kind === 'seal' || m.kind === 'seize') &&
      (m.state === 'requested' || m.state === 'inForce' || m.state === 'queued'),
  );
}

/** A renewal, lifting or deduction still waiting for its answer on the same measure. */
export function findPendingAction(rows: MeasureRow[], targetId: string): MeasureRow | undefined {
  return rows.find((m) => m.targetMeasureId === targetId && m.state === 'requested');
}

export async function loadAssetsByIds(db: DbOrTx, caseId: string, ids: string[]): Promise<AssetRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(assets)
    .where(and(eq(assets.caseId, caseId), inArray(assets.id, ids)));
}
