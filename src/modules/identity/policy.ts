import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import { type Actor, hasRole, Role } from './actor.ts';

/**
 * Data scope by court hierarchy, the one rule every query obeys: a user sees the cases of their
 * own court and of every court below it (a basic court its own, an intermediate court its
 * district's, a high court its province's, the SPC all). Courts are stored with their path of
 * ids from the root, so "below" is a prefix match.
 *
 * A grid worker (网格员) is attached to a court for administration but works outside it: they see
 * no case, only the inbox of their areas (credit module). So is a procurator (检察官) of the
 * procuratorate paired with the court: they see only the cases a court has placed under the
 * procuratorate's supervision, through the procedures module's read-only view.
 */
const outsideRoles: readonly Role[] = [Role.gridWorker, Role.procurator];

export function isCourtStaff(actor: Actor): boolean {
  // The system's own actors (scheduled work acting for a court) have no role and are inside.
  return actor.roles.length === 0 || actor.roles.some((role) => !outsideRoles.includes(role));
}

export function dataScopePrefix(actor: Actor): string {
  // No court path contains "#": outside staff get a prefix that matches no court.
  return isCourtStaff(actor) ? actor.court.path : `${actor.court.path}#outside#`;
}

export function isInScope(actor: Actor, courtPath: string): boolean {
  return isCourtStaff(actor) && courtPath.startsWith(actor.court.path);
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) {
    throw new AppError(ErrorCode.forbidden, bi('您的角色无权执行此操作', 'Your role may not do this'));
  }
}
