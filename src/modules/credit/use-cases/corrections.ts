import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { compareIsoDates } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField, notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { auditActorOf, type ChangeInput, recordChanges } from '../credit-store.ts';
import { deleteEntryInTx } from '../lifecycle/delete-entry.ts';
import { correctEntryInTx, type EntryCorrections, revokeEntryInTx } from '../lifecycle/revoke-entry.ts';
import { assertCanDecide, assertCanReviewAsHigherCourt } from '../policy.ts';
import {
  type CorrectionGround,
  correctionDueOn,
  correctionReviewDueOn,
  higherReviewDueOn,
  higherReviewRequestDueOn,
  outcomeOfUpheldCorrection,
} from '../rules/correction.ts';
import type { DeletionGround } from '../rules/deletion.ts';
import { correctionRequests } from '../tables.ts';
import type { EntryRow } from './apply-listing.ts';
import { loadEntryInScope } from './load-entry.ts';

type RequestRow = typeof correctionRequests.$inferSelect;

function conflict(zh: string, en: string): AppError {
  return new AppError(ErrorCode.conflict, bi(zh, en));
}

/** 失信规定 art. 11: the debtor's written request, reviewed within fifteen days; the listing stands meanwhile. */
export async function fileCorrection(
  db: Db,
  actor: Actor,
  entryId: string,
  input: { ground: CorrectionGround; statement: string; receivedOn?: string },
  opts: { today?: string } = {},
) {
  const today = opts.today ?? clock.today();
  const receivedOn = input.receivedOn ?? today;
  if (compareIsoDates(receivedOn, today) > 0)
    throw invalidField('receivedOn', '收到日期不能晚于今天', 'Cannot be received in the future');
  return db.transaction(async (tx) => {
    const entry = await loadEntryInScope(tx, actor, entryId, { forUpdate: true });
    assertCanDecide(actor, await loadCaseContext(tx, actor, entry.caseId));
    if (entry.state !== 'listed')
      throw conflict('只能对名单中的记录申请纠正', 'Only a listed entry can be corrected');
    const id = randomUUID();
    const reviewDueOn = correctionReviewDueOn(receivedOn);
    await tx.insert(correctionRequests).values({
      id,
      entryId: entry.id,
      ground: input.ground,
      statement: input.statement,
      receivedOn,
      reviewDueOn,
      state: 'pending',
      recordedBy: actor.userId,
    });
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'credit.correction.file',
      objectType: 'creditEntry',
      objectId: entry.id,
      detail: { requestId: id, ground: input.ground },
    });
    return { id, state: 'pending' as const, reviewDueOn };
  });
}

async function loadRequest(
  tx: DbOrTx,
  actor: Actor,
  requestId: string,
): Promise<{ request: RequestRow; entry: EntryRow }> {
  if (!isUuid(requestId)) throw notFound('纠正申请', 'Correction request');
  const [request] = await tx
    .select()
    .from(correctionRequests)
    .where(eq(correctionRequests.id, requestId))
    .for('update');
  if (!request) throw notFound('纠正申请', 'Correction request');
  const entry = await loadEntryInScope(tx, actor, request.entryId, { forUpdate: true });
  return { request, entry };
}

export type CorrectionDecision = {
  decision: 'upheld' | 'rejected';
  reason: string;
  corrections?: EntryCorrections;
  deletionGround?: DeletionGround;
};

/** Applies an upheld request to the entry: revoke it, correct it, or delete it (arts. 9–11). */
async function applyUpheld(
  tx: DbOrTx,
  request: RequestRow,
  entry: EntryRow,
  input: CorrectionDecision,
  actor: Actor,
  today: string,
): Promise<ChangeInput[]> {
  if (entry.state !== 'listed') return [];
  const ground =
    request.ground === 'wronglyListed' || request.ground === 'wrongInformation'
      ? request.ground
      : 'shouldHaveBeenDeleted';
  const outcome = outcomeOfUpheldCorrection(ground);
  if (outcome === 'revoke') return revokeEntryInTx(tx, entry, { reason: input.reason, today, actor });
  if (outcome === 'correct') {
    if (!input.corrections || Object.keys(input.corrections).length === 0) {
      throw invalidField('corrections', '请填写更正后的信息', 'State the corrected information');
    }
    return correctEntryInTx(tx, entry, {
      corrections: input.corrections,
      reason: input.reason,
      today,
      actor,
    });
  }
  if (!input.deletionGround)
    throw invalidField('deletionGround', '请选择删除事由', 'Choose the ground of deletion');
  return deleteEntryInTx(tx, {
    entry,
    ground: input.deletionGround,
    reason: input.reason,
    occurredOn: today,
    today,
    actor,
  });
}

