import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import { type Actor, hasRole, Role } from '../identity/index.ts';

type TeamOf = {
  judgeId: string | null;
  assistantId: string | null;
  bailiffId: string | null;
  clerkId: string | null;
};
type CaseRef = TeamOf & { courtId: string };

export function isTeamMember(actor: Actor, c: TeamOf): boolean {
  return [c.judgeId, c.assistantId, c.bailiffId, c.clerkId].includes(actor.userId);
}

function forbid(zh: string, en: string): never {
  throw new AppError(ErrorCode.forbidden, bi(zh, en));
}

/** 立案: filing officers of the court (judges, assistants, clerks). */
export function assertCanFile(actor: Actor): void {
  if (!hasRole(actor, Role.judge, Role.assistant, Role.clerk)) {
    forbid('只有执行法官、法官助理或书记员可以立案', 'Only judges, assistants and clerks may file cases');
  }
}

/** Nodes are recorded by the case team. */
export function assertCanRecordNode(actor: Actor, c: CaseRef): void {
  if (!isTeamMember(actor, c)) forbid('只有本案执行团队可以记录节点', 'Only the case team may record nodes');
}

/** Closing is the case judge's decision, or a court leader's of the same court. */
export function assertCanClose(actor: Actor, c: CaseRef): void {
  const isLeader = hasRole(actor, Role.courtLeader) && actor.court.id === c.courtId;
  if (c.judgeId !== actor.userId && !isLeader)
    forbid('只有承办法官或院领导可以结案', 'Only the case judge or a court leader may close');
}

/** Restoration: the old case's team, or a judge or court leader of the same court. */
export function assertCanRestore(actor: Actor, c: CaseRef): void {
  const isSameCourtDecider = actor.court.id === c.courtId && hasRole(actor, Role.judge, Role.courtLeader);
  if (!isTeamMember(actor, c) && !isSameCourtDecider) forbid('无权恢复执行', 'You may not restore this case');
}

/** Assigning a team: a court leader of the court, or the command centre of the court. */
export function assertCanAssignTeam(actor: Actor, c: CaseRef): void {
  const isSameCourt = actor.court.id === c.courtId;
  const isCurrentJudge = c.judgeId === actor.userId;
  if (!(isSameCourt && hasRole(actor, Role.courtLeader, Role.commandCentre)) && !isCurrentJudge) {
    forbid(
      '只有院领导、指挥中心或承办法官可以分配执行团队',
      'Only a court leader, the command centre or the case judge may assign a team',
    );
  }
}
