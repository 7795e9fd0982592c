import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../../platform/errors.ts';
import { isUuid } from '../../../../platform/ids.ts';
import { appendAudit } from '../../../audit/index.ts';
import { loadCaseContext, NodeKind, recordNode } from '../../../cases/index.ts';
import { findCaseAccount } from '../../../funds/index.ts';
import { type Actor, loadActorByUserId, systemActorFor } from '../../../identity/index.ts';
import { listControlledAssets } from '../../../inquiry/index.ts';
import type { TSelfDisposal, TSelfDisposalApplication } from '../contracts.ts';
import { type SelfDisposalRow, selfDisposalApplications, selfDisposals } from '../tables.ts';

/** Reading and showing self-disposals, and the small writes every use case of them shares. */

export function notFoundSelfDisposal(): AppError {
  return new AppError(ErrorCode.notFound, bi('自行处置不存在', 'No such self-disposal'));
}

export function conflict(zh: string, en: string, path?: string): AppError {
  const message = bi(zh, en);
  return new AppError(ErrorCode.conflict, message, path ? [{ path, message }] : []);
}

export async function findSelfDisposal(
  tx: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<SelfDisposalRow | undefined> {
  if (!isUuid(id)) return undefined;
  const query = tx.select().from(selfDisposals).where(eq(selfDisposals.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export function viewOf(
  row: SelfDisposalRow,
  facts: { accountNumber: string | null; isAssetUnderControl: boolean },
): TSelfDisposal {
  const sale =
    row.buyerName !== null && row.salePriceFen !== null && row.saleRecordedOn !== null
      ? { buyerName: row.buyerName, priceFen: row.salePriceFen, recordedOn: row.saleRecordedOn }
      : null;
  return {
    id: row.id,
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    assetId: row.assetId,
    assetType: row.assetType,
    assetDescription: row.assetDescription,
    state: row.state,
    days: row.days,
    decidedOn: row.decidedOn,
    dueOn: row.dueOn,
    lowestPriceFen: row.lowestPriceFen,
    applicationId: row.applicationId,
    accountNumber: facts.accountNumber,
    sale,
    paidFen: row.paidFen,
    paidOn: row.paidOn,
    releaseMeasureId: row.releaseMeasureId,
    releaseProblem: row.releaseProblem,
    completedOn: row.completedOn,
    lapsedOn: row.lapsedOn,
    isReturnedToAuction: row.state === 'lapsed',
    isAssetUnderControl: facts.isAssetUnderControl,
    decidedByName: row.decidedByName,
  };
}

/** One self-disposal as answered: with the case account the buyer pays into and the asset's control. */
export async function showSelfDisposal(tx: DbOrTx, row: SelfDisposalRow): Promise<TSelfDisposal> {
  const account = await findCaseAccount(tx, row.caseId);
  const controlled = await listControlledAssets(tx, row.caseId);
  return viewOf(row, {
    accountNumber: account?.accountNumber ?? null,
    isAssetUnderControl: controlled.some((a) => a.assetId === row.assetId),
  });
}

export async function listCaseSelfDisposals(
  tx: DbOrTx,
  caseId: string,
): Promise<{ items: TSelfDisposal[]; applications: TSelfDisposalApplication[] }> {
  const rows = await tx
    .select()
    .from(selfDisposals)
    .where(eq(selfDisposals.caseId, caseId))
    .orderBy(asc(selfDisposals.createdAt), asc(selfDisposals.id));
  const account = await findCaseAccount(tx, caseId);
  const controlled = new Set((await listControlledAssets(tx, caseId)).map((a) => a.assetId));
  const applications = await tx
    .select()
    .from(selfDisposalApplications)
    .where(eq(selfDisposalApplications.caseId, caseId))
    .orderBy(asc(selfDisposalApplications.submittedAt), asc(selfDisposalApplications.id));
  return {
    items: rows.map((r) =>
      viewOf(r, {
        accountNumber: account?.accountNumber ?? null,
        isAssetUnderControl: controlled.has(r.assetId),
      }),
    ),
    applications: applications.map((a) => ({
      id: a.id,
      caseId: a.caseId,
      assetId: a.assetId,
      state: a.state,
      proposedPriceFen: a.proposedPriceFen,
      buyer: a.buyer,
      note: a.note,
      submitterName: a.submitterName,
      submittedAt: a.submittedAt.toISOString(),
    })),
  };
}

export function auditActorOf(actor: Actor) {
  return { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id };
}

/** The audit record of a change to a self-disposal (actor null: the system, on the bank's word). */
export async function auditSelfDisposal(
  tx: DbOrTx,
  actor: Actor | null,
  row: Pick<SelfDisposalRow, 'id' | 'caseId'>,
  action: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await appendAudit(tx, {
    actor: actor ? auditActorOf(actor) : null,
    action: `disposal.self-disposal.${action}`,
    objectType: 'case',
    objectId: row.caseId,
    detail: { selfDisposalId: row.id, ...detail },
  });
}

/** The case judge as an actor, for what the system does in the case's name (nodes, the seal's release). */
export async function caseJudgeOf(tx: DbOrTx, courtId: string, caseId: string): Promise<Actor | null> {
  const system = await systemActorFor(tx, courtId);
  if (!system) return null;
  const c = await loadCaseContext(tx, system, caseId);
  return c.team.judgeId ? loadActorByUserId(tx, c.team.judgeId) : null;
}

/**
 * A step of the good-faith measures on the case timeline ("其他" with what happened), keyed by
 * what caused it, so a job run twice records it once. A case that refuses it (closed) is left as
 * it is: the measure is recorded all the same.
 */
export async function recordCaseStep(
  tx: DbOrTx,
  actor: Actor,
  caseId: string,
  input: { note: string; occurredOn: string; sourceKey: string },
): Promise<void> {
  try {
    await recordNode(
      tx,
      actor,
      caseId,
      { kind: NodeKind.other, note: input.note, occurredOn: input.occurredOn },
      { sourceKey: input.sourceKey },
    );
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
  }
}
