import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import type { CaseContext } from '../cases/index.ts';
import { type Actor, hasRole, Role } from '../identity/index.ts';

/**
 * Who acts on a referral for bankruptcy review (执转破). Outside the data scope the case — and so
 * its referrals — does not exist (loadCaseContext answers 404 first). The routes declare the same.
 */
type CaseOf = Pick<CaseContext, 'team' | 'courtId'>;

function forbid(zh: string, en: string): never {
  throw new AppError(ErrorCode.forbidden, bi(zh, en));
}

/** The case judge proposes the referral (CPL-I art. 511: the enforcing court decides on consent). */
export function assertReferralJudge(actor: Actor, c: CaseOf): void {
  if (actor.userId !== c.team.judgeId) {
    forbid(
      '只有本案承办法官可以决定移送破产审查',
      'Only the case judge may refer the case for bankruptcy review',
    );
  }
}

/** The receiving court's ruling is recorded by the case judge or a leader of the case's court (who may close it). */
export function assertOutcomeRecorder(actor: Actor, c: CaseOf): void {
  const isLeader = hasRole(actor, Role.courtLeader) && actor.court.id === c.courtId;
  if (actor.userId !== c.team.judgeId && !isLeader) {
    forbid(
      '只有本案承办法官或本院院领导可以登记破产审查结果',
      'Only the case judge or a leader of the court may record the bankruptcy ruling',
    );
  }
}
