import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { chinaDateOf } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx, Tx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type CaseContext, loadCaseContext, NodeKind, recordNode } from '../../cases/index.ts';
import { type Actor, loadActorByUserId, systemActorFor } from '../../identity/index.ts';
import type {
  TAnswerInput,
  TApplicationInput,
  TClueInput,
  TMessageInput,
  TPartyRequest,
  TRequestKind,
} from '../contracts.ts';
import { answerDueOn, answerPeriods, requestKindLabels } from '../rules/requests.ts';
import { requestFiles, requests } from '../tables.ts';
import type { CaseAccess } from './party-access.ts';
import { decodeFiles, filesOf, type NewFile } from './request-files.ts';

/**
 * What parties and lawyers send the case team through the portal — asset clues (财产线索),
 * messages to the judge, applications — each a task with a due date on the team's workbench, and
 * the team's answer, which the sender sees. A clue is also the case node "applicant provided an
 * asset lead", whose verification deadline the case's deadlines then carry; answering it records
 * "lead verified".
 */
async function actorForCase(tx: DbOrTx, courtId: string): Promise<Actor> {
  const actor = await systemActorFor(tx, courtId);
  if (!actor) throw new Error(`court ${courtId} not found`);
  return actor;
}

/**
 * Opens a task for the case team. Used by every kind of request, including the reward notices and
 * investigation orders that keep their own records (`kind` then names them).
 */
export async function openRequest(
  tx: Tx,
  access: CaseAccess,
  input: { kind: TRequestKind; text: string; isUrgent?: boolean; files?: NewFile[] },
): Promise<{ id: string; dueOn: string }> {
  const now = clock.now();
  const today = chinaDateOf(now);
  const id = randomUUID();
  const dueOn = answerDueOn(input.kind, today, { isUrgent: input.isUrgent });
  await tx.insert(requests).values({
    id,
    caseId: access.caseId,
    courtId: access.courtId,
    kind: input.kind,
    text: input.text,
    submitterKind: access.submitter.kind,
    submitterName: access.submitter.name,
    submitterId: access.submitter.id,
    submittedAt: now,
    dueOn,
    dueRule: answerPeriods[input.kind].rule,
    isUrgent: input.isUrgent ?? false,
  });
  const files = input.files ?? [];
  if (files.length > 0) {
    await tx.insert(requestFiles).values(
      files.map((f, position) => ({
        id: randomUUID(),
        requestId: id,
        position,
        name: f.name,
        contentType: f.contentType,
        size: f.bytes.length,
        sha256: f.sha256,
        bytes: f.bytes,
      })),
    );
  }
  await appendAudit(tx, {
    actor: null,
    action: `disclosure.request.${input.kind}`,
    objectType: 'case',
    objectId: access.caseId,
    detail: {
      requestId: id,
      by: access.submitter.kind,
      dueOn,
      files: files.map((f) => ({ name: f.name, sha256: f.sha256 })),
    },
  });
  return { id, dueOn };
}

function assertOpenCase(status: string): void {
  if (status === 'closed') {
    throw new AppError(
      ErrorCode.conflict,
      bi('案件已结案，请申请恢复执行', 'The case is closed; apply to restore it'),
    );
  }
}

async function caseOf(tx: DbOrTx, access: CaseAccess): Promise<CaseContext> {
  return loadCaseContext(tx, await actorForCase(tx, access.courtId), access.caseId);
}

/** An asset clue (财产线索): a task due in 7 days (3 if urgent), and the node "lead provided". */
export async function submitClue(db: Db, access: CaseAccess, input: TClueInput) {
  const files = decodeFiles(input.attachments);
  return db.transaction(async (tx) => {
    const c = await caseOf(tx, access);
    assertOpenCase(c.status);
    const opened = await openRequest(tx, access, {
      kind: 'clue',
      text: input.text,
      isUrgent: input.isUrgent,
      files,
    });
    // The node is the case officer's record, in the judge's name, once per clue.
    const judge = c.team.judgeId ? await loadActorByUserId(tx, c.team.judgeId) : null;
    if (judge) {
      await recordNode(
        tx,
        judge,
        access.caseId,
        { kind: NodeKind.leadProvided, note: `当事人门户：${access.submitter.name}` },
        { sourceKey: `disclosure.clue:${opened.id}` },
      );
    }
    return opened;
  });
}

export async function submitMessage(db: Db, access: CaseAccess, input: TMessageInput) {
  return db.transaction((tx) => openRequest(tx, access, { kind: 'message', text: input.text }));
}

