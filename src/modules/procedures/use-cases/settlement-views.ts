import { asc, eq } from 'drizzle-orm';
import { type Bilingual, compareIsoDates } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { ClosingType, loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TSettlement } from '../contracts.ts';
import { type Instalment, standingOn } from '../rules/settlement.ts';
import { type SettlementStatus, settlements } from '../tables.ts';
import {
  asPayments,
  instalmentsOf,
  loadSettlement,
  type PaymentRow,
  paymentsOf,
  type SettlementRow,
} from './settlement-store.ts';

const statusLabels: Record<SettlementStatus, Bilingual> = {
  active: { zh: '履行中（中止执行）', en: 'Being performed (enforcement suspended)' },
  defaulted: { zh: '未履行，已恢复执行', en: 'Defaulted; original enforcement restored' },
  performed: { zh: '已履行完毕', en: 'Performed in full' },
};

/** A settlement as the case page shows it: each instalment's standing today, payments, the limit. */
export function settlementView(
  row: SettlementRow,
  plan: readonly Instalment[],
  payments: readonly PaymentRow[],
  today: string,
): TSettlement {
  const standing = standingOn(plan, asPayments(payments), today);
  return {
    id: row.id,
    caseId: row.caseId,
    terms: row.terms,
    status: row.status,
    statusLabel: statusLabels[row.status],
    instalments: standing.instalments.map((s, position) => ({ position, ...s })),
    totalFen: standing.totalFen,
    paidFen: standing.paidFen,
    outstandingFen: standing.outstandingFen,
    payments: payments.map((p) => ({
      id: p.id,
      paidOn: p.paidOn,
      amountFen: p.amountFen,
      note: p.note,
      recordedAt: p.recordedAt.toISOString(),
      recordedBy: p.recordedByName,
    })),
    limitationEndsOn: row.limitationEndsOn,
    // 执行和解规定 art. 9: on default the applicant may restore the original enforcement or sue on the settlement
    mayRestore:
      row.status === 'active' && standing.hasOverdue && compareIsoDates(today, row.limitationEndsOn) <= 0,
    // 执行和解规定 art. 8: a settlement performed in full closes the case as fulfilled (执行完毕)
    closingType: row.status === 'performed' ? ClosingType.fulfilled : null,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByName,
    endedAt: row.endedAt?.toISOString() ?? null,
    endedOn: row.endedOn,
    endedBy: row.endedByName,
    endNote: row.endNote,
  };
}

async function viewsOf(db: Db, rows: SettlementRow[]): Promise<TSettlement[]> {
  const ids = rows.map((r) => r.id);
  const [plans, payments] = await Promise.all([instalmentsOf(db, ids), paymentsOf(db, ids)]);
  const today = clock.today();
  return rows.map((r) => settlementView(r, plans.get(r.id) ?? [], payments.get(r.id) ?? [], today));
}

export async function listCaseSettlements(db: Db, actor: Actor, caseId: string): Promise<TSettlement[]> {
  const c = await loadCaseContext(db, actor, caseId);
  const rows = await db
    .select()
    .from(settlements)
    .where(eq(settlements.caseId, c.id))
    .orderBy(asc(settlements.createdAt));
  return viewsOf(db, rows);
}

/** One settlement, for anyone who may see its case (404 otherwise, as if it did not exist). */
export async function getSettlement(db: Db, actor: Actor, id: string): Promise<TSettlement> {
  const row = await loadSettlement(db, id);
  await loadCaseContext(db, actor, row.caseId);
  const [view] = await viewsOf(db, [row]);
  if (!view) throw new Error('a settlement without its view');
  return view;
}
