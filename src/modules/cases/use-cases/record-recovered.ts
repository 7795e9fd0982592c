import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { cases } from '../tables.ts';

/**
 * "已执行到位": the money actually received for the case, as the funds ledger says at the moment
 * (a flow sets it after each booking; the latest delivery carries the latest total).
 */
export async function recordRecovered(tx: DbOrTx, caseId: string, receivedFen: number): Promise<void> {
  await tx.update(cases).set({ recoveredFen: receivedFen }).where(eq(cases.id, caseId));
}
