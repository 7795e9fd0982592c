import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { formatYuan } from '../../../../kernel/index.ts';
import { clock } from '../../../../platform/clock.ts';
import type { Db } from '../../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../../platform/errors.ts';
import { loadCaseContext } from '../../../cases/index.ts';
import type { Actor } from '../../../identity/index.ts';
import type { TCreateSelfDisposal, TSelfDisposal } from '../contracts.ts';
import { assertCaseJudge } from '../policy.ts';
import { checkSelfDisposalDays, maxSelfDisposalDays, selfDisposalDueOn } from '../rules/self-disposal.ts';
import { selfDisposalApplications, selfDisposals } from '../tables.ts';
import { assertNotInAuction, requireSealedAsset } from './sealed-asset.ts';
import {
  auditSelfDisposal,
  conflict,
  findSelfDisposal,
  recordCaseStep,
  showSelfDisposal,
} from './self-disposal-store.ts';

/**
 * 准许自行处置: on the respondent's application, the case judge lets it sell a sealed asset itself,
 * setting the period (善意文明执行意见: at most 60 days) and the lowest price. Refused: outside the
 * data scope 404, anyone but the case judge 403, a period over 60 days 400 naming `days`, an asset
 * not sealed or seized in this case 400 naming `assetId`, an asset already in a self-disposal or an
 * auction 409. In one transaction: the self-disposal, the application granted, the case node, the
 * audit record.
 */
export async function createSelfDisposal(
  db: Db,
  actor: Actor,
  caseId: string,
  input: TCreateSelfDisposal,
): Promise<TSelfDisposal> {
  const days = checkSelfDisposalDays(input.days);
  if (!days.ok) {
    throw invalidField(
      'days',
      `自行处置期限为1至${maxSelfDisposalDays}日（善意文明执行意见）`,
      `The period is 1 to ${maxSelfDisposalDays} days (善意文明执行意见)`,
    );
  }
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId, { forUpdate: true });
    assertCaseJudge(actor, c);
    if (c.status === 'closed') throw new AppError(ErrorCode.conflict, bi('案件已结案', 'The case is closed'));
    const asset = await requireSealedAsset(tx, c.id, input.assetId);
    // One self-disposal of an asset at a time, however many requests arrive together.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`disposal.self-disposal:${asset.assetId}`}))`,
    );
    const [holding] = await tx
      .select({ id: selfDisposals.id })
      .from(selfDisposals)
      .where(and(eq(selfDisposals.assetId, asset.assetId), inArray(selfDisposals.state, ['open', 'paid'])));
    if (holding) throw conflict('该财产已在自行处置中', 'The asset is already in a self-disposal', 'assetId');
    await assertNotInAuction(tx, asset.assetId);
    if (input.applicationId !== undefined) {
      const [application] = await tx
        .select()
        .from(selfDisposalApplications)
        .where(eq(selfDisposalApplications.id, input.applicationId))
        .for('update');
      if (!application || application.caseId !== c.id || application.assetId !== asset.assetId)
        throw invalidField(
          'applicationId',
          '本案没有该财产的这项申请',
          'No such application for this asset of the case',
        );
      if (application.state !== 'pending')
        throw conflict('该申请已处理', 'The application was already decided', 'applicationId');
      await tx
        .update(selfDisposalApplications)
        .set({ state: 'granted', grantedAt: clock.now() })
        .where(eq(selfDisposalApplications.id, application.id));
    }
    const today = clock.today();
    const id = randomUUID();
    const dueOn = selfDisposalDueOn(today, input.days);
    await tx.insert(selfDisposals).values({
      id,
      caseId: c.id,
      courtId: c.courtId,
      caseNumber: c.caseNumber,
      assetId: asset.assetId,
      assetType: asset.assetType,
      assetDescription: asset.description,
      applicationId: input.applicationId ?? null,
      days: input.days,
      decidedOn: today,
      dueOn,
      lowestPriceFen: input.lowestPriceFen,
      state: 'open',
      paidFen: 0,
      decidedBy: actor.userId,
      decidedByName: actor.displayName,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    await auditSelfDisposal(tx, actor, { id, caseId: c.id }, 'create', {
      assetId: asset.assetId,
      days: input.days,
      dueOn,
      lowestPriceFen: input.lowestPriceFen,
      applicationId: input.applicationId ?? null,
    });
    await recordCaseStep(tx, actor, c.id, {
      note: `准许被执行人自行处置${asset.description.slice(0, 100)}，期限${input.days}日（至${dueOn}），最低价¥${formatYuan(input.lowestPriceFen)}`,
      occurredOn: today,
      sourceKey: `disposal.self-disposal:${id}`,
    });
    const row = await findSelfDisposal(tx, id);
    if (!row) throw new Error(`self-disposal ${id} vanished`);
    return showSelfDisposal(tx, row);
  });
}
