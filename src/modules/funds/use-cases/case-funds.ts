import { sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { readBalances } from '../ledger.ts';
import { enforcementFeeFen } from '../rules/enforcement-fee.ts';
import { payoutStanding } from '../rules/payout-deadline.ts';
import { openCaseAccount } from './accounts.ts';
import { listCaseDisbursements } from './disbursements.ts';
import { latestApprovedDelay, listCasePayoutDelays, payoutDelayView } from './payout-delay-store.ts';

/**
 * A case's money (the funds tab): its account number, balances, what came in, what went out, and
 * every entry. Anyone who may see the case may see it; outside the data scope the case is not found.
 */
export async function getCaseFunds(db: Db, actor: Actor, caseId: string) {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    const account = await openCaseAccount(tx, c);
    const b = await readBalances(tx, c.id);
    const receipts = await tx.execute<{
      id: string;
      serial: string;
      amountFen: number;
      payerName: string;
      receivedAt: Date | string;
      source: string;
      state: string;
    }>(sql`select id, serial, amount_fen::float8 as "amountFen", payer_name as "payerName", received_at as "receivedAt",
        source, state from funds.receipts where case_id = ${c.id}::uuid order by received_at, serial`);
    const entries = await tx.execute<{
      journalId: string;
      seq: number;
      kind: string;
      reference: string;
      account: string;
      partyId: string | null;
      amountFen: number;
      createdAt: Date | string;
    }>(sql`select j.id as "journalId", j.seq::float8 as seq, j.kind, j.reference, e.account, e.party_id as "partyId",
        e.amount_fen::float8 as "amountFen", j.created_at as "createdAt"
      from funds.entries e join funds.journals j on j.id = e.journal_id
      where e.case_id = ${c.id}::uuid order by j.seq, e.line limit 2000`);
    const payables = await tx.execute<{ partyId: string; payableFen: number; reservedFen: number }>(sql`
      select party_id as "partyId", payable_fen::float8 as "payableFen", reserved_fen::float8 as "reservedFen"
        from funds.payables where case_id = ${c.id}::uuid`);
    const payeeAccounts = await tx.execute<{
      partyId: string;
      accountNumber: string;
      accountName: string;
      bankName: string;
    }>(sql`
      select party_id as "partyId", account_number as "accountNumber", account_name as "accountName", bank_name as "bankName"
        from funds.payee_accounts where case_id = ${c.id}::uuid`);
    const disbursements = await listCaseDisbursements(tx, c.id);
    const delays = await listCasePayoutDelays(tx, c.id);
    // The 30-day limit runs from the earliest arrival whose money is still unpaid (执行款物管理规定 art. 15);
    // an approved delay holds it, and the end of its reason starts the 10 days.
    const today = clock.today();
    const unpaid = (b?.payableFen ?? 0) + (b?.unallocatedFen ?? 0);
    const oldestOpen =
      unpaid > 0 ? oldestUnpaidArrival(receipts, (b?.paidFen ?? 0) + (b?.feesFen ?? 0)) : null;
    const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
    return {
      caseId: c.id,
      caseNumber: c.caseNumber,
      accountNumber: account.accountNumber,
      enforcementFeeFen: enforcementFeeFen(account.claimFen),
      balances: {
        receivedFen: b?.receivedFen ?? 0,
        feesFen: b?.feesFen ?? 0,
        payableFen: b?.payableFen ?? 0,
        paidFen: b?.paidFen ?? 0,
        escrowFen: b?.escrowFen ?? 0,
        refundFen: b?.refundFen ?? 0,
        unallocatedFen: b?.unallocatedFen ?? 0,
      },
      claim: {
        principalFen: account.claimFen,
        principalAllocatedFen: b?.principalAllocatedFen ?? 0,
        interestAccruedFen: b?.interestAccruedFen ?? 0,
        interestAllocatedFen: b?.interestAllocatedFen ?? 0,
      },
      payout: oldestOpen
        ? { arrivedOn: oldestOpen, ...payoutStanding(oldestOpen, today, latestApprovedDelay(delays)) }
        : null,
      payees: c.applicants.map((p) => {
        const pay = payables.find((x) => x.partyId === p.id);
        const acc = payeeAccounts.find((x) => x.partyId === p.id);
        return {
          partyId: p.id,
          name: p.name,
          payableFen: pay?.payableFen ?? 0,
          reservedFen: pay?.reservedFen ?? 0,
          bankAccount: acc
            ? { accountNumber: acc.accountNumber, accountName: acc.accountName, bankName: acc.bankName }
            : null,
        };
      }),
      receipts: receipts.map((r) => ({
        id: r.id,
        serial: r.serial,
        amountFen: r.amountFen,
        payerName: r.payerName,
        receivedAt: iso(r.receivedAt),
        source: r.source,
      })),
      disbursements: disbursements.map((d) => ({
        id: d.id,
        amountFen: d.amountFen,
        state: d.state,
        payeePartyId: d.payeePartyId,
        payeeName: d.payeeName,
        requiredApprovals: d.requiredApprovals,
        approvals: d.approvals,
        proposedAt: d.proposedAt,
        settledAt: d.settledAt,
        failureReason: d.failureReason,
      })),
      entries: entries.map((e) => ({
        journalId: e.journalId,
        seq: e.seq,
        kind: e.kind,
        reference: e.reference,
        account: e.account,
        partyId: e.partyId,
        amountFen: e.amountFen,
        createdAt: iso(e.createdAt),
      })),
      payoutDelays: delays.map(payoutDelayView),
    };
  });
}

/** The China date of the first arrival not yet covered by what has been paid out (first in, first out). */
function oldestUnpaidArrival(
  receipts: readonly { amountFen: number; receivedAt: Date | string }[],
  paidFen: number,
): string | null {
  let covered = paidFen;
  for (const r of receipts) {
    if (covered >= r.amountFen) {
      covered -= r.amountFen;
      continue;
    }
    return chinaDateOf(new Date(r.receivedAt));
  }
  return null;
}
