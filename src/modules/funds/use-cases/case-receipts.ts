import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';

/**
 * The money that arrived for a case, each arrival with its China day, its source — the bank's
 * notice of a payment into the case account (`bank`) or a deduction from a frozen account
 * (`deduction`) — and the payer the bank named. For readers in other modules (the rating).
 */
export type CaseReceipt = {
  receivedOn: string;
  amountFen: number;
  source: 'bank' | 'deduction';
  payerName: string;
};

export async function listCaseReceipts(db: DbOrTx, caseId: string): Promise<CaseReceipt[]> {
  const rows = await db.execute<{ on: string; fen: number; source: string; payer: string }>(sql`
    select to_char(received_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as on, amount_fen::float8 as fen,
      source, payer_name as payer
    from funds.receipts where case_id = ${caseId}::uuid and state in ('booked', 'claimed')
    order by received_at`);
  return rows.map((r) => ({
    receivedOn: r.on,
    amountFen: r.fen,
    source: r.source === 'deduction' ? 'deduction' : 'bank',
    payerName: r.payer,
  }));
}
