import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import type { CaseContext } from '../../cases/index.ts';
import type { CaseAccess } from '../../disclosure/index.ts';
import type { Actor } from '../../identity/index.ts';

/**
 * Who may do what with the good-faith measures (the routes declare the same in `config.access`).
 * Outside the data scope the case — and so its self-disposals — does not exist (loadCaseContext
 * answers 404 before these run).
 */

function forbid(zh: string, en: string): never {
  throw new AppError(ErrorCode.forbidden, bi(zh, en));
}

/**
 * Setting a self-disposal's period and lowest price, and approving a seal's replacement or
 * financing with sealed property: the court's decision, taken by the case judge.
 */
export function assertCaseJudge(actor: Actor, c: Pick<CaseContext, 'team'>): void {
  if (c.team.judgeId === null || c.team.judgeId !== actor.userId)
    forbid('只有承办法官可以作出此项决定', 'Only the case judge decides this');
}

/** The agreed sale is recorded by the judge, the assistant or the clerk of the case. */
export function assertCanRecordSale(actor: Actor, c: Pick<CaseContext, 'team'>): void {
  const { judgeId, assistantId, clerkId } = c.team;
  if (![judgeId, assistantId, clerkId].includes(actor.userId))
    forbid(
      '只有本案承办法官、法官助理或书记员可以登记成交',
      'Only the case judge, assistant or clerk records the sale',
    );
}

/** On the portal only a respondent (or the respondent's lawyer) applies to sell its own asset. */
export function respondentSeatsOf(access: CaseAccess): string[] {
  const seats = access.seats.filter((s) => s.role === 'respondent').map((s) => s.partyId);
  if (seats.length === 0)
    forbid('只有被执行人可以申请自行处置', 'Only the respondent applies to sell its property itself');
  return seats;
}
