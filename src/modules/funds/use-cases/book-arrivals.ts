import { sql } from 'drizzle-orm';
import {
  calendarDaysBetween,
  chinaDateOf,
  courtAccountOf,
  normaliseAccountNumber,
} from '../../../kernel/index.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { publishEvents } from '../../../platform/events.ts';
import { timeOrderedUuid } from '../../../platform/ids.ts';
import { moneyReceived } from '../events.ts';
import {
  applyToBalances,
  type CaseBalanceRow,
  insertJournals,
  type JournalInput,
  LedgerAccount,
  lockBalances,
} from '../ledger.ts';
import { allocateArrival } from '../rules/allocation.ts';
import { delayInterestFen } from '../rules/delay-interest.ts';
import { type CaseAccountRow, findCaseAccountsByNumber } from './accounts.ts';

/** An incoming payment as the bank notifies it (docs/protocols/bank.md), or a deduction. */
export type Arrival = {
  /** The bank's serial: the idempotency key (a deduction's is `deduction:<transfer id>`). */
  serial: string;
  toAccount: string;
  amountFen: number;
  payerName: string;
  payerAccount: string;
  receivedAt: string;
};

export type ArrivalOutcome = 'booked' | 'unmatched' | 'duplicate';

type Resolved = Arrival & { id: string; courtId: string | null; account: CaseAccountRow | null };

/**
 * Books a group of arrivals in one transaction, each exactly once (the serial is unique): to the
 * case whose account number it names, or else to its court's claim queue (待认领). Then allocates
 * what it can (rules/allocation.ts): with one applicant, the fee first, then the claim's principal
 * and delay interest, and the rest as a refund to the respondent; with several, the money waits.
 */
export async function bookArrivals(
  tx: DbOrTx,
  arrivals: readonly Arrival[],
  opts: { source?: 'bank' | 'deduction'; caseIdOf?: (a: Arrival) => string | undefined } = {},
): Promise<Map<string, ArrivalOutcome>> {
  const outcomes = new Map<string, ArrivalOutcome>();
  // The same serial twice in one group is one payment.
  const unique = [...new Map(arrivals.map((a) => [a.serial, a])).values()].sort((a, b) =>
    a.serial < b.serial ? -1 : a.serial > b.serial ? 1 : 0,
  );
  if (unique.length === 0) return outcomes;
  const accounts = await findCaseAccountsByNumber(
    tx,
    unique.map((a) => normaliseAccountNumber(a.toAccount)),
  );
  const courtByAccount = await courtsOfAccounts(tx, unique);
  const resolved: Resolved[] = unique.map((a) => {
    const account = accounts.get(normaliseAccountNumber(a.toAccount)) ?? null;
    const courtId = account?.courtId ?? courtByAccount.get(courtAccountOf(a.toAccount) ?? '') ?? null;
    return { ...a, id: timeOrderedUuid(), account, courtId };
  });

  // Instants travel as ISO text and are cast in SQL (the driver does not serialise timestamptz[]).
  const column = <T>(pick: (r: Resolved) => T) => sql.param(resolved.map(pick));
  const inserted = await tx.execute<{ serial: string }>(sql`insert into funds.receipts
      (id, serial, source, court_id, case_id, to_account, amount_fen, payer_name, payer_account, received_at, state)
    select id, serial, source, court_id, case_id, to_account, amount_fen, payer_name, payer_account,
      received_at::timestamptz, state
    from unnest(${column((r) => r.id)}::uuid[], ${column((r) => r.serial)}::text[],
      ${column(() => opts.source ?? 'bank')}::text[], ${column((r) => r.courtId)}::uuid[],
      ${column((r) => r.account?.caseId ?? null)}::uuid[], ${column((r) => r.toAccount)}::text[],
      ${column((r) => r.amountFen)}::bigint[], ${column((r) => r.payerName)}::text[],
      ${column((r) => r.payerAccount)}::text[], ${column((r) => r.receivedAt)}::text[],
      ${column((r) => (r.account ? 'booked' : 'unmatched'))}::text[])
      as n(id, serial, source, court_id, case_id, to_account, amount_fen, payer_name, payer_account, received_at, state)
    on conflict (serial) do nothing returning serial`);
  const isNew = new Set(inserted.map((r) => r.serial));
  const fresh = resolved.filter((r) => isNew.has(r.serial));
  for (const r of resolved)
    outcomes.set(r.serial, !isNew.has(r.serial) ? 'duplicate' : r.account ? 'booked' : 'unmatched');

  const journals: JournalInput[] = [];
  for (const r of fresh) {
    if (r.account || !r.courtId) continue;
    journals.push({
      courtId: r.courtId,
      caseId: null,
      kind: 'arrival.unmatched',
      reference: r.serial,
      lines: [
        { account: LedgerAccount.courtBank, amountFen: r.amountFen },
        { account: LedgerAccount.courtUnmatched, amountFen: -r.amountFen },
      ],
    });
  }
  const booked = fresh.filter((r): r is Resolved & { account: CaseAccountRow } => r.account !== null);
  await allocateToCases(
    tx,
    booked.map((r) => ({
      account: r.account,
      receiptId: r.id,
      reference: r.serial,
      amountFen: r.amountFen,
      receivedAt: r.receivedAt,
      fromQueue: false,
    })),
    journals,
  );
  return outcomes;
}

