import { asc, eq, inArray } from 'drizzle-orm';
import { maskIdNumber } from '../../../kernel/index.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import type { Actor } from '../../identity/index.ts';
import type { TVisit } from '../contracts.ts';
import { assertCounterStaff, isCourtRecordInScope } from '../policy.ts';
import { meetings, receipts, visits } from '../tables.ts';

export type VisitRow = typeof visits.$inferSelect;

export function auditActor(actor: Actor) {
  return { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id };
}

/**
 * A visit for an officer of the counter: the role first (403), then the visit, which outside the
 * officer's data scope does not exist (404).
 */
export async function loadVisit(
  db: DbOrTx,
  actor: Actor,
  visitId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<VisitRow> {
  assertCounterStaff(actor);
  if (!isUuid(visitId)) throw notFound('来访记录', 'Visit');
  const query = db.select().from(visits).where(eq(visits.id, visitId));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row || !isCourtRecordInScope(actor, row.courtPath)) throw notFound('来访记录', 'Visit');
  return row;
}

/** 13800001234 → 138****1234; anything shorter than 7 characters shows its last two only. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return `${'*'.repeat(Math.max(0, phone.length - 2))}${phone.slice(-2)}`;
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** Visits as lists show them: the visitor's ID number and phone masked, with receipts and meetings. */
export async function visitViews(db: DbOrTx, rows: readonly VisitRow[]): Promise<TVisit[]> {
  const ids = rows.map((r) => r.id);
  const [receiptRows, meetingRows] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db.select().from(receipts).where(inArray(receipts.visitId, ids)).orderBy(asc(receipts.receivedAt)),
          db.select().from(meetings).where(inArray(meetings.visitId, ids)).orderBy(asc(meetings.bookedAt)),
        ]);
  return rows.map((v) => ({
    id: v.id,
    visitedOn: v.visitedOn,
    arrivedAt: v.arrivedAt.toISOString(),
    visitor: {
      name: v.visitorName,
      idNumber: v.visitorIdNumber === null ? null : maskIdNumber(v.visitorIdNumber),
      phone: v.visitorPhone === null ? null : maskPhone(v.visitorPhone),
      role: v.visitorRole,
    },
    purpose: v.purpose,
    case: v.caseId !== null && v.caseNumber !== null ? { id: v.caseId, caseNumber: v.caseNumber } : null,
    note: v.note,
    state: v.state,
    closedAt: v.closedAt?.toISOString() ?? null,
    receivedByName: v.receivedByName,
    receipts: receiptRows
      .filter((r) => r.visitId === v.id)
      .map((r) => ({ id: r.id, receiptNumber: r.receiptNumber, items: r.items })),
    meetings: meetingRows
      .filter((m) => m.visitId === v.id)
      .map((m) => ({ id: m.id, on: m.meetingOn, slot: m.slot, judgeName: m.judgeName })),
  }));
}

export async function visitView(db: DbOrTx, row: VisitRow): Promise<TVisit> {
  const [view] = await visitViews(db, [row]);
  if (!view) throw new Error(`visit ${row.id} has no view`);
  return view;
}
