import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import type { CaseContext } from '../cases/index.ts';
import type { Actor } from '../identity/index.ts';

/**
 * Who on the court's side acts on settlements and property reports. Outside the data scope the
 * case — and so its settlements and reports — does not exist (loadCaseContext answers 404 first).
 */
type TeamOf = Pick<CaseContext, 'team'>;

function forbid(zh: string, en: string): never {
  throw new AppError(ErrorCode.forbidden, bi(zh, en));
}

/** A settlement is recorded, paid into and declared defaulted by the case judge or assistant. */
export function assertSettlementTeam(actor: Actor, c: TeamOf): void {
  if (actor.userId !== c.team.judgeId && actor.userId !== c.team.assistantId) {
    forbid(
      '只有本案承办法官或法官助理可以办理执行和解',
      'Only the case judge or assistant may handle a settlement',
    );
  }
}

/** Reports on paper are entered, and refusals recorded, by the case judge, assistant or clerk. */
export function assertReportTeam(actor: Actor, c: TeamOf): void {
  if (![c.team.judgeId, c.team.assistantId, c.team.clerkId].includes(actor.userId)) {
    forbid(
      '只有本案承办法官、法官助理或书记员可以录入财产报告',
      'Only the case judge, assistant or clerk may enter property reports',
    );
  }
}
