import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { JournalInput } from '../ledger.ts';
import { assertCanClaim, assertCanReadClaimQueue } from '../policy.ts';
import { openCaseAccount } from './accounts.ts';
import { allocateToCases } from './book-arrivals.ts';

/** The court's claim queue (待认领): money whose account number names no case of ours. */
export async function listUnmatched(db: Db, actor: Actor) {
  assertCanReadClaimQueue(actor);
  const rows = await db.execute<{
    id: string;
    serial: string;
    amountFen: number;
    payerName: string;
    payerAccount: string;
    toAccount: string;
    receivedAt: Date | string;
  }>(sql`select id, serial, amount_fen::float8 as "amountFen", payer_name as "payerName", payer_account as "payerAccount",
      to_account as "toAccount", received_at as "receivedAt"
    from funds.receipts where state = 'unmatched' and court_id = ${actor.court.id}::uuid
    order by received_at, serial limit 500`);
  return {
    items: rows.map((r) => ({
      ...r,
      receivedAt: (r.receivedAt instanceof Date ? r.receivedAt : new Date(r.receivedAt)).toISOString(),
    })),
  };
}

/**
 * An officer claims a queued payment for a case of the same court: booked to that case once (a
 * second claim finds it claimed), and allocated like any arrival.
 */
export async function claimUnmatched(db: Db, actor: Actor, receiptId: string, input: { caseId: string }) {
  return db.transaction(async (tx) => {
    const [r] = await tx.execute<{
      id: string;
      serial: string;
      courtId: string | null;
      state: string;
      amountFen: number;
      receivedAt: Date | string;
    }>(sql`select id, serial, court_id as "courtId", state, amount_fen::float8 as "amountFen", received_at as "receivedAt"
      from funds.receipts where id = ${receiptId}::uuid for update`);
    if (!r) throw notFound('待认领款项', 'Unmatched payment');
    // The case first (outside the scope it does not exist), then who may act on it.
    const c = await loadCaseContext(tx, actor, input.caseId);
    assertCanClaim(actor, c);
    if (c.courtId !== r.courtId) {
      throw new AppError(
        ErrorCode.invalidInput,
        bi('只能认领到收款法院的案件', 'Claim it for a case of the court that received it'),
        [
          {
            path: 'caseId',
            message: bi('案件不属于收款法院', 'The case is not of the court that received the money'),
          },
        ],
      );
    }
    if (r.state !== 'unmatched')
      throw new AppError(ErrorCode.conflict, bi('该款项已认领', 'The payment has been claimed already'));
    const account = await openCaseAccount(tx, c);
    await tx.execute(sql`update funds.receipts set state = 'claimed', case_id = ${c.id}::uuid,
        claimed_by = ${actor.userId}::uuid, claimed_at = now() where id = ${r.id}::uuid`);
    const journals: JournalInput[] = [];
    await allocateToCases(
      tx,
      [
        {
          account,
          receiptId: r.id,
          reference: r.serial,
          amountFen: r.amountFen,
          receivedAt: (r.receivedAt instanceof Date ? r.receivedAt : new Date(r.receivedAt)).toISOString(),
          fromQueue: true,
        },
      ],
      journals,
    );
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'funds.unmatched.claim',
      objectType: 'case',
      objectId: c.id,
      detail: { receiptId: r.id, serial: r.serial, amountFen: r.amountFen },
    });
    return { id: r.id, caseId: c.id, state: 'claimed' as const };
  });
}
