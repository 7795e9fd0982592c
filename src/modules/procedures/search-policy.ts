import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import type { CaseContext } from '../cases/index.ts';
import { type Actor, hasRole, Role } from '../identity/index.ts';

/**
 * Who acts on a search (CPL art. 259): the case judge asks for the warrant, a court leader of the
 * case's court signs it (院长签发), the case team searches and records it.
 */
type CaseOf = Pick<CaseContext, 'courtId' | 'team' | 'isTeamMember'>;

function forbid(zh: string, en: string): never {
  throw new AppError(ErrorCode.forbidden, bi(zh, en));
}

export function assertSearchRequester(actor: Actor, c: CaseOf): void {
  if (c.team.judgeId !== actor.userId)
    forbid('只有承办法官可以申请搜查令', 'Only the case judge may ask for a search warrant');
}

export function assertWarrantSigner(actor: Actor, c: CaseOf): void {
  if (!(hasRole(actor, Role.courtLeader) && actor.court.id === c.courtId))
    forbid('只有本院院领导可以签发搜查令', 'Only a court leader of the court may sign a search warrant');
}

export function assertSearchTeam(c: CaseOf): void {
  if (!c.isTeamMember) forbid('只有本案执行团队可以录入搜查笔录', 'Only the case team may record the search');
}