export type CaseMoneyIn = {
  account: CaseAccountRow;
  receiptId: string;
  reference: string;
  amountFen: number;
  receivedAt: string;
  /** Claimed from the claim queue (the bank's money already sits there). */
  fromQueue: boolean;
};

/**
 * Posts money that has come in for cases (journals added to `journals`, posted together), with the
 * cases' balance rows locked, and publishes `funds.money-received` for each. With one applicant the
 * arrival is allocated in its own journal — the bank (or the claim queue) debited, the fee, the
 * claim's principal and delay interest and any refund credited (rules/allocation.ts) — one journal
 * per arrival; with several, the money waits in the case's unallocated bucket for the court's decision.
 */
export async function allocateToCases(
  tx: DbOrTx,
  items: readonly CaseMoneyIn[],
  journals: JournalInput[],
): Promise<void> {
  const ordered = [...items].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  // The cases' balance rows, locked in id order until commit: the allocation reads them.
  const balances = await lockBalances(
    tx,
    items.map((i) => i.account.caseId),
  );
  const accrued = new Map<string, CaseBalanceRow>();
  for (const item of ordered) {
    const { account } = item;
    const from = {
      account: item.fromQueue ? LedgerAccount.courtUnmatched : LedgerAccount.courtBank,
      amountFen: item.amountFen,
    };
    const kind = item.fromQueue ? 'arrival.claimed' : 'arrival';
    const base = { courtId: account.courtId, caseId: account.caseId, kind, reference: item.reference };
    const b = balances.get(account.caseId);
    if (!b) throw new Error(`case ${account.caseId} has no balance row`);
    if (account.applicantIds.length !== 1) {
      journals.push({
        ...base,
        lines: [from, { account: LedgerAccount.unallocated, amountFen: -item.amountFen }],
      });
      continue;
    }
    const [payee] = account.applicantIds;
    // Delay interest runs on the unpaid principal up to the day the money arrived (2014 interpretation art. 1).
    const on = chinaDateOf(new Date(item.receivedAt));
    const since = b.interestAccruedTo ?? account.interestFrom;
    if (on > since) {
      b.interestAccruedFen += delayInterestFen(
        Math.max(0, account.claimFen - b.principalAllocatedFen),
        calendarDaysBetween(since, on),
      );
      b.interestAccruedTo = on;
      accrued.set(account.caseId, b);
    }
    const a = allocateArrival({
      amountFen: item.amountFen,
      claimFen: account.claimFen,
      feesTakenFen: b.feesFen,
      principalAllocatedFen: b.principalAllocatedFen,
      interestAccruedFen: b.interestAccruedFen,
      interestAllocatedFen: b.interestAllocatedFen,
    });
    const toPayee = a.principalFen + a.interestFen;
    journals.push({
      ...base,
      lines: [
        from,
        ...(a.feeFen > 0 ? [{ account: LedgerAccount.fees, amountFen: -a.feeFen }] : []),
        ...(toPayee > 0
          ? [{ account: LedgerAccount.payable, amountFen: -toPayee, partyId: payee ?? null }]
          : []),
        ...(a.refundFen > 0 ? [{ account: LedgerAccount.refund, amountFen: -a.refundFen }] : []),
      ],
      claim: { principalFen: a.principalFen, interestFen: a.interestFen },
    });
    b.feesFen += a.feeFen;
    b.principalAllocatedFen += a.principalFen;
    b.interestAllocatedFen += a.interestFen;
  }
  await applyToBalances(tx, await insertJournals(tx, journals));
  await publishEvents(
    tx,
    moneyReceived,
    items.map((i) => ({
      aggregateId: i.account.caseId,
      payload: {
        caseId: i.account.caseId,
        courtId: i.account.courtId,
        receiptId: i.receiptId,
        amountFen: i.amountFen,
        receivedOn: chinaDateOf(new Date(i.receivedAt)),
      },
    })),
  );
  if (accrued.size > 0) {
    const rows = [...accrued.values()];
    const column = <T>(pick: (b: CaseBalanceRow) => T) => sql.param(rows.map(pick));
    await tx.execute(sql`update funds.case_balances c set interest_accrued_fen = v.fen, interest_accrued_to = v.upto::date
      from unnest(${column((b) => b.caseId)}::uuid[], ${column((b) => b.interestAccruedFen)}::bigint[],
        ${column((b) => b.interestAccruedTo)}::text[]) as v(case_id, fen, upto)
      where c.case_id = v.case_id`);
  }
}

async function courtsOfAccounts(tx: DbOrTx, arrivals: readonly Arrival[]): Promise<Map<string, string>> {
  const numbers = [
    ...new Set(arrivals.map((a) => courtAccountOf(a.toAccount)).filter((n): n is string => n !== null)),
  ];
  if (numbers.length === 0) return new Map();
  const rows = await tx.execute<{
    accountNumber: string;
    courtId: string;
  }>(sql`select account_number as "accountNumber",
    court_id as "courtId" from funds.court_accounts where account_number = any(${sql.param(numbers)}::text[])`);
  return new Map(rows.map((r) => [r.accountNumber, r.courtId]));
}
