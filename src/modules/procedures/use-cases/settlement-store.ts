import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import type { Instalment, SettlementPayment } from '../rules/settlement.ts';
import { instalments, settlementPayments, settlements } from '../tables.ts';

export type SettlementRow = typeof settlements.$inferSelect;
export type PaymentRow = typeof settlementPayments.$inferSelect;

export function conflict(zh: string, en: string): AppError {
  return new AppError(ErrorCode.conflict, bi(zh, en));
}

/** The settlement (locked for a change); 404 if there is none — its case's scope is checked next. */
export async function loadSettlement(
  db: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<SettlementRow> {
  if (!isUuid(id)) throw notFound('执行和解', 'Settlement');
  const query = db.select().from(settlements).where(eq(settlements.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('执行和解', 'Settlement');
  return row;
}

export async function instalmentsOf(db: DbOrTx, settlementIds: readonly string[]) {
  const byId = new Map<string, Instalment[]>();
  if (settlementIds.length === 0) return byId;
  const rows = await db
    .select()
    .from(instalments)
    .where(inArray(instalments.settlementId, [...settlementIds]))
    .orderBy(asc(instalments.settlementId), asc(instalments.position));
  for (const r of rows) {
    byId.set(r.settlementId, [
      ...(byId.get(r.settlementId) ?? []),
      { dueDate: r.dueOn, amountFen: r.amountFen },
    ]);
  }
  return byId;
}

export async function paymentsOf(db: DbOrTx, settlementIds: readonly string[]) {
  const byId = new Map<string, PaymentRow[]>();
  if (settlementIds.length === 0) return byId;
  const rows = await db
    .select()
    .from(settlementPayments)
    .where(inArray(settlementPayments.settlementId, [...settlementIds]))
    .orderBy(asc(settlementPayments.paidOn), asc(settlementPayments.recordedAt));
  for (const r of rows) byId.set(r.settlementId, [...(byId.get(r.settlementId) ?? []), r]);
  return byId;
}

export function asPayments(rows: readonly PaymentRow[]): SettlementPayment[] {
  return rows.map((r) => ({ paidOn: r.paidOn, amountFen: r.amountFen }));
}

export function auditActorOf(actor: { userId: string; displayName: string; court: { id: string } }) {
  return { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id };
}
