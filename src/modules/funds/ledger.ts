import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import { timeOrderedUuid } from '../../platform/ids.ts';

/**
 * The double-entry ledger (docs/decisions/0014-case-funds-ledger.md). Every movement of money is a
 * journal of signed lines (debit +, credit −) that sum to zero; journals and entries are never
 * changed (the application's role may not update or delete them). A case's money is always in one
 * of its buckets, so `received = fees + payable + paid + escrow + refund + unallocated` holds by
 * construction; the cached balances are written with the entries and `verifyLedger` recomputes them.
 */
export const LedgerAccount = {
  courtBank: 'court.bank',
  courtUnmatched: 'court.unmatched',
  courtPaidOut: 'court.paidOut',
  unallocated: 'case.unallocated',
  fees: 'case.fees',
  payable: 'case.payable',
  paid: 'case.paid',
  escrow: 'case.escrow',
  refund: 'case.refund',
} as const;
export type LedgerAccount = (typeof LedgerAccount)[keyof typeof LedgerAccount];

export type EntryLine = {
  account: LedgerAccount;
  amountFen: number;
  partyId?: string | null;
};

export type JournalInput = {
  courtId: string;
  caseId: string | null;
  kind: string;
  reference: string;
  lines: readonly EntryLine[];
  createdBy?: string | null;
  reversesId?: string | null;
  /** How much of the payable it creates is the claim's principal and delay interest (allocations). */
  claim?: { principalFen: number; interestFen: number };
};

/** The case buckets, in the order of the cached balance columns. */
const bucketColumn: Partial<Record<LedgerAccount, string>> = {
  'case.unallocated': 'unallocated_fen',
  'case.fees': 'fees_fen',
  'case.payable': 'payable_fen',
  'case.paid': 'paid_fen',
  'case.escrow': 'escrow_fen',
  'case.refund': 'refund_fen',
};

export function isCaseAccount(account: LedgerAccount): boolean {
  return account.startsWith('case.');
}

/** Checks a journal before it is written: whole non-zero amounts that sum to zero. */
export function assertBalanced(journal: JournalInput): void {
  let sum = 0;
  for (const line of journal.lines) {
    if (!Number.isSafeInteger(line.amountFen) || line.amountFen === 0)
      throw new Error(`journal ${journal.kind}: an entry must be a non-zero whole number of fen`);
    if (isCaseAccount(line.account) && journal.caseId === null)
      throw new Error(`journal ${journal.kind}: a case account needs the case`);
    if (line.account === LedgerAccount.payable && !line.partyId)
      throw new Error(`journal ${journal.kind}: a payable entry names the payee`);
    sum += line.amountFen;
  }
  if (sum !== 0) throw new Error(`journal ${journal.kind} does not balance (${sum} fen)`);
}

type BalanceDelta = {
  receivedFen: number;
  buckets: Record<string, number>;
  payables: Map<string, number>;
  principalFen: number;
  interestFen: number;
};

export type PostedJournal = { id: string; input: JournalInput };

/**
 * Writes journals (any number, one statement per table) and moves the cached balances of their
 * cases by what the entries say. The caller holds the cases' balance rows (`lockBalances`) when
 * its decision depends on them; the table's checks refuse any bucket below zero.
 */
export async function postJournals(tx: DbOrTx, journals: readonly JournalInput[]): Promise<PostedJournal[]> {
  const posted = await insertJournals(tx, journals);
  await applyToBalances(tx, posted);
  return posted;
}

/**
 * Writes journals and their entries only — inserts, which lock nothing another booking waits for —
 * one statement per table with one array parameter per column.
 */
export async function insertJournals(
  tx: DbOrTx,
  journals: readonly JournalInput[],
): Promise<PostedJournal[]> {
  if (journals.length === 0) return [];
  const posted = journals.map((input) => {
    assertBalanced(input);
    return { id: timeOrderedUuid(), input };
  });
  const column = <T>(pick: (p: PostedJournal) => T) => sql.param(posted.map(pick));
  await tx.execute(sql`insert into funds.journals (id, court_id, case_id, kind, reference, reverses_id, created_by)
    select * from unnest(${column((p) => p.id)}::uuid[], ${column((p) => p.input.courtId)}::uuid[],
      ${column((p) => p.input.caseId)}::uuid[], ${column((p) => p.input.kind)}::text[],
      ${column((p) => p.input.reference)}::text[], ${column((p) => p.input.reversesId ?? null)}::uuid[],
      ${column((p) => p.input.createdBy ?? null)}::uuid[])`);
  const lines = posted.flatMap((p) => p.input.lines.map((l, i) => ({ p, l, line: i + 1 })));
  const entry = <T>(pick: (e: (typeof lines)[number]) => T) => sql.param(lines.map(pick));
  await tx.execute(sql`insert into funds.entries (journal_id, line, account, court_id, case_id, party_id, amount_fen)
    select * from unnest(${entry((e) => e.p.id)}::uuid[], ${entry((e) => e.line)}::smallint[],
      ${entry((e) => e.l.account)}::text[], ${entry((e) => e.p.input.courtId)}::uuid[],
      ${entry((e) => (isCaseAccount(e.l.account) ? e.p.input.caseId : null))}::uuid[],
      ${entry((e) => e.l.partyId ?? null)}::uuid[], ${entry((e) => e.l.amountFen)}::bigint[])`);
  return posted;
}

