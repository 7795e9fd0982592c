import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';

/**
 * The money of a case as its parties may see it (the party portal): what arrived, and what was
 * paid out — to whom by name only, never an account number.
 */
export async function partyMoneyOf(db: DbOrTx, caseId: string) {
  const [receipts, payouts] = await Promise.all([
    db.execute<{ on: string; fen: number; source: string }>(sql`
      select to_char(received_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as on, amount_fen::float8 as fen, source
      from funds.receipts where case_id = ${caseId}::uuid and state in ('booked', 'claimed')
      order by received_at`),
    db.execute<{ on: string; fen: number; payee: string }>(sql`
      select to_char(settled_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as on, amount_fen::float8 as fen,
        payee_name as payee
      from funds.disbursements where case_id = ${caseId}::uuid and state = 'paid'
      order by settled_at`),
  ]);
  const sum = (rows: { fen: number }[]) => rows.reduce((s, r) => s + r.fen, 0);
  return {
    receivedFen: sum(receipts),
    paidFen: sum(payouts),
    receipts: receipts.map((r) => ({
      on: r.on,
      amountFen: r.fen,
      label: r.source === 'deduction' ? '扣划 / Deduction' : '到账 / Payment received',
    })),
    payouts: payouts.map((p) => ({ on: p.on, amountFen: p.fen, label: p.payee })),
  };
}
