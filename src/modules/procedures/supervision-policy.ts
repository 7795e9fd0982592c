import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import type { CaseContext } from '../cases/index.ts';
import { type Actor, hasRole, Role } from '../identity/index.ts';

/**
 * Who acts on procuratorial supervision on the court's side. Outside the data scope the case — and
 * so its supervision — does not exist (loadCaseContext answers 404 before these run); a procurator
 * is outside every court's scope, so nothing of a case is written by one but recommendations.
 */
type CaseOf = Pick<CaseContext, 'courtId' | 'team'>;

function forbid(zh: string, en: string): never {
  throw new AppError(ErrorCode.forbidden, bi(zh, en));
}

/** A court leader or the command centre of the case's court, or the command centre of a court above it. */
export function assertCanPlaceSupervision(actor: Actor, c: CaseOf): void {
  const isSameCourt = actor.court.id === c.courtId;
  const isOwnCourt = isSameCourt && hasRole(actor, Role.courtLeader, Role.commandCentre);
  const isAbove = !isSameCourt && hasRole(actor, Role.commandCentre);
  if (!isOwnCourt && !isAbove) {
    forbid(
      '只有本院院领导、执行指挥中心或上级法院执行指挥中心可以将案件纳入检察监督',
      'Only a court leader or the command centre of the court, or a higher court’s command centre, may place a case under supervision',
    );
  }
}

/** 监督规定 art. 13: the court replies — the case judge, or a court leader of the case's court. */
export function assertCanReply(actor: Actor, c: CaseOf): void {
  const isLeader = hasRole(actor, Role.courtLeader) && actor.court.id === c.courtId;
  if (c.team.judgeId !== actor.userId && !isLeader) {
    forbid(
      '只有承办法官或本院院领导可以回复检察建议',
      'Only the case judge or a court leader of the court may reply to a recommendation',
    );
  }
}
