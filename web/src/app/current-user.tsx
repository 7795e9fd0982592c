import { createContext, useContext } from 'react';
import type { TRole, TUser } from '../../../src/modules/identity/contracts.ts';

export const CurrentUserContext = createContext<TUser | null>(null);

/** The signed-in user; only inside the auth guard, where there always is one. */
export function useCurrentUser(): TUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser must be used inside <RequireAuth>');
  return user;
}

export function hasAnyRole(user: TUser, ...roles: TRole[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}

/** Members of enforcement teams have cases of their own; leaders and the command centre oversee. */
export function isTeamRole(user: TUser): boolean {
  return hasAnyRole(user, 'judge', 'assistant', 'bailiff', 'clerk');
}

/** 立案 is done by judges, assistants and clerks (the server enforces the same rule). */
export function canFileCases(user: TUser): boolean {
  return hasAnyRole(user, 'judge', 'assistant', 'clerk');
}

/** 执行款管理 (the claim queue): the roles the server lets read it. */
export const fundsDeskRoles: TRole[] = ['judge', 'assistant', 'clerk', 'courtLeader'];

/** A grid worker (网格员) works outside the court: no cases, only the inbox of their areas. */
export function isCourtStaff(user: TUser): boolean {
  return user.roles.some((role) => role !== 'gridWorker');
}

/** Where a user lands after signing in. */
export function homePath(user: TUser): string {
  return isCourtStaff(user) ? '/workbench' : '/credit/grid';
}
