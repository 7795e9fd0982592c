import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db.ts';

/**
 * The exchange with institutions commits without waiting for the disk (docs/decisions/0008):
 * whatever such a transaction records can be lost in a database crash only together with its
 * audit rows, and is then recovered by the protocol — a lost claim leaves the request due, a lost
 * "accepted" is re-sent under the same idempotency key (the institution answers with the same
 * request), a lost answer leaves the request accepted until a poll fetches the answer again.
 * User actions (launching an inquiry, a measure) commit synchronously as everything else does.
 */
export async function commitWithoutWaiting(tx: Tx): Promise<void> {
  await tx.execute(sql`set local synchronous_commit = off`);
}
