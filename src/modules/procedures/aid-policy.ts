import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import type { CaseContext } from '../cases/index.ts';
import { type Actor, hasRole, Role, requireRole } from '../identity/index.ts';

/**
 * Who acts on judicial aid (司法救助) and on the special-case list. Outside the data scope the case
 * — and so its aid — does not exist (loadCaseContext answers 404 first). The routes declare the same.
 */
type CaseOf = Pick<CaseContext, 'team' | 'courtId'>;

function forbid(zh: string, en: string): never {
  throw new AppError(ErrorCode.forbidden, bi(zh, en));
}

function isLeaderOf(actor: Actor, courtId: string): boolean {
  return hasRole(actor, Role.courtLeader) && actor.court.id === courtId;
}

/** The case judge applies on the applicant's behalf. */
export function assertAidJudge(actor: Actor, c: CaseOf): void {
  if (actor.userId !== c.team.judgeId) {
    forbid('只有本案承办法官可以提出司法救助申请', 'Only the case judge may file a judicial aid application');
  }
}

/** The aid of a case (hardship facts: personal data) is read by the case team and the court's leaders. */
export function assertAidReader(actor: Actor, c: CaseOf): void {
  const team = [c.team.judgeId, c.team.assistantId, c.team.bailiffId, c.team.clerkId];
  if (!team.includes(actor.userId) && !isLeaderOf(actor, c.courtId)) {
    forbid(
      '只有本案执行团队或本院院领导可以查看司法救助',
      'Only the case team or a leader of the court may read the case’s judicial aid',
    );
  }
}

/** A leader of the case's court decides (审批). */
export function assertAidDecider(actor: Actor, c: CaseOf): void {
  if (!isLeaderOf(actor, c.courtId)) {
    forbid('只有本院院领导可以审批司法救助', 'Only a leader of the case’s court may decide on judicial aid');
  }
}

/** The payment is recorded by the case judge or assistant, or a leader of the case's court. */
export function assertAidPayer(actor: Actor, c: CaseOf): void {
  const isTeam = actor.userId === c.team.judgeId || actor.userId === c.team.assistantId;
  if (!isTeam && !isLeaderOf(actor, c.courtId)) {
    forbid(
      '只有本案承办法官、法官助理或本院院领导可以登记救助金发放',
      'Only the case judge or assistant, or a leader of the court, may record the aid payment',
    );
  }
}

/** A court leader sets the court's monthly wage, the base of the aid. */
export function assertWageSetter(actor: Actor): void {
  requireRole(actor, Role.courtLeader);
}

/** The roles that read the special-case list (court staff working cases). */
export const specialCaseReaders = [
  Role.judge,
  Role.assistant,
  Role.bailiff,
  Role.clerk,
  Role.courtLeader,
  Role.commandCentre,
] as const;

export function assertSpecialCaseReader(actor: Actor): void {
  requireRole(actor, ...specialCaseReaders);
}
