import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import type { CaseContext } from '../cases/index.ts';
import { type Actor, hasRole, Role } from '../identity/index.ts';

/**
 * Who may act on a case's documents. Outside the data scope the case — and its documents, files
 * and records — does not exist (loadCaseContext answers 404 before these run).
 */
function forbid(zh: string, en: string): never {
  throw new AppError(ErrorCode.forbidden, bi(zh, en));
}

/** Documents are drafted by the case team's judge, assistant or clerk. */
export function assertCanIssue(actor: Actor, c: Pick<CaseContext, 'team'>): void {
  const { judgeId, assistantId, clerkId } = c.team;
  if (![judgeId, assistantId, clerkId].includes(actor.userId)) {
    forbid(
      '只有本案承办法官、法官助理或书记员可以制作文书',
      'Only the case judge, assistant or clerk may issue documents',
    );
  }
}

/**
 * The court's seal is applied by the case judge or a court leader of the case's own court — the
 * people who sign for the court (执行文书由院长、承办法官签发).
 */
export function assertCanSeal(actor: Actor, c: Pick<CaseContext, 'team' | 'courtId'>): void {
  const isLeader = hasRole(actor, Role.courtLeader) && actor.court.id === c.courtId;
  if (c.team.judgeId !== actor.userId && !isLeader) {
    forbid(
      '只有承办法官或院领导可以加盖院印',
      'Only the case judge or a court leader may apply the court’s seal',
    );
  }
}

/** Service, uploads and field records: any member of the case team. */
export function assertCaseTeam(c: Pick<CaseContext, 'isTeamMember'>): void {
  if (!c.isTeamMember) forbid('只有本案执行团队可以办理', 'Only the case team may do this');
}
