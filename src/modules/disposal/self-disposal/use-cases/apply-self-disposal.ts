import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { formatYuan } from '../../../../kernel/index.ts';
import { clock } from '../../../../platform/clock.ts';
import type { Db } from '../../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../../platform/errors.ts';
import { appendAudit } from '../../../audit/index.ts';
import { loadCaseContext } from '../../../cases/index.ts';
import type { CaseAccess, PortalUser } from '../../../disclosure/index.ts';
import { systemActorFor } from '../../../identity/index.ts';
import { listRespondentAssets } from '../../../inquiry/index.ts';
import { queueInApp } from '../../../notify/index.ts';
import type { TApplySelfDisposal, TSelfDisposalApplication } from '../contracts.ts';
import { respondentSeatsOf } from '../policy.ts';
import { selfDisposalApplications } from '../tables.ts';
import { requireSealedAsset } from './sealed-asset.ts';
import { conflict } from './self-disposal-store.ts';

/**
 * 自行处置申请: on the party portal the respondent (or its lawyer) asks to sell one of its own
 * sealed or seized assets itself, at a proposed price and with the buyer it found, if any. The
 * case judge decides on it (create-self-disposal.ts names the application) and is told in-app.
 * Refused: a case not the user's 404, not a respondent 403, an asset not sealed in this case or
 * not the respondent's 400 naming `assetId`, an application already pending for it 409.
 */
export async function applySelfDisposal(
  db: Db,
  user: PortalUser,
  access: CaseAccess,
  input: TApplySelfDisposal,
): Promise<TSelfDisposalApplication> {
  const seats = respondentSeatsOf(access);
  return db.transaction(async (tx) => {
    const system = await systemActorFor(tx, access.courtId);
    if (!system) throw new AppError(ErrorCode.notFound, bi('案件不存在', 'No such case'));
    const c = await loadCaseContext(tx, system, access.caseId, { forUpdate: true });
    if (c.status === 'closed') throw conflict('案件已结案', 'The case is closed');
    const asset = await requireSealedAsset(tx, c.id, input.assetId);
    let ownerPartyId: string | null = null;
    for (const partyId of seats) {
      const own = await listRespondentAssets(tx, c.id, partyId);
      if (own.some((a) => a.id === asset.assetId)) ownerPartyId = partyId;
    }
    if (ownerPartyId === null)
      throw invalidField(
        'assetId',
        '只能申请自行处置本人的财产',
        'Only the respondent’s own asset may be sold by it',
      );
    const [pending] = await tx
      .select({ id: selfDisposalApplications.id })
      .from(selfDisposalApplications)
      .where(
        and(
          eq(selfDisposalApplications.assetId, asset.assetId),
          eq(selfDisposalApplications.state, 'pending'),
        ),
      );
    if (pending)
      throw conflict('该财产已有待处理的申请', 'An application for this asset is pending', 'assetId');
    const id = randomUUID();
    const now = clock.now();
    const submitter =
      user.kind === 'lawyer'
        ? { kind: 'lawyer' as const, name: user.name, id: user.lawyerId }
        : { kind: 'respondent' as const, name: user.name, id: user.identifier };
    const row = {
      id,
      caseId: c.id,
      courtId: c.courtId,
      assetId: asset.assetId,
      respondentPartyId: ownerPartyId,
      submitterKind: submitter.kind,
      submitterName: submitter.name,
      submitterId: submitter.id,
      proposedPriceFen: input.proposedPriceFen,
      buyer: input.buyer ?? null,
      note: input.note,
      state: 'pending' as const,
      submittedAt: now,
    };
    await tx.insert(selfDisposalApplications).values(row);
    await queueInApp(tx, {
      dedupeKey: `disposal.self-disposal-application:${id}`,
      userIds: [c.team.judgeId, c.team.assistantId].filter((u): u is string => u !== null),
      title: `${c.caseNumber} 被执行人申请自行处置`,
      body: `${asset.description.slice(0, 100)}，拟售价¥${formatYuan(input.proposedPriceFen)}。`,
      kind: 'disposal.selfDisposalApplied',
      caseId: c.id,
      courtId: c.courtId,
    });
    await appendAudit(tx, {
      actor: null,
      action: 'disposal.self-disposal.apply',
      objectType: 'case',
      objectId: c.id,
      detail: {
        applicationId: id,
        assetId: asset.assetId,
        proposedPriceFen: input.proposedPriceFen,
        submitterKind: submitter.kind,
      },
    });
    return {
      id,
      caseId: c.id,
      assetId: asset.assetId,
      state: 'pending',
      proposedPriceFen: input.proposedPriceFen,
      buyer: row.buyer,
      note: input.note,
      submitterName: submitter.name,
      submittedAt: now.toISOString(),
    };
  });
}
