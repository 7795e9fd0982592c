import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import type { RouteAccess } from '../../platform/http/access.ts';
import { type Actor, hasRole, isInScope, Role } from '../identity/index.ts';

type CaseTeam = {
  judgeId: string | null;
  assistantId: string | null;
  bailiffId: string | null;
  clerkId: string | null;
};
type CaseRef = { courtId: string; team: CaseTeam };

function forbid(zh: string, en: string): never {
  throw new AppError(ErrorCode.forbidden, bi(zh, en));
}

/** 失信规定 art. 5, 限消规定 art. 4: the court president (a court leader of that court) signs. */
export function isSignerFor(actor: Actor, courtId: string): boolean {
  return hasRole(actor, Role.courtLeader) && actor.court.id === courtId;
}

function isJudgeOrAssistantOf(actor: Actor, team: CaseTeam): boolean {
  return actor.userId === team.judgeId || actor.userId === team.assistantId;
}

/** The routes' declared access (platform/http/access.ts), one per rule below. */
export const proposers: RouteAccess = {
  kind: 'case',
  seats: ['judge', 'assistant'],
  courtRoles: [Role.courtLeader],
};
export const deciders: RouteAccess = { kind: 'case', seats: ['judge'], courtRoles: [Role.courtLeader] };
export const signers: RouteAccess = { kind: 'case', courtRoles: [Role.courtLeader] };
export const higherCourtReviewers: RouteAccess = { kind: 'case', higherCourtRoles: [Role.courtLeader] };

/** Proposing a listing, ordering a restriction: the case's judge or assistant, or a court leader of the court. */
export function assertCanPropose(actor: Actor, c: CaseRef): void {
  if (!isJudgeOrAssistantOf(actor, c.team) && !isSignerFor(actor, c.courtId)) {
    forbid(
      '只有本案承办法官、法官助理或本院院领导可以采取信用惩戒措施',
      'Only the case judge or assistant, or a court leader, may do this',
    );
  }
}

/** Deleting, revoking, lifting, deciding corrections: the case judge or a court leader of the court. */
export function assertCanDecide(actor: Actor, c: CaseRef): void {
  if (actor.userId !== c.team.judgeId && !isSignerFor(actor, c.courtId)) {
    forbid(
      '只有本案承办法官或本院院领导可以作出该决定',
      'Only the case judge or a court leader may decide this',
    );
  }
}

/** Approving a listing: the president's signature (失信规定 art. 5). */
export function assertCanSign(actor: Actor, courtId: string): void {
  if (!isSignerFor(actor, courtId)) {
    forbid(
      '纳入失信名单决定须由本院院长（院领导）签发',
      'A listing decision is signed by a court leader of the deciding court',
    );
  }
}

/** 失信规定 art. 12: the higher court's review, by a court leader of a court above the deciding one. */
export function assertCanReviewAsHigherCourt(actor: Actor, courtPath: string): void {
  const isAbove = isInScope(actor, courtPath) && actor.court.path !== courtPath;
  if (!hasRole(actor, Role.courtLeader) || !isAbove) {
    forbid('复议由上一级人民法院院领导决定', 'The review is decided by a court leader of a higher court');
  }
}