/** An application (to list, restrict, audit, restore, object, correct): a task due by its rule. */
export async function submitApplication(db: Db, access: CaseAccess, input: TApplicationInput) {
  if (input.kind !== 'restoration' && input.kind !== 'correction') {
    const c = await caseOf(db, access);
    assertOpenCase(c.status);
  }
  if (
    input.kind === 'dishonestListing' ||
    input.kind === 'consumptionRestriction' ||
    input.kind === 'audit'
  ) {
    if (access.role === 'respondent') {
      throw invalidField(
        'kind',
        '被执行人不能提出此项申请',
        'Only the applicant or their lawyer may apply for this',
      );
    }
  }
  return db.transaction((tx) => openRequest(tx, access, { kind: input.kind, text: input.text }));
}

type RequestRow = typeof requests.$inferSelect;

export async function viewsOf(db: DbOrTx, rows: RequestRow[]): Promise<TPartyRequest[]> {
  const files = await filesOf(
    db,
    rows.map((r) => r.id),
  );
  const today = clock.today();
  return rows.map((r) => {
    const kind = r.kind as TRequestKind;
    return {
      id: r.id,
      kind,
      kindLabel: requestKindLabels[kind],
      text: r.text,
      submittedAt: r.submittedAt.toISOString(),
      submittedBy: { name: r.submitterName, role: r.submitterKind },
      dueOn: r.dueOn,
      dueRule: r.dueRule,
      state: r.state,
      isOverdue:
        r.state === 'open' ? r.dueOn < today : (r.answeredAt ? chinaDateOf(r.answeredAt) : today) > r.dueOn,
      attachments: files.get(r.id) ?? [],
      answer: r.answer,
      outcome: r.outcome,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      answeredBy: r.answeredByName,
    };
  });
}

/** What the user sent on the case, with the team's answers. */
export async function listOwnRequests(db: DbOrTx, access: CaseAccess): Promise<TPartyRequest[]> {
  const rows = await db
    .select()
    .from(requests)
    .where(and(eq(requests.caseId, access.caseId), eq(requests.submitterId, access.submitter.id)))
    .orderBy(asc(requests.submittedAt));
  return viewsOf(db, rows);
}

/** The case team's list of what the parties sent (the case page's tab). */
export async function listCaseRequests(
  db: DbOrTx,
  caseId: string,
  kind?: TRequestKind,
): Promise<TPartyRequest[]> {
  const rows = await db
    .select()
    .from(requests)
    .where(and(eq(requests.caseId, caseId), kind ? eq(requests.kind, kind) : undefined))
    .orderBy(asc(requests.submittedAt));
  return viewsOf(db, rows);
}

/** The team answers; a clue's answer is the node "lead verified". Once: a second answer is 409. */
export async function answerRequest(
  db: Db,
  actor: Actor,
  c: CaseContext,
  requestId: string,
  input: TAnswerInput,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(requests)
      .where(and(eq(requests.id, requestId), eq(requests.caseId, c.id)))
      .for('update');
    if (!row) throw new AppError(ErrorCode.notFound, bi('事项不存在', 'No such request'));
    // A reward notice or an investigation order is answered by its decision, which keeps its record.
    if (row.kind === 'rewardNotice' || row.kind === 'investigationOrder') {
      throw new AppError(
        ErrorCode.conflict,
        bi(
          '悬赏公告和调查令申请请在其决定页面处理',
          'Decide a reward notice or an investigation order by its decision',
        ),
      );
    }
    if (row.state !== 'open')
      throw new AppError(ErrorCode.conflict, bi('该事项已答复', 'The request was already answered'));
    const now = clock.now();
    const [updated] = await tx
      .update(requests)
      .set({
        state: 'answered',
        outcome: input.outcome,
        answer: input.answer,
        answeredAt: now,
        answeredBy: actor.userId,
        answeredByName: actor.displayName,
      })
      .where(eq(requests.id, requestId))
      .returning();
    if (!updated) throw new Error('the locked request vanished');
    if (row.kind === 'clue' && c.status !== 'closed') {
      await recordNode(
        tx,
        actor,
        c.id,
        { kind: NodeKind.leadVerified, note: input.answer.slice(0, 200) },
        { sourceKey: `disclosure.clue-answer:${row.id}` },
      );
    }
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'disclosure.request.answer',
      objectType: 'case',
      objectId: c.id,
      detail: { requestId, kind: row.kind, outcome: input.outcome },
    });
    const [view] = await viewsOf(tx, [updated]);
    if (!view) throw new Error('no view of the answered request');
    return view;
  });
}

/**
 * The task of a reward notice or investigation order is answered by the decision on it (their own
 * routes), inside the decision's transaction. A task the team already answered keeps its answer.
 */
export async function closeRequest(
  tx: DbOrTx,
  requestId: string,
  input: { outcome: 'accepted' | 'rejected' | 'noted'; answer: string; actor: Actor },
): Promise<void> {
  await tx
    .update(requests)
    .set({
      state: 'answered',
      outcome: input.outcome,
      answer: input.answer,
      answeredAt: clock.now(),
      answeredBy: input.actor.userId,
      answeredByName: input.actor.displayName,
    })
    .where(and(eq(requests.id, requestId), eq(requests.state, 'open')));
}
