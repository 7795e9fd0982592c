import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type Actor, getTeam } from '../../identity/index.ts';
import { loadCaseInScope, refreshNextDeadline } from '../case-store.ts';
import { assertCanAssignTeam } from '../policy.ts';
import { NodeKind } from '../rules/deadlines.ts';
import { cases, nodes } from '../tables.ts';

/** Assigns (or reassigns) the case to a team of the case's court. */
export async function assignTeam(db: Db, actor: Actor, caseId: string, teamId: string) {
  const today = clock.today();
  return db.transaction(async (tx) => {
    const c = await loadCaseInScope(tx, actor, caseId, { forUpdate: true });
    assertCanAssignTeam(actor, c);
    if (c.status === 'closed') throw new AppError(ErrorCode.conflict, bi('案件已结案', 'The case is closed'));
    const team = await getTeam(tx, teamId);
    if (!team || team.court.id !== c.courtId)
      throw invalidField('teamId', '执行团队不属于本案法院', 'The team is not of this court');
    const members = {
      teamId: team.id,
      judgeId: team.judge?.id ?? null,
      assistantId: team.assistant?.id ?? null,
      bailiffId: team.bailiff?.id ?? null,
      clerkId: team.clerk?.id ?? null,
    };
    await tx.update(cases).set(members).where(eq(cases.id, c.id));
    await tx.insert(nodes).values({
      id: randomUUID(),
      caseId: c.id,
      kind: NodeKind.officerAssigned,
      occurredOn: today,
      actorId: actor.userId,
      actorName: actor.displayName,
      note: team.name,
      recordedAt: clock.now(),
    });
    await refreshNextDeadline(tx, { ...c, ...members }, today);
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'case.team.assign',
      objectType: 'case',
      objectId: c.id,
      detail: { teamId: team.id },
    });
    return { teamId: team.id };
  });
}
