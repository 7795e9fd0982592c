import { randomUUID } from 'node:crypto';
import { and, asc, eq, like } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type Actor, dataScopePrefix, listUsersByIds } from '../../identity/index.ts';
import { queueInApp } from '../../notify/index.ts';
import type {
  TAnswerDeputyProposal,
  TAssignDeputyProposal,
  TDeputyProposal,
  TDeputyProposalList,
  TDeputyProposalState,
  TRegisterDeputyProposal,
} from '../deputy-proposal-contracts.ts';
import {
  assertCounterStaff,
  assertDeputyProposalLeader,
  counterRoles,
  isCourtRecordInScope,
} from '../policy.ts';
import { deputyProposalDueOn } from '../rules/deputy-proposal-period.ts';
import { deputyProposals } from '../tables.ts';
import { deputyProposalNotFound, deputyProposalView, findDeputyProposal } from './deputy-proposal-store.ts';
import { auditActor } from './visit-store.ts';

const kindNames = { deputySuggestion: '人大代表建议', committeeProposal: '政协委员提案' } as const;

/** 登记建议提案: a court leader registers what the standing committee or the CPPCC assigned to the court. */
export async function registerDeputyProposal(
  db: Db,
  actor: Actor,
  input: TRegisterDeputyProposal,
): Promise<TDeputyProposal> {
  assertDeputyProposalLeader(actor);
  const today = clock.today();
  if (input.receivedOn > today)
    throw invalidField('receivedOn', '交办日期不能晚于今天', 'The day of assignment cannot be in the future');
  const due = deputyProposalDueOn(input.receivedOn, input.replyDays);
  if (!due.ok) throw invalidField(due.code, due.reason.zh, due.reason.en);
  return db.transaction(async (tx) => {
    const [same] = await tx
      .select({ id: deputyProposals.id })
      .from(deputyProposals)
      .where(
        and(
          eq(deputyProposals.courtId, actor.court.id),
          eq(deputyProposals.kind, input.kind),
          eq(deputyProposals.number, input.number),
        ),
      );
    if (same)
      throw invalidField('number', '该编号已登记', 'A suggestion or proposal of this number is registered');
    const [row] = await tx
      .insert(deputyProposals)
      .values({
        id: randomUUID(),
        courtId: actor.court.id,
        courtPath: actor.court.path,
        courtName: actor.court.name,
        kind: input.kind,
        number: input.number,
        proposer: input.proposer,
        title: input.title,
        content: input.content,
        receivedOn: input.receivedOn,
        dueOn: due.value,
        registeredAt: clock.now(),
        registeredBy: actor.userId,
        registeredByName: actor.displayName,
      })
      .onConflictDoNothing()
      .returning();
    // Registered meanwhile under the same number.
    if (!row)
      throw invalidField('number', '该编号已登记', 'A suggestion or proposal of this number is registered');
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'service.proposal.register',
      objectType: 'proposal',
      objectId: row.id,
      detail: { kind: row.kind, number: row.number, dueOn: row.dueOn },
    });
    return deputyProposalView(row, today);
  });
}

/** 交办: a court leader assigns the proposal to an officer of its court, who finds it in their inbox. */
export async function assignDeputyProposal(
  db: Db,
  actor: Actor,
  proposalId: string,
  input: TAssignDeputyProposal,
): Promise<TDeputyProposal> {
  assertDeputyProposalLeader(actor);
  return db.transaction(async (tx) => {
    const p = await findDeputyProposal(tx, proposalId, { forUpdate: true });
    if (!p || !isCourtRecordInScope(actor, p.courtPath)) throw deputyProposalNotFound();
    if (p.state === 'answered')
      throw new AppError(ErrorCode.conflict, bi('该建议提案已答复', 'The proposal is already answered'));
    const [user] = await listUsersByIds(tx, [input.userId]);
    if (
      !user ||
      user.disabled ||
      user.court.id !== p.courtId ||
      !user.roles.some((r) => counterRoles.some((c) => c === r))
    ) {
      throw invalidField(
        'userId',
        '承办人应为本院在职执行人员',
        'The officer must be an active officer of the court',
      );
    }
    const now = clock.now();
    const [row] = await tx
      .update(deputyProposals)
      .set({ state: 'assigned', assigneeId: user.id, assigneeName: user.displayName, assignedAt: now })
      .where(eq(deputyProposals.id, p.id))
      .returning();
    if (!row) throw deputyProposalNotFound();
    await queueInApp(tx, {
      dedupeKey: `service.proposal:${p.id}:${now.getTime()}`,
      userIds: [user.id],
      title: `${kindNames[p.kind]}待答复：${p.number}`,
      body: `${p.proposer}《${p.title}》已交由您办理，请于${p.dueOn}前答复。`,
      kind: 'service.proposal',
      courtId: p.courtId,
    });
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'service.proposal.assign',
      objectType: 'proposal',
      objectId: p.id,
      detail: { assigneeId: user.id },
    });
    return deputyProposalView(row);
  });
}

/** 答复: the officer it was assigned to answers, and says whether the reply may be published. */
export async function answerDeputyProposal(
  db: Db,
  actor: Actor,
  proposalId: string,
  input: TAnswerDeputyProposal,
): Promise<TDeputyProposal> {
  return db.transaction(async (tx) => {
    const p = await findDeputyProposal(tx, proposalId, { forUpdate: true });
    // Addressed to its assignee: for anyone else it does not exist.
    if (!p || p.assigneeId === null || p.assigneeId !== actor.userId) throw deputyProposalNotFound();
    if (p.state === 'answered')
      throw new AppError(ErrorCode.conflict, bi('该建议提案已答复', 'The proposal is already answered'));
    const now = clock.now();
    const today = clock.today();
    const [row] = await tx
      .update(deputyProposals)
      .set({
        state: 'answered',
        reply: input.reply,
        isPublishable: input.isPublishable,
        answeredOn: today,
        answeredAt: now,
      })
      .where(eq(deputyProposals.id, p.id))
      .returning();
    if (!row) throw deputyProposalNotFound();
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'service.proposal.answer',
      objectType: 'proposal',
      objectId: p.id,
      detail: { isPublishable: input.isPublishable, isLate: today > p.dueOn },
    });
    return deputyProposalView(row, today);
  });
}

/** The proposals of the officer's court and the courts below it, the nearest reply day first. */
export async function listDeputyProposals(
  db: Db,
  actor: Actor,
  query: { state?: TDeputyProposalState },
): Promise<TDeputyProposalList> {
  assertCounterStaff(actor);
  const rows = await db
    .select()
    .from(deputyProposals)
    .where(
      and(
        like(deputyProposals.courtPath, `${dataScopePrefix(actor)}%`),
        query.state === undefined ? undefined : eq(deputyProposals.state, query.state),
      ),
    )
    .orderBy(asc(deputyProposals.dueOn), asc(deputyProposals.id))
    .limit(500);
  const today = clock.today();
  return { items: rows.map((r) => deputyProposalView(r, today)) };
}
