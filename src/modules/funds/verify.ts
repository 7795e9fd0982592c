import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';

export type LedgerProblem = { caseId: string | null; journalId: string | null; problem: string };

/**
 * `zhixing funds verify`: the balances are what the entries say. Recomputes every case's buckets
 * and payables from the entries, and the reservations from the open disbursements, and reports each
 * difference from the cached balances, every journal that does not balance, and every bucket below zero.
 */
export async function verifyLedger(
  db: DbOrTx,
): Promise<{ cases: number; journals: number; problems: LedgerProblem[] }> {
  const problems: LedgerProblem[] = [];
  const unbalanced = await db.execute<{ journalId: string; sum: number }>(sql`
    select journal_id as "journalId", sum(amount_fen)::float8 as sum from funds.entries
    group by journal_id having sum(amount_fen) <> 0`);
  for (const j of unbalanced)
    problems.push({
      caseId: null,
      journalId: j.journalId,
      problem: `journal does not balance (${j.sum} fen)`,
    });
  // The entries' journal is not a foreign key (migrations/0006): every entry has its journal, every journal its entries.
  const orphans = await db.execute<{ journalId: string; problem: string }>(sql`
    select e.journal_id as "journalId", 'entries without their journal' as problem from funds.entries e
      where not exists (select 1 from funds.journals j where j.id = e.journal_id) group by e.journal_id
    union all
    select j.id, 'journal without entries' from funds.journals j
      where not exists (select 1 from funds.entries e where e.journal_id = j.id)`);
  for (const o of orphans) problems.push({ caseId: null, journalId: o.journalId, problem: o.problem });
  const diffs = await db.execute<{ caseId: string; column: string; cached: number; computed: number }>(sql`
    with computed as (
      select case_id,
        -sum(amount_fen) as received,
        -sum(amount_fen) filter (where account = 'case.fees') as fees,
        -sum(amount_fen) filter (where account = 'case.payable') as payable,
        -sum(amount_fen) filter (where account = 'case.paid') as paid,
        -sum(amount_fen) filter (where account = 'case.escrow') as escrow,
        -sum(amount_fen) filter (where account = 'case.refund') as refund,
        -sum(amount_fen) filter (where account = 'case.unallocated') as unallocated
      from funds.entries where case_id is not null group by case_id
    ), pairs as (
      select b.case_id, x.col, x.cached, x.computed
        from funds.case_balances b left join computed c on c.case_id = b.case_id,
        lateral (values
          ('receivedFen', b.received_fen, coalesce(c.received, 0)),
          ('feesFen', b.fees_fen, coalesce(c.fees, 0)),
          ('payableFen', b.payable_fen, coalesce(c.payable, 0)),
          ('paidFen', b.paid_fen, coalesce(c.paid, 0)),
          ('escrowFen', b.escrow_fen, coalesce(c.escrow, 0)),
          ('refundFen', b.refund_fen, coalesce(c.refund, 0)),
          ('unallocatedFen', b.unallocated_fen, coalesce(c.unallocated, 0))
        ) as x(col, cached, computed)
    )
    select case_id as "caseId", col as column, cached::float8 as cached, computed::float8 as computed
      from pairs where cached <> computed or computed < 0
    union all
    select p.case_id, 'payable of ' || p.party_id, p.payable_fen::float8, coalesce(-sum(e.amount_fen), 0)::float8
      from funds.payables p left join funds.entries e
        on e.case_id = p.case_id and e.party_id = p.party_id and e.account = 'case.payable'
      group by p.case_id, p.party_id, p.payable_fen
      having p.payable_fen <> coalesce(-sum(e.amount_fen), 0)
    union all
    select p.case_id, 'reserved of ' || p.party_id, p.reserved_fen::float8, coalesce(sum(d.amount_fen), 0)::float8
      from funds.payables p left join funds.disbursements d
        on d.case_id = p.case_id and d.payee_party_id = p.party_id and d.draws_on = 'payable'
          and d.state in ('pendingApproval', 'approved', 'instructed')
      group by p.case_id, p.party_id, p.reserved_fen
      having p.reserved_fen <> coalesce(sum(d.amount_fen), 0)
    union all
    select b.case_id, 'refund reserved', b.refund_reserved_fen::float8, coalesce(sum(d.amount_fen), 0)::float8
      from funds.case_balances b left join funds.disbursements d
        on d.case_id = b.case_id and d.draws_on = 'refund' and d.state in ('pendingApproval', 'approved', 'instructed')
      group by b.case_id, b.refund_reserved_fen
      having b.refund_reserved_fen <> coalesce(sum(d.amount_fen), 0)`);
  for (const d of diffs)
    problems.push({
      caseId: d.caseId,
      journalId: null,
      problem: `${d.column}: cached ${d.cached}, entries say ${d.computed}`,
    });
  const [counts] = await db.execute<{ cases: number; journals: number }>(sql`
    select (select count(*)::int from funds.case_balances) as cases, (select count(*)::int from funds.journals) as journals`);
  return { cases: counts?.cases ?? 0, journals: counts?.journals ?? 0, problems };
}