/** Moves the cached balances of the journals' cases by what their entries say (rows locked by the caller or here). */
export async function applyToBalances(tx: DbOrTx, posted: readonly PostedJournal[]): Promise<void> {
  const deltas = new Map<string, BalanceDelta>();
  for (const p of posted) {
    const caseId = p.input.caseId;
    if (caseId === null) continue;
    let d = deltas.get(caseId);
    if (!d) {
      d = { receivedFen: 0, buckets: {}, payables: new Map(), principalFen: 0, interestFen: 0 };
      deltas.set(caseId, d);
    }
    for (const l of p.input.lines) {
      const column = bucketColumn[l.account];
      if (!column) continue;
      // Case buckets are credit-normal: a credit (−) raises the bucket; money entering the case raises received.
      d.buckets[column] = (d.buckets[column] ?? 0) - l.amountFen;
      d.receivedFen -= l.amountFen;
      if (l.account === LedgerAccount.payable && l.partyId)
        d.payables.set(l.partyId, (d.payables.get(l.partyId) ?? 0) - l.amountFen);
    }
    if (p.input.claim) {
      d.principalFen += p.input.claim.principalFen;
      d.interestFen += p.input.claim.interestFen;
    }
  }
  if (deltas.size === 0) return;
  // In case id order, as lockBalances takes them.
  const cases = [...deltas].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const col = (pick: (d: BalanceDelta) => number) => sql.param(cases.map(([, d]) => pick(d)));
  await tx.execute(sql`update funds.case_balances b set
      received_fen = b.received_fen + v.received, fees_fen = b.fees_fen + v.fees,
      payable_fen = b.payable_fen + v.payable, paid_fen = b.paid_fen + v.paid,
      escrow_fen = b.escrow_fen + v.escrow, refund_fen = b.refund_fen + v.refund,
      unallocated_fen = b.unallocated_fen + v.unallocated,
      principal_allocated_fen = b.principal_allocated_fen + v.principal,
      interest_allocated_fen = b.interest_allocated_fen + v.interest
    from unnest(${sql.param(cases.map(([id]) => id))}::uuid[], ${col((d) => d.receivedFen)}::bigint[],
      ${col((d) => d.buckets.fees_fen ?? 0)}::bigint[], ${col((d) => d.buckets.payable_fen ?? 0)}::bigint[],
      ${col((d) => d.buckets.paid_fen ?? 0)}::bigint[], ${col((d) => d.buckets.escrow_fen ?? 0)}::bigint[],
      ${col((d) => d.buckets.refund_fen ?? 0)}::bigint[], ${col((d) => d.buckets.unallocated_fen ?? 0)}::bigint[],
      ${col((d) => d.principalFen)}::bigint[], ${col((d) => d.interestFen)}::bigint[])
      as v(case_id, received, fees, payable, paid, escrow, refund, unallocated, principal, interest)
    where b.case_id = v.case_id`);
  const payables = cases.flatMap(([caseId, d]) =>
    [...d.payables].map(([partyId, fen]) => ({ caseId, partyId, fen })),
  );
  if (payables.length > 0) {
    const pcol = <T>(pick: (x: (typeof payables)[number]) => T) => sql.param(payables.map(pick));
    // A row first (its checks hold for 0), then the move: the checks judge the result, never a delta
    // (an upsert would not do: PostgreSQL checks the row it proposes to insert before the conflict).
    await tx.execute(sql`insert into funds.payables (case_id, party_id)
      select * from unnest(${pcol((x) => x.caseId)}::uuid[], ${pcol((x) => x.partyId)}::uuid[])
      on conflict (case_id, party_id) do nothing`);
    await tx.execute(sql`update funds.payables p set payable_fen = p.payable_fen + v.fen
      from unnest(${pcol((x) => x.caseId)}::uuid[], ${pcol((x) => x.partyId)}::uuid[], ${pcol((x) => x.fen)}::bigint[])
        as v(case_id, party_id, fen)
      where p.case_id = v.case_id and p.party_id = v.party_id`);
  }
}

export type CaseBalanceRow = {
  caseId: string;
  receivedFen: number;
  feesFen: number;
  payableFen: number;
  paidFen: number;
  escrowFen: number;
  refundFen: number;
  unallocatedFen: number;
  principalAllocatedFen: number;
  interestAllocatedFen: number;
  interestAccruedFen: number;
  interestAccruedTo: string | null;
};

const balanceColumns = sql`case_id as "caseId", received_fen::float8 as "receivedFen", fees_fen::float8 as "feesFen",
  payable_fen::float8 as "payableFen", paid_fen::float8 as "paidFen", escrow_fen::float8 as "escrowFen",
  refund_fen::float8 as "refundFen", unallocated_fen::float8 as "unallocatedFen",
  principal_allocated_fen::float8 as "principalAllocatedFen", interest_allocated_fen::float8 as "interestAllocatedFen",
  interest_accrued_fen::float8 as "interestAccruedFen", interest_accrued_to::text as "interestAccruedTo"`;

/** The balance rows of `caseIds`, locked in id order (so two bookings never deadlock). */
export async function lockBalances(
  tx: DbOrTx,
  caseIds: readonly string[],
): Promise<Map<string, CaseBalanceRow>> {
  if (caseIds.length === 0) return new Map();
  const sorted = [...new Set(caseIds)].sort();
  const rows = await tx.execute<CaseBalanceRow>(sql`select ${balanceColumns} from funds.case_balances
    where case_id = any(${sql.param(sorted)}::uuid[]) order by case_id for update`);
  return new Map(rows.map((r) => [r.caseId, r]));
}

export async function readBalances(tx: DbOrTx, caseId: string): Promise<CaseBalanceRow | undefined> {
  const rows = await tx.execute<CaseBalanceRow>(
    sql`select ${balanceColumns} from funds.case_balances where case_id = ${caseId}::uuid`,
  );
  return rows[0];
}
