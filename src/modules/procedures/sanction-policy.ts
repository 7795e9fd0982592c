import type { DbOrTx } from '../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import type { CaseContext } from '../cases/index.ts';
import { type Actor, getCourt, hasRole, Role } from '../identity/index.ts';

/**
 * Who acts on a sanction (CPL art. 119). Outside the data scope the case — and so its sanctions —
 * does not exist (loadCaseContext answers 404 first); inside it, each step has its own people.
 */
type CaseOf = Pick<CaseContext, 'team' | 'courtId'>;

function forbid(zh: string, en: string): never {
  throw new AppError(ErrorCode.forbidden, bi(zh, en));
}

/** A sanction is proposed by the case judge. */
export function assertCanPropose(actor: Actor, c: CaseOf): void {
  if (actor.userId !== c.team.judgeId) {
    forbid('只有本案承办法官可以提请司法制裁', 'Only the case judge may propose a sanction');
  }
}

/** CPL art. 119: fines and detention (and their early end, CPL-I art. 182) need the court president's approval. */
export function assertCourtLeaderOf(actor: Actor, c: CaseOf): void {
  if (!hasRole(actor, Role.courtLeader) || actor.court.id !== c.courtId) {
    forbid('须经本院院长批准', "Only a court leader of the case's court may approve");
  }
}

/** Payments, review applications and public security's replies are entered by the case team. */
export function assertSanctionTeam(actor: Actor, c: CaseOf): void {
  if (![c.team.judgeId, c.team.assistantId, c.team.clerkId].includes(actor.userId)) {
    forbid(
      '只有本案承办法官、法官助理或书记员可以办理',
      'Only the case judge, assistant or clerk may record this',
    );
  }
}

/**
 * The court one level above the case's court: a detached tribunal (派出法庭) is part of its basic
 * court, whose higher court reviews.
 */
export async function higherCourtIdOf(db: DbOrTx, courtId: string): Promise<string | null> {
  const court = await getCourt(db, courtId);
  if (!court?.parentId) return null;
  if (court.level !== 'detachedTribunal') return court.parentId;
  return (await getCourt(db, court.parentId))?.parentId ?? null;
}

/** CPL art. 119: the review is decided by a judge or court leader of the next higher court. */
export async function assertHigherCourtOf(db: DbOrTx, actor: Actor, c: CaseOf): Promise<void> {
  const higher = await higherCourtIdOf(db, c.courtId);
  if (!hasRole(actor, Role.judge, Role.courtLeader) || higher === null || actor.court.id !== higher) {
    forbid('复议由上一级人民法院决定', 'The review is decided by the next higher court');
  }
}
