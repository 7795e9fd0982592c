import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import type { CaseContext } from '../../cases/index.ts';
import { type Actor, hasRole, Role } from '../../identity/index.ts';

/**
 * Who acts on an application to add a respondent (变更追加规定 art. 28). Outside the data scope
 * the case — and so its applications — does not exist (loadCaseContext answers 404 first).
 */
type CaseOf = Pick<CaseContext, 'team' | 'courtId'>;

function forbid(zh: string, en: string): never {
  throw new AppError(ErrorCode.forbidden, bi(zh, en));
}

/** The applicant's written application and the hearing record are entered by the case judge, assistant or clerk. */
export function assertAdditionTeam(actor: Actor, c: CaseOf): void {
  if (![c.team.judgeId, c.team.assistantId, c.team.clerkId].includes(actor.userId)) {
    forbid(
      '只有本案承办法官、法官助理或书记员可以办理变更、追加申请',
      'Only the case judge, assistant or clerk may handle an application to add a respondent',
    );
  }
}

function isCourtLeaderOf(actor: Actor, c: CaseOf): boolean {
  return hasRole(actor, Role.courtLeader) && actor.court.id === c.courtId;
}

/** The ruling is signed by the case judge (for the collegial panel) or a court leader of the case's court. */
export function assertCanRule(actor: Actor, c: CaseOf): void {
  if (actor.userId !== c.team.judgeId && !isCourtLeaderOf(actor, c)) {
    forbid(
      '只有本案承办法官或本院院领导可以作出变更、追加裁定',
      "Only the case judge or a court leader of the case's court may rule on the application",
    );
  }
}

/** Art. 28: the 60 days are extended with the approval of the president (a court leader of the case's court). */
export function assertCanExtend(actor: Actor, c: CaseOf): void {
  if (!isCourtLeaderOf(actor, c)) {
    forbid('延长审查期限须经本院院长批准', "Only a court leader of the case's court may extend the period");
  }
}
