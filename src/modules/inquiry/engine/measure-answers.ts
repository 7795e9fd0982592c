import { eq } from 'drizzle-orm';
import type { Tx } from '../../../platform/db.ts';
import { publishEvent } from '../../../platform/events.ts';
import { deducted, measureTookEffect } from '../events.ts';
import { ZMeasureResultSchema } from '../protocol/envelope.ts';
import { measures } from '../tables.ts';

type MeasureRow = typeof measures.$inferSelect;

/**
 * What an institution's answer does to a measure. Freezes record the amount really frozen (a
 * "partially frozen" answer holds less than asked); seals record their queue position (轮候查封);
 * renewals move the expiry of the measure they renew; lifting releases it; a deduction moves money
 * from the freeze to the court and is announced as `inquiry.deducted` for the funds module.
 */
export async function applyMeasureAnswer(
  tx: Tx,
  input: { measureId: string; caseId: string; operation: string; result: unknown; answeredAt: string },
): Promise<void> {
  const [measure] = await tx.select().from(measures).where(eq(measures.id, input.measureId)).for('update');
  if (measure?.state !== 'requested') return;
  const answeredAt = new Date(input.answeredAt);
  const parsed = ZMeasureResultSchema.safeParse(input.result);
  const result = parsed.success
    ? parsed.data
    : { status: 'unreadable', reason: '无法识别的反馈 / unreadable answer' };
  const update = async (patch: Partial<MeasureRow>): Promise<void> => {
    await tx
      .update(measures)
      .set({ answeredAt, ...patch })
      .where(eq(measures.id, measure.id));
  };
  const reject = () => update({ state: 'rejected', reason: (result.reason ?? result.status).slice(0, 500) });
  const target = measure.targetMeasureId
    ? (await tx.select().from(measures).where(eq(measures.id, measure.targetMeasureId)).for('update'))[0]
    : undefined;
  const updateTarget = async (patch: Partial<MeasureRow>): Promise<void> => {
    if (target) await tx.update(measures).set(patch).where(eq(measures.id, target.id));
  };

  switch (measure.kind) {
    case 'freeze': {
      if (result.status !== 'frozen' && result.status !== 'partiallyFrozen') return reject();
      await update({
        state: 'inForce',
        amountFen: result.amountFen ?? measure.requestedFen,
        remoteMeasureId: result.freezeId ?? null,
        until: result.until?.slice(0, 10) ?? measure.until,
        reason: result.status === 'partiallyFrozen' ? '部分冻结 / partially frozen' : null,
      });
      await announceEffect(tx, measure, 'inForce');
      return;
    }
    case 'seal':
    case 'seize': {
      if (result.status !== 'sealed' && result.status !== 'queued') return reject();
      await update({
        state: result.status === 'sealed' ? 'inForce' : 'queued',
        queuePosition: result.queuePosition ?? null,
        remoteMeasureId: result.sealId ?? null,
        until: result.until?.slice(0, 10) ?? measure.until,
      });
      await announceEffect(tx, measure, result.status === 'sealed' ? 'inForce' : 'queued');
      return;
    }
    case 'renew': {
      if (result.status !== 'renewed') return reject();
      await update({ state: 'done' });
      await updateTarget({
        until: result.until?.slice(0, 10) ?? measure.until,
        queuePosition: result.queuePosition ?? target?.queuePosition,
      });
      return;
    }
    case 'unfreeze': {
      if (result.status !== 'unfrozen' && result.status !== 'released') return reject();
      await update({ state: 'done', amountFen: result.amountFen ?? target?.amountFen ?? null });
      await updateTarget({ state: 'released', amountFen: target?.kind === 'freeze' ? 0 : target?.amountFen });
      return;
    }
    case 'deduct': {
      if (result.status !== 'deducted' || result.amountFen === undefined || !target) return reject();
      const remaining = Math.max(0, (target.amountFen ?? 0) - result.amountFen);
      await update({ state: 'done', amountFen: result.amountFen, transferId: result.transferId ?? null });
      await updateTarget({
        amountFen: remaining,
        deductedFen: target.deductedFen + result.amountFen,
        state: remaining === 0 ? 'exhausted' : target.state,
      });
      await publishEvent(
        tx,
        deducted,
        {
          caseId: input.caseId,
          measureId: measure.id,
          amountFen: result.amountFen,
          transferId: result.transferId ?? '',
        },
        { aggregateId: input.caseId },
      );
      return;
    }
  }
}

/** A freeze, seal or seizure in force (or queued): the case records "assets controlled" through a flow. */
async function announceEffect(tx: Tx, measure: MeasureRow, state: 'inForce' | 'queued'): Promise<void> {
  if (measure.kind !== 'freeze' && measure.kind !== 'seal' && measure.kind !== 'seize') return;
  await publishEvent(
    tx,
    measureTookEffect,
    {
      measureId: measure.id,
      caseId: measure.caseId,
      kind: measure.kind,
      state,
      requestedBy: measure.requestedBy,
      documentName: measure.documentName,
    },
    { aggregateId: measure.caseId },
  );
}
