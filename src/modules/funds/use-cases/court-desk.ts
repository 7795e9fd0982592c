import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { chinaOffsetMs, formatYuan } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Config } from '../../../platform/config.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { bankEndpoint } from '../../../platform/outside-world.ts';
import type { Actor } from '../../identity/index.ts';
import { assertCanReadClaimQueue } from '../policy.ts';
import { payoutStanding } from '../rules/payout-deadline.ts';
import { ensureCourtAccount } from './accounts.ts';
import type { DisbursementState } from './disbursement-store.ts';
import { listReconciliations, reconcileCourtDay } from './reconcile.ts';

/**
 * The court's funds desk (执行款管理): disbursements by state, reconciliation results, and the
 * monthly report — for the court's officers and leaders, always of their own court.
 */
export async function listCourtDisbursements(db: Db, actor: Actor, query: { state?: string | undefined }) {
  assertCanReadClaimQueue(actor);
  const rows = await db.execute<{
    id: string;
    caseId: string;
    caseNumber: string;
    payeeName: string;
    amountFen: number;
    state: DisbursementState;
    approvals: number;
    requiredApprovals: number;
    proposedAt: Date | string;
  }>(sql`select d.id, d.case_id as "caseId", a.case_number as "caseNumber", d.payee_name as "payeeName",
      d.amount_fen::float8 as "amountFen", d.state, d.required_approvals as "requiredApprovals",
      (select count(*)::int from funds.approvals x where x.disbursement_id = d.id) as approvals, d.proposed_at as "proposedAt"
    from funds.disbursements d join funds.case_accounts a on a.case_id = d.case_id
    where d.court_id = ${actor.court.id}::uuid ${query.state ? sql`and d.state = ${query.state}` : sql``}
    order by d.proposed_at desc limit 500`);
  return { items: rows.map((r) => ({ ...r, proposedAt: new Date(r.proposedAt).toISOString() })) };
}

export async function listCourtReconciliations(db: Db, actor: Actor) {
  assertCanReadClaimQueue(actor);
  return { items: await listReconciliations(db, actor.court.id) };
}

/** Reconciles the actor's court account for an ended China date now (the nightly job does it too). */
export async function reconcileNow(db: Db, config: Config, actor: Actor, input: { date: string }) {
  assertCanReadClaimQueue(actor);
  if (input.date >= clock.today()) {
    throw new AppError(
      ErrorCode.invalidInput,
      bi('只能核对已结束的日期', 'Only a day that has ended can be reconciled'),
      [{ path: 'date', message: bi('须早于今天', 'Must be before today') }],
    );
  }
  const bank = bankEndpoint(config);
  if (!bank)
    throw new AppError(ErrorCode.unavailable, bi('未配置结算银行', 'No settlement bank is configured'));
  // Every court has its enforcement account; one not yet opened is opened (and the bank told).
  await db.transaction((tx) => ensureCourtAccount(tx, actor.court.id));
  return reconcileCourtDay(db, bank, actor.court.id, input.date);
}

function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = Date.UTC(y, m - 1, 1) - chinaOffsetMs;
  const end = Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) - chinaOffsetMs;
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}

