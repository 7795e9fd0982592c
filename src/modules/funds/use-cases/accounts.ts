import { sql } from 'drizzle-orm';
import { caseAccountNumber } from '../../../kernel/index.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { enqueueJob } from '../../../platform/jobs.ts';
import { type CaseContext, loadCaseContext } from '../../cases/index.ts';
import { systemActorFor } from '../../identity/index.ts';
import { subscribeBankJob } from '../jobs/subscribe-bank.ts';

/** The bank that keeps the courts' enforcement accounts (one per deployment; docs/protocols/bank.md). */
export const settlementBankName = '中国工商银行 / ICBC';

/**
 * The court's enforcement account, opened the first time one of its cases needs an account; the
 * bank is told (subscription job) in the same transaction.
 */
export async function ensureCourtAccount(tx: DbOrTx, courtId: string): Promise<string> {
  const inserted = await tx.execute<{ accountNumber: string }>(sql`
    insert into funds.court_accounts (court_id, account_number, bank_name)
    values (${courtId}::uuid, funds.court_account_number(nextval('funds.court_account_no')), ${settlementBankName})
    on conflict (court_id) do nothing
    returning account_number as "accountNumber"`);
  if (inserted[0]) {
    await enqueueJob(tx, subscribeBankJob, {}, { singletonKey: 'bank' });
    return inserted[0].accountNumber;
  }
  const [row] = await tx.execute<{ accountNumber: string }>(
    sql`select account_number as "accountNumber" from funds.court_accounts where court_id = ${courtId}::uuid`,
  );
  if (!row) throw new Error(`court account of ${courtId} vanished`);
  return row.accountNumber;
}

export type CaseAccountRow = {
  caseId: string;
  courtId: string;
  caseNumber: string;
  accountNumber: string;
  claimFen: number;
  applicantIds: string[];
  interestFrom: string;
};

const caseAccountColumns = sql`case_id as "caseId", court_id as "courtId", case_number as "caseNumber",
  account_number as "accountNumber", claim_fen::float8 as "claimFen", applicant_ids::text[] as "applicantIds",
  interest_from::text as "interestFrom"`;

export async function findCaseAccount(tx: DbOrTx, caseId: string): Promise<CaseAccountRow | undefined> {
  const rows = await tx.execute<CaseAccountRow>(
    sql`select ${caseAccountColumns} from funds.case_accounts where case_id = ${caseId}::uuid`,
  );
  return rows[0];
}

export async function findCaseAccountsByNumber(
  tx: DbOrTx,
  numbers: readonly string[],
): Promise<Map<string, CaseAccountRow>> {
  if (numbers.length === 0) return new Map();
  const rows = await tx.execute<CaseAccountRow>(
    sql`select ${caseAccountColumns} from funds.case_accounts where account_number = any(${sql.param([...new Set(numbers)])}::text[])`,
  );
  return new Map(rows.map((r) => [r.accountNumber, r]));
}

/**
 * A case's account (一案一账号): opened at filing (the `case.filed` subscriber), or the first time
 * it is needed; idempotent. `c` is the case as its court's system sees it, or as the user reading it.
 */
export async function openCaseAccount(tx: DbOrTx, c: CaseContext): Promise<CaseAccountRow> {
  const existing = await findCaseAccount(tx, c.id);
  if (existing) return existing;
  const courtAccount = await ensureCourtAccount(tx, c.courtId);
  const [seq] = await tx.execute<{
    n: number;
  }>(sql`update funds.court_accounts set next_sequence = next_sequence + 1
    where court_id = ${c.courtId}::uuid returning next_sequence - 1 as n`);
  if (!seq) throw new Error('court account missing');
  const accountNumber = caseAccountNumber(courtAccount, seq.n);
  const inserted = await tx.execute<{ caseId: string }>(sql`
    insert into funds.case_accounts (case_id, court_id, case_number, account_number, claim_fen, applicant_ids, interest_from)
    values (${c.id}::uuid, ${c.courtId}::uuid, ${c.caseNumber}, ${accountNumber}, ${c.claimAmountFen},
            ${sql.param(c.applicants.map((a) => a.id))}::uuid[], ${c.basis.effectiveDate}::date)
    on conflict (case_id) do nothing returning case_id as "caseId"`);
  if (inserted[0]) {
    await tx.execute(sql`insert into funds.case_balances (case_id, interest_accrued_to)
      values (${c.id}::uuid, ${c.basis.effectiveDate}::date) on conflict do nothing`);
  }
  const row = await findCaseAccount(tx, c.id);
  if (!row) throw new Error('case account missing');
  return row;
}

/** The case as the system of its court reads it (background work: filing, deductions). */
export async function loadCaseAsCourt(tx: DbOrTx, caseId: string, courtId: string): Promise<CaseContext> {
  const actor = await systemActorFor(tx, courtId);
  if (!actor) throw new Error(`court ${courtId} not found`);
  return loadCaseContext(tx, actor, caseId);
}
