import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { chinaDateOf } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { publishEvent } from '../../../platform/events.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import { loadCaseInScope, refreshNextDeadline } from '../case-store.ts';
import { caseNodeRecorded } from '../events.ts';
import { assertCanRecordNode } from '../policy.ts';
import { isNodeKind, isRecordedFromFunds, NodeKind } from '../rules/deadlines.ts';
import { hasControlCharacters } from '../rules/free-text.ts';
import { cases, nodes } from '../tables.ts';

export type RecordNodeInput = {
  kind: string;
  note?: string | null;
  occurredOn?: string | null;
  documents?: { name: string }[];
};

/** The status a node moves the case to (a filed case is in progress from its first step). */
function statusAfter(current: string, kind: string): string {
  if (kind === NodeKind.suspended) return 'suspended';
  if (kind === NodeKind.resumed) return 'inProgress';
  return current === 'filed' ? 'inProgress' : current;
}

/**
 * Records a step on the case timeline. Flows record the nodes other modules produce ("online
 * inquiry done", "assets controlled") in the officer's name with `opts.sourceKey`, the key of what
 * caused the node: a second call with the same key returns the node already recorded.
 */
export async function recordNode(
  db: DbOrTx,
  actor: Actor,
  caseId: string,
  input: RecordNodeInput,
  opts: { now?: Date; sourceKey?: string } = {},
) {
  // Filing and team assignment have their own use cases; every other step is recorded here.
  if (!isNodeKind(input.kind) || input.kind === NodeKind.filed || input.kind === NodeKind.officerAssigned) {
    throw invalidField('kind', '不支持的节点类型', 'Unknown or non-recordable node kind');
  }
  // Payouts and payout delays are recorded from the funds module (a flow with its source), never by hand.
  if (isRecordedFromFunds(input.kind) && opts.sourceKey === undefined) {
    throw invalidField(
      'kind',
      '执行款发放及延期发放由系统根据执行款记录登记',
      'Payouts and payout delays are recorded from the case’s funds',
    );
  }
  const today = chinaDateOf(opts.now ?? clock.now());
  const occurredOn = input.occurredOn ?? today;
  if (occurredOn > today)
    throw invalidField('occurredOn', '节点日期不能晚于今天', 'Node date cannot be in the future');
  if (input.note && hasControlCharacters(input.note, { allowLineBreaks: true })) {
    throw invalidField('note', '备注包含控制字符', 'Note contains control characters');
  }
  return db.transaction(async (tx) => {
    const c = await loadCaseInScope(tx, actor, caseId, { forUpdate: true });
    if (opts.sourceKey !== undefined) {
      const [recorded] = await tx
        .select()
        .from(nodes)
        .where(and(eq(nodes.caseId, c.id), eq(nodes.sourceKey, opts.sourceKey)));
      if (recorded) {
        const { id, kind, note, documents } = recorded;
        return { id, kind, occurredOn: recorded.occurredOn, note, documents };
      }
    }
    assertCanRecordNode(actor, c);
    if (c.status === 'closed') throw new AppError(ErrorCode.conflict, bi('案件已结案', 'The case is closed'));
    if (occurredOn < c.filedOn)
      throw invalidField('occurredOn', '节点日期不能早于立案日期', 'Node date cannot precede filing');
    if (input.kind === NodeKind.resumed && c.status !== 'suspended') {
      throw new AppError(ErrorCode.conflict, bi('案件未中止，无需恢复', 'The case is not suspended'));
    }
    if (input.kind === NodeKind.suspended && c.status === 'suspended') {
      throw new AppError(ErrorCode.conflict, bi('案件已中止', 'The case is already suspended'));
    }
    const node = {
      id: randomUUID(),
      caseId: c.id,
      kind: input.kind,
      occurredOn,
      actorId: actor.userId,
      actorName: actor.displayName,
      note: input.note?.trim() ?? '',
      documents: input.documents ?? [],
      recordedAt: clock.now(),
      sourceKey: opts.sourceKey ?? null,
    };
    await tx.insert(nodes).values(node);
    const status = statusAfter(c.status, input.kind);
    if (status !== c.status) await tx.update(cases).set({ status }).where(eq(cases.id, c.id));
    await refreshNextDeadline(tx, { ...c, status }, today);
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'case.node.record',
      objectType: 'case',
      objectId: c.id,
      detail: { kind: input.kind, occurredOn },
    });
    await publishEvent(
      tx,
      caseNodeRecorded,
      { caseId: c.id, kind: input.kind, occurredOn, nodeId: node.id },
      { aggregateId: c.id },
    );
    return { id: node.id, kind: node.kind, occurredOn, note: node.note, documents: node.documents };
  });
}
