import type { CourtLevel } from '../../kernel/index.ts';
import type { Role } from './rules/roles.ts';

export { Role, roleLabels, roleValues } from './rules/roles.ts';

/** The signed-in user as every use case sees it. Built once per request from the session. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  court: { id: string; name: string; courtCode: string; level: CourtLevel; path: string };
};

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
