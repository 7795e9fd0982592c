import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import type { CaseContext } from '../cases/index.ts';
import { type Actor, hasRole, Role } from '../identity/index.ts';

/** Who may do what with a case's valuations (the routes declare the same in `config.access`). */

function forbid(zh: string, en: string): never {
  throw new AppError(ErrorCode.forbidden, bi(zh, en));
}

/** Starting a valuation, lodging an objection, the lottery, an appraiser's extension or report: the case team. */
export function assertValuationTeam(_actor: Actor, c: CaseContext): void {
  if (!c.isTeamMember)
    forbid('只有本案执行团队可以办理询价评估', 'Only the case team may handle the case’s valuations');
}

/** Deciding an objection: the case judge, or a leader of the case's court. */
export function assertCanDecideObjection(actor: Actor, c: CaseContext): void {
  const isLeader = hasRole(actor, Role.courtLeader) && actor.court.id === c.courtId;
  if (c.team.judgeId !== actor.userId && !isLeader)
    forbid(
      '只有承办法官或本院院领导可以审查异议',
      'Only the case judge or a court leader may decide objections',
    );
}

/** The appraisers' roster is kept by system administrators. */
export function assertCanKeepRoster(actor: Actor): void {
  if (!hasRole(actor, Role.admin))
    forbid('只有系统管理员可以维护评估机构名单', 'Only administrators keep the roster of appraisers');
}
