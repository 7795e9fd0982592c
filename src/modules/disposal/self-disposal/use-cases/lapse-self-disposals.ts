import { and, eq, lt } from 'drizzle-orm';
import { clock } from '../../../../platform/clock.ts';
import type { Db } from '../../../../platform/db.ts';
import { isLapsed } from '../rules/self-disposal.ts';
import { selfDisposals } from '../tables.ts';
import { auditSelfDisposal, caseJudgeOf, findSelfDisposal, recordCaseStep } from './self-disposal-store.ts';

/**
 * Self-disposals whose period passed without the full price — no sale, or a sale not paid for —
 * lapse (善意文明执行意见: the court's period, at most 60 days), each in its own transaction: the
 * asset is free again for a lot (the seal stays in force), and the case timeline says the asset
 * returns to auction. Finds its own due work, so one run after a jump of the clock does it all.
 */
export async function lapseDueSelfDisposals(db: Db, today = clock.today()): Promise<string[]> {
  const due = await db
    .select({ id: selfDisposals.id })
    .from(selfDisposals)
    .where(and(eq(selfDisposals.state, 'open'), lt(selfDisposals.dueOn, today)));
  const lapsed: string[] = [];
  for (const { id } of due) {
    const done = await db.transaction(async (tx) => {
      const row = await findSelfDisposal(tx, id, { forUpdate: true });
      if (!row || !isLapsed(row, today)) return false;
      await tx
        .update(selfDisposals)
        .set({ state: 'lapsed', lapsedOn: today, updatedAt: clock.now() })
        .where(eq(selfDisposals.id, row.id));
      await auditSelfDisposal(tx, null, row, 'lapse', {
        dueOn: row.dueOn,
        paidFen: row.paidFen,
        salePriceFen: row.salePriceFen,
      });
      const judge = await caseJudgeOf(tx, row.courtId, row.caseId);
      if (judge) {
        await recordCaseStep(tx, judge, row.caseId, {
          note: `自行处置期限（至${row.dueOn}）届满未足额付款，${row.assetDescription.slice(0, 100)}转入拍卖程序`,
          occurredOn: today,
          sourceKey: `disposal.self-disposal-lapsed:${row.id}`,
        });
      }
      return true;
    });
    if (done) lapsed.push(id);
  }
  return lapsed;
}

/** The paid self-disposals whose seal is not yet released (a job that could not ask the registry). */
export async function paidAwaitingRelease(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: selfDisposals.id })
    .from(selfDisposals)
    .where(eq(selfDisposals.state, 'paid'));
  return rows.map((r) => r.id);
}
