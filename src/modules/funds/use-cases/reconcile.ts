import { sql } from 'drizzle-orm';
import { addCalendarDays, chinaOffsetMs } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import type { OutsideEndpoint } from '../../../platform/outside-world.ts';
import { statement } from '../bank/client.ts';
import { type Difference, type LedgerLine, reconcile } from '../rules/reconciliation.ts';

/** The instants a China date spans: [00:00, 24:00) at UTC+8. */
function chinaDayBounds(date: string): { from: string; to: string } {
  const start = Date.parse(`${date}T00:00:00Z`) - chinaOffsetMs;
  return { from: new Date(start).toISOString(), to: new Date(start + 86_400_000).toISOString() };
}

/** The ledger's money in and out of a court account on one China date. */
async function ledgerLines(tx: DbOrTx, courtId: string, date: string): Promise<LedgerLine[]> {
  const { from, to } = chinaDayBounds(date);
  const rows = await tx.execute<LedgerLine>(sql`
    select serial as key, 'in' as direction, amount_fen::float8 as "amountFen" from funds.receipts
     where court_id = ${courtId}::uuid and source = 'bank'
       and received_at >= ${from}::timestamptz and received_at < ${to}::timestamptz
    union all
    select instruction_id, 'out', amount_fen::float8 from funds.disbursements
     where court_id = ${courtId}::uuid and state = 'paid'
       and settled_at >= ${from}::timestamptz and settled_at < ${to}::timestamptz`);
  return rows;
}

export type ReconciliationView = {
  courtId: string;
  accountNumber: string;
  statementDate: string;
  state: 'balanced' | 'differences';
  bankInFen: number;
  bankOutFen: number;
  ledgerInFen: number;
  ledgerOutFen: number;
  differences: Difference[];
  checkedAt: string;
};

/**
 * Reconciles one court account for one ended China date against the bank's statement, and keeps
 * the result (run again, it replaces that day's result).
 */
export async function reconcileCourtDay(
  db: Db,
  bank: OutsideEndpoint,
  courtId: string,
  date: string,
): Promise<ReconciliationView> {
  const [account] = await db.execute<{ accountNumber: string }>(
    sql`select account_number as "accountNumber" from funds.court_accounts where court_id = ${courtId}::uuid`,
  );
  if (!account)
    throw new AppError(
      ErrorCode.notFound,
      bi('本院尚无执行款专户', 'The court has no enforcement account yet'),
    );
  const answer = await statement(bank, account.accountNumber, date).catch(() => null);
  if (!answer)
    throw new AppError(ErrorCode.unavailable, bi('无法连接结算银行', 'The bank cannot be reached'));
  if (answer.status === 409)
    throw new AppError(
      ErrorCode.conflict,
      bi('该日对账单尚未生成', 'The bank’s statement of that day is not ready'),
      [{ path: 'date', message: bi('只能核对已结束的日期', 'Only a day that has ended can be reconciled') }],
    );
  if (answer.status >= 300 || !answer.body)
    throw new AppError(
      ErrorCode.unavailable,
      bi('银行暂时无法提供对账单', 'The bank cannot give the statement now'),
    );
  const lines = answer.body.lines;
  const ledger = await ledgerLines(db, courtId, date);
  const differences = reconcile(lines, ledger);
  const sum = (xs: readonly { amountFen: number; direction: string }[], d: string) =>
    xs.filter((x) => x.direction === d).reduce((a, x) => a + x.amountFen, 0);
  const view = {
    courtId,
    accountNumber: account.accountNumber,
    statementDate: date,
    state: differences.length === 0 ? ('balanced' as const) : ('differences' as const),
    bankInFen: sum(lines, 'in'),
    bankOutFen: sum(lines, 'out'),
    ledgerInFen: sum(ledger, 'in'),
    ledgerOutFen: sum(ledger, 'out'),
    differences,
    checkedAt: clock.now().toISOString(),
  };
  await db.execute(sql`insert into funds.reconciliations (court_id, account_number, statement_date, state,
      bank_in_fen, bank_out_fen, ledger_in_fen, ledger_out_fen, differences, checked_at)
    values (${courtId}::uuid, ${view.accountNumber}, ${date}::date, ${view.state}, ${view.bankInFen}, ${view.bankOutFen},
      ${view.ledgerInFen}, ${view.ledgerOutFen}, ${JSON.stringify(differences)}::jsonb, ${view.checkedAt}::timestamptz)
    on conflict (court_id, statement_date) do update set state = excluded.state, bank_in_fen = excluded.bank_in_fen,
      bank_out_fen = excluded.bank_out_fen, ledger_in_fen = excluded.ledger_in_fen, ledger_out_fen = excluded.ledger_out_fen,
      differences = excluded.differences, checked_at = excluded.checked_at, account_number = excluded.account_number`);
  return view;
}

export async function listReconciliations(
  db: DbOrTx,
  courtId: string,
  limit = 60,
): Promise<ReconciliationView[]> {
  const rows = await db.execute<ReconciliationView & { checkedAt: Date | string }>(sql`
    select court_id as "courtId", account_number as "accountNumber", statement_date::text as "statementDate", state,
      bank_in_fen::float8 as "bankInFen", bank_out_fen::float8 as "bankOutFen", ledger_in_fen::float8 as "ledgerInFen",
      ledger_out_fen::float8 as "ledgerOutFen", differences, checked_at as "checkedAt"
    from funds.reconciliations where court_id = ${courtId}::uuid order by statement_date desc limit ${limit}`);
  return rows.map((r) => ({ ...r, checkedAt: new Date(r.checkedAt).toISOString() }));
}

/** The China date before `today`: the last one whose statement the bank can give. */
export function yesterdayOf(today: string): string {
  return addCalendarDays(today, -1);
}
