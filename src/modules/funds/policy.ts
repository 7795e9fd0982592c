import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import type { CaseContext } from '../cases/index.ts';
import { type Actor, hasRole, Role } from '../identity/index.ts';

/** Who may do what with a case's money (the routes declare the same in `config.access`). */

function forbid(zh: string, en: string): never {
  throw new AppError(ErrorCode.forbidden, bi(zh, en));
}

function isLeaderOf(actor: Actor, courtId: string): boolean {
  return hasRole(actor, Role.courtLeader) && actor.court.id === courtId;
}

/** Payee accounts and disbursement proposals: the case team. */
export function assertCaseTeam(_actor: Actor, c: CaseContext): void {
  if (!c.isTeamMember)
    forbid('只有本案执行团队可以办理执行款', 'Only the case team may handle the case’s money');
}

/** Approving or rejecting a disbursement: a leader of the case's own court. */
export function assertCanApprove(actor: Actor, courtId: string): void {
  if (!isLeaderOf(actor, courtId))
    forbid('只有本院院领导可以审批', 'Only a leader of the case’s court may approve');
}

/** The claim queue is read by the court's officers. */
export function assertCanReadClaimQueue(actor: Actor): void {
  if (!hasRole(actor, Role.judge, Role.assistant, Role.clerk, Role.courtLeader))
    forbid(
      '只有法官、法官助理、书记员和院领导可以查看待认领款项',
      'Only judges, assistants, clerks and court leaders see the claim queue',
    );
}

/** A queued payment is claimed for a case by its team or a leader of its court. */
export function assertCanClaim(actor: Actor, c: CaseContext): void {
  if (!c.isTeamMember && !isLeaderOf(actor, c.courtId))
    forbid('只有本案执行团队或本院院领导可以认领', 'Only the case team or a court leader may claim it');
}

/** Allocating by decision: the case judge, or a leader of the case's court. */
export function assertCanAllocate(actor: Actor, c: CaseContext): void {
  if (c.team.judgeId !== actor.userId && !isLeaderOf(actor, c.courtId))
    forbid('只有承办法官或本院院领导可以决定分配', 'Only the case judge or a court leader may allocate');
}
