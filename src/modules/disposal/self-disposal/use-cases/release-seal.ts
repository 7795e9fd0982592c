import { eq } from 'drizzle-orm';
import { formatYuan } from '../../../../kernel/index.ts';
import { clock } from '../../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../../platform/db.ts';
import { AppError } from '../../../../platform/errors.ts';
import { createMeasure, findCaseAsset } from '../../../inquiry/index.ts';
import { selfDisposals } from '../tables.ts';
import { auditSelfDisposal, caseJudgeOf, findSelfDisposal, recordCaseStep } from './self-disposal-store.ts';

export type ReleaseOutcome = 'completed' | 'waiting' | 'skipped';

async function noteProblem(db: DbOrTx, id: string, problem: string): Promise<void> {
  await db
    .update(selfDisposals)
    .set({ releaseProblem: problem.slice(0, 500), updatedAt: clock.now() })
    .where(eq(selfDisposals.id, id));
}

/**
 * A paid self-disposal's seal is lifted: inquiry's own measure use case asks the registry to
 * release it (解除查封), in the name of the case judge, and the self-disposal is `completed`, with
 * a node on the case timeline. Run by a job, so it may run again: once the seal is no longer in
 * force (lifted by an earlier run, or by hand) it completes without asking twice. When the lifting
 * cannot be asked now (no judge, the registry not taking it, an earlier request unanswered) the
 * reason is kept and the daily job tries again; the self-disposal stays `paid`.
 */
export async function releaseSealOfSelfDisposal(db: Db, id: string): Promise<ReleaseOutcome> {
  const row = await findSelfDisposal(db, id);
  if (row?.state !== 'paid') return 'skipped';
  const judge = await caseJudgeOf(db, row.courtId, row.caseId);
  if (!judge) {
    await noteProblem(
      db,
      row.id,
      '本案尚无承办法官，暂不能解除查封 / The case has no judge to order the release',
    );
    return 'waiting';
  }
  let measureId: string | null = null;
  try {
    const lifted = await createMeasure(db, judge, row.caseId, { kind: 'unfreeze', assetId: row.assetId });
    measureId = lifted.id;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const asset = await findCaseAsset(db, row.caseId, row.assetId);
    const isStillControlled = asset !== undefined && asset.measureKind !== null;
    if (isStillControlled) {
      await noteProblem(db, row.id, err.message);
      return 'waiting';
    }
  }
  return db.transaction(async (tx) => {
    const locked = await findSelfDisposal(tx, id, { forUpdate: true });
    if (locked?.state !== 'paid') return 'skipped';
    const today = clock.today();
    await tx
      .update(selfDisposals)
      .set({
        state: 'completed',
        completedOn: today,
        releaseMeasureId: measureId,
        releaseProblem: null,
        updatedAt: clock.now(),
      })
      .where(eq(selfDisposals.id, locked.id));
    await auditSelfDisposal(tx, null, locked, 'complete', {
      releaseMeasureId: measureId,
      completedOn: today,
    });
    await recordCaseStep(tx, judge, locked.caseId, {
      note: `自行处置价款¥${formatYuan(locked.paidFen)}已全部到账，解除对${locked.assetDescription.slice(0, 100)}的查封`,
      occurredOn: today,
      sourceKey: `disposal.self-disposal-completed:${locked.id}`,
    });
    return 'completed';
  });
}
