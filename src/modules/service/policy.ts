import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import { type Actor, hasRole, isInScope, Role } from '../identity/index.ts';

/**
 * Who may do what at the service window. The counter is worked by any officer of the bureau — the
 * case teams' people, the command centre it belongs to (seed 003 item 48: 在执行指挥中心下建立执行事务中心)
 * and the court's leaders — within their data scope: a visit of another court does not exist for
 * them. Deputies' proposals are registered and assigned by a court leader and answered by the
 * officer they are assigned to.
 */
export const counterRoles = [
  Role.judge,
  Role.assistant,
  Role.bailiff,
  Role.clerk,
  Role.commandCentre,
  Role.courtLeader,
] as const;

/** Route access: the counter's own work (a visit is registered at the officer's own court). */
export const counterStaff = { kind: 'signedIn', roles: [...counterRoles] } as const;
/** Route access: a visit or proposal of a court, for these roles within their scope. */
export const counterOfCourt = { kind: 'court', roles: [...counterRoles] } as const;
/** Route access: proposals registered and assigned by a court leader. */
export const deputyProposalLeaders = [Role.courtLeader] as const;

function forbid(zh: string, en: string): never {
  throw new AppError(ErrorCode.forbidden, bi(zh, en));
}

export function assertCounterStaff(actor: Actor): void {
  if (!hasRole(actor, ...counterRoles))
    forbid(
      '只有执行局工作人员可以办理窗口事务',
      'Only officers of the enforcement bureau work the service window',
    );
}

export function assertDeputyProposalLeader(actor: Actor): void {
  if (!hasRole(actor, ...deputyProposalLeaders))
    forbid('只有院领导可以登记和交办建议提案', 'Only a court leader registers and assigns proposals');
}

/** A court's record (a visit, a proposal) is seen by those whose scope covers its court. */
export function isCourtRecordInScope(actor: Actor, courtPath: string): boolean {
  return isInScope(actor, courtPath);
}