/** 失信规定 art. 11: a well-founded request is corrected within three working days; a rejection may go up within ten days. */
export async function decideCorrection(
  db: Db,
  actor: Actor,
  requestId: string,
  input: CorrectionDecision,
  opts: { today?: string } = {},
) {
  const today = opts.today ?? clock.today();
  return db.transaction(async (tx) => {
    const { request, entry } = await loadRequest(tx, actor, requestId);
    assertCanDecide(actor, await loadCaseContext(tx, actor, entry.caseId));
    if (request.state !== 'pending') throw conflict('该申请已审查', 'This request has been decided');
    const isUpheld = input.decision === 'upheld';
    const changes = isUpheld ? await applyUpheld(tx, request, entry, input, actor, today) : [];
    await tx
      .update(correctionRequests)
      .set({
        state: input.decision,
        decidedOn: today,
        decisionReason: input.reason,
        correctionDueOn: isUpheld ? correctionDueOn(today) : null,
        correctedOn: isUpheld ? today : null,
        higherReviewRequestDueOn: isUpheld ? null : higherReviewRequestDueOn(today),
      })
      .where(eq(correctionRequests.id, request.id));
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'credit.correction.decide',
      objectType: 'creditEntry',
      objectId: entry.id,
      detail: { requestId, decision: input.decision },
    });
    await recordChanges(tx, changes);
    return { id: request.id, state: input.decision };
  });
}

/** 失信规定 art. 12: the debtor asks the higher court to review a rejection within ten days. */
export async function requestHigherReview(
  db: Db,
  actor: Actor,
  requestId: string,
  input: { requestedOn?: string },
  opts: { today?: string } = {},
) {
  const today = opts.today ?? clock.today();
  const requestedOn = input.requestedOn ?? today;
  return db.transaction(async (tx) => {
    const { request, entry } = await loadRequest(tx, actor, requestId);
    assertCanDecide(actor, await loadCaseContext(tx, actor, entry.caseId));
    if (request.state !== 'rejected' || !request.higherReviewRequestDueOn)
      throw conflict('只有被驳回的申请可以申请复议', 'Only a rejected request can be reviewed');
    if (compareIsoDates(requestedOn, request.higherReviewRequestDueOn) > 0) {
      throw new AppError(
        ErrorCode.preconditionFailed,
        bi(
          `复议申请期限已于${request.higherReviewRequestDueOn}届满`,
          `The ten days to ask for review ended on ${request.higherReviewRequestDueOn}`,
        ),
        [{ path: 'requestedOn', message: bi('超过十日', 'More than ten days after the rejection') }],
      );
    }
    const dueOn = higherReviewDueOn(requestedOn);
    await tx
      .update(correctionRequests)
      .set({ state: 'higherReview', higherReviewRequestedOn: requestedOn, higherReviewDueOn: dueOn })
      .where(eq(correctionRequests.id, request.id));
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'credit.correction.request-review',
      objectType: 'creditEntry',
      objectId: entry.id,
      detail: { requestId },
    });
    return { id: request.id, state: 'higherReview' as const, higherReviewDueOn: dueOn };
  });
}

/** 失信规定 art. 12: the higher court decides within fifteen days; upheld, the entry is put right. */
export async function decideHigherReview(
  db: Db,
  actor: Actor,
  requestId: string,
  input: CorrectionDecision,
  opts: { today?: string } = {},
) {
  const today = opts.today ?? clock.today();
  return db.transaction(async (tx) => {
    const { request, entry } = await loadRequest(tx, actor, requestId);
    assertCanReviewAsHigherCourt(actor, entry.courtPath);
    if (request.state !== 'higherReview')
      throw conflict('该申请不在复议中', 'This request is not under review');
    const isUpheld = input.decision === 'upheld';
    const changes = isUpheld ? await applyUpheld(tx, request, entry, input, actor, today) : [];
    await tx
      .update(correctionRequests)
      .set({
        state: isUpheld ? 'higherUpheld' : 'higherRejected',
        higherDecidedOn: today,
        decisionReason: input.reason,
        correctionDueOn: isUpheld ? correctionDueOn(today) : request.correctionDueOn,
        correctedOn: isUpheld ? today : null,
      })
      .where(eq(correctionRequests.id, request.id));
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'credit.correction.higher-review',
      objectType: 'creditEntry',
      objectId: entry.id,
      detail: { requestId, decision: input.decision },
    });
    await recordChanges(tx, changes);
    return { id: request.id, state: isUpheld ? ('higherUpheld' as const) : ('higherRejected' as const) };
  });
}