/** The court's money of one month (China time): what came in, was taken, paid out, and what waits. */
export async function monthlyReport(db: Db, actor: Actor, month: string) {
  assertCanReadClaimQueue(actor);
  const { from, to } = monthBounds(month);
  const courtId = actor.court.id;
  const [totals] = await db.execute<{
    receivedFen: number;
    receipts: number;
    unmatchedFen: number;
    unmatched: number;
    feesFen: number;
    paidFen: number;
    payouts: number;
    failedPayouts: number;
  }>(sql`select
      coalesce((select sum(amount_fen) from funds.receipts where court_id = ${courtId}::uuid
        and received_at >= ${from}::timestamptz and received_at < ${to}::timestamptz), 0)::float8 as "receivedFen",
      (select count(*) from funds.receipts where court_id = ${courtId}::uuid
        and received_at >= ${from}::timestamptz and received_at < ${to}::timestamptz)::int as receipts,
      coalesce((select sum(amount_fen) from funds.receipts where court_id = ${courtId}::uuid and state = 'unmatched'
        and received_at < ${to}::timestamptz), 0)::float8 as "unmatchedFen",
      (select count(*) from funds.receipts where court_id = ${courtId}::uuid and state = 'unmatched'
        and received_at < ${to}::timestamptz)::int as unmatched,
      coalesce((select -sum(e.amount_fen) from funds.entries e join funds.journals j on j.id = e.journal_id
        where e.court_id = ${courtId}::uuid and e.account = 'case.fees'
        and j.created_at >= ${from}::timestamptz and j.created_at < ${to}::timestamptz), 0)::float8 as "feesFen",
      coalesce((select sum(amount_fen) from funds.disbursements where court_id = ${courtId}::uuid and state = 'paid'
        and settled_at >= ${from}::timestamptz and settled_at < ${to}::timestamptz), 0)::float8 as "paidFen",
      (select count(*) from funds.disbursements where court_id = ${courtId}::uuid and state = 'paid'
        and settled_at >= ${from}::timestamptz and settled_at < ${to}::timestamptz)::int as payouts,
      (select count(*) from funds.disbursements where court_id = ${courtId}::uuid and state = 'failed'
        and settled_at >= ${from}::timestamptz and settled_at < ${to}::timestamptz)::int as "failedPayouts"`);
  // With each case, its latest approved payout delay (执行款物管理规定 art. 15): running, or ended on a date.
  const open = await db.execute<{
    caseId: string;
    caseNumber: string;
    waitingFen: number;
    since: string;
    isDelayed: boolean;
    delayEndedOn: string | null;
  }>(sql`
    select a.case_id as "caseId", a.case_number as "caseNumber",
      (b.payable_fen + b.unallocated_fen)::float8 as "waitingFen",
      (select min((r.received_at at time zone 'Asia/Shanghai')::date)::text from funds.receipts r
        where r.case_id = a.case_id) as since,
      d.id is not null as "isDelayed", d.ended_on::text as "delayEndedOn"
    from funds.case_accounts a join funds.case_balances b on b.case_id = a.case_id
      left join lateral (select p.id, p.ended_on from funds.payout_delays p
        where p.case_id = a.case_id and p.state in ('approved', 'ended')
        order by p.decided_at desc limit 1) d on true
    where a.court_id = ${courtId}::uuid and b.payable_fen + b.unallocated_fen > 0
    order by since nulls last limit 1000`);
  const today = clock.today();
  const waiting = open.map(({ isDelayed, delayEndedOn, ...o }) => ({
    ...o,
    light: o.since
      ? payoutStanding(o.since, today, isDelayed ? { endedOn: delayEndedOn } : null).light
      : ('green' as const),
  }));
  return {
    month,
    courtName: actor.court.name,
    receivedFen: totals?.receivedFen ?? 0,
    receipts: totals?.receipts ?? 0,
    feesFen: totals?.feesFen ?? 0,
    paidFen: totals?.paidFen ?? 0,
    payouts: totals?.payouts ?? 0,
    failedPayouts: totals?.failedPayouts ?? 0,
    unmatchedFen: totals?.unmatchedFen ?? 0,
    unmatched: totals?.unmatched ?? 0,
    waiting,
  };
}

/** The monthly report as an Excel workbook: numbers as numbers (yuan), headers frozen. */
export async function monthlyReportWorkbook(report: Awaited<ReturnType<typeof monthlyReport>>) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('执行款月报');
  sheet.addRow([`${report.courtName} 执行款月报 ${report.month}`]);
  sheet.addRow(['项目', '金额（元）', '笔数']);
  const yuan = (fen: number) => Math.round(fen) / 100;
  sheet.addRow(['到账', yuan(report.receivedFen), report.receipts]);
  sheet.addRow(['执行费', yuan(report.feesFen), null]);
  sheet.addRow(['已发放', yuan(report.paidFen), report.payouts]);
  sheet.addRow(['发放失败', null, report.failedPayouts]);
  sheet.addRow(['待认领（月末）', yuan(report.unmatchedFen), report.unmatched]);
  sheet.addRow([]);
  sheet.addRow(['待发放案件', '待发放（元）', '最早到账', '期限状态']);
  // Yellow: 20 days passed, or an approved delay runs (or its 10 days do); red: the limit has passed.
  const lightLabel = { green: '正常', yellow: '临期或延期中', red: '超期' } as const;
  for (const w of report.waiting)
    sheet.addRow([w.caseNumber, yuan(w.waitingFen), w.since ?? '', lightLabel[w.light]]);
  for (const r of [3, 4, 5, 7]) sheet.getCell(`B${r}`).numFmt = '#,##0.00';
  sheet.getColumn(2).numFmt = '#,##0.00';
  sheet.getRow(2).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  sheet.columns.forEach((col, i) => {
    col.width = [28, 16, 14, 18][i] ?? 14;
  });
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, fileName: `执行款月报-${report.month}.xlsx`, formatted: formatYuan(report.receivedFen) };
}
