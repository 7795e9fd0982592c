import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import type { CaseContext } from '../cases/index.ts';
import type { Actor } from '../identity/index.ts';

/**
 * Who acts on audit investigations: the case judge, assistant or clerk records the applicant's
 * written application; the case judge decides it and draws the auditor (财产调查规定 arts. 17–18).
 */
type TeamOf = Pick<CaseContext, 'team'>;

function forbid(zh: string, en: string): never {
  throw new AppError(ErrorCode.forbidden, bi(zh, en));
}

export function assertAuditRecorder(actor: Actor, c: TeamOf): void {
  if (![c.team.judgeId, c.team.assistantId, c.team.clerkId].includes(actor.userId)) {
    forbid(
      '只有本案承办法官、法官助理或书记员可以登记审计申请',
      'Only the case judge, assistant or clerk may record an audit application',
    );
  }
}

export function assertAuditJudge(actor: Actor, c: TeamOf): void {
  if (c.team.judgeId !== actor.userId) {
    forbid('只有承办法官可以决定审计并摇号', 'Only the case judge may decide an audit and draw the auditor');
  }
}
