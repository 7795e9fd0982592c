import type { Tx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { type CaseContext, recordNode } from '../../cases/index.ts';
import { type Actor, loadActorByUserId } from '../../identity/index.ts';

/**
 * A procedure's step on the case timeline. The cases module takes nodes from the case team only:
 * when the actor is not on it (a court leader recording a ruling or a payment), the node goes in
 * the case judge's name with who acted in its note — as the flows record what other modules did.
 * Keyed by `sourceKey`, so a retried request records nothing twice.
 */
export async function recordTeamNode(
  tx: Tx,
  actor: Actor,
  c: CaseContext,
  input: { kind: string; note: string; occurredOn?: string },
  sourceKey: string,
): Promise<{ id: string }> {
  let author: Actor | null = actor;
  let note = input.note;
  if (!c.isTeamMember) {
    author = c.team.judgeId ? await loadActorByUserId(tx, c.team.judgeId) : null;
    note = `${note}（${actor.displayName}登记）`;
  }
  if (!author) {
    throw new AppError(
      ErrorCode.conflict,
      bi('案件尚无承办法官，无法记录节点', 'The case has no judge to record the step on its timeline'),
    );
  }
  return recordNode(tx, author, c.id, { ...input, note }, { sourceKey });
}
