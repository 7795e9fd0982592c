import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import { type Actor, hasRole, type Role } from './actor.ts';

/**
 * Data scope by court hierarchy, the one rule every query obeys: a user sees the cases of their
 * own court and of every court below it (a basic court its own, an intermediate court its
 * district's, a high court its province's, the SPC all). Courts are stored with their path of
 * ids from the root, so "below" is a prefix match.
 */
export function dataScopePrefix(actor: Actor): string {
  return actor.court.path;
}

export function isInScope(actor: Actor, courtPath: string): boolean {
  return courtPath.startsWith(actor.court.path);
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) {
    throw new AppError(ErrorCode.forbidden, bi('您的角色无权执行此操作', 'Your role may not do this'));
  }
}
