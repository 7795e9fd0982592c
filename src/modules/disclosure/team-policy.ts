import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import type { CaseContext } from '../cases/index.ts';
import type { Actor } from '../identity/index.ts';

/**
 * Who on the court's side acts on reward notices and investigation orders: the case judge decides
 * them; the case team reads and verifies. Outside the data scope the case — and so its notices and
 * orders — does not exist (loadCaseContext answers 404 before these run).
 */
export function assertCaseJudge(actor: Actor, c: Pick<CaseContext, 'team'>): void {
  if (c.team.judgeId !== actor.userId) {
    throw new AppError(ErrorCode.forbidden, bi('只有承办法官可以作出决定', 'Only the case judge may decide'));
  }
}

export function assertCaseTeam(c: Pick<CaseContext, 'isTeamMember'>): void {
  if (!c.isTeamMember) {
    throw new AppError(ErrorCode.forbidden, bi('只有本案执行团队可以办理', 'Only the case team may do this'));
  }
}
