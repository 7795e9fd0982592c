import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';

/** The money actually received for a case ("已执行到位"), as the ledger says. */
export async function receivedFenOf(tx: DbOrTx, caseId: string): Promise<number> {
  const [row] = await tx.execute<{ fen: number }>(
    sql`select received_fen::float8 as fen from funds.case_balances where case_id = ${caseId}::uuid`,
  );
  return row?.fen ?? 0;
}
