import { type Actor, Role, requireRole } from '../identity/index.ts';

/** Only a system administrator registers, lists and revokes joint-punishment units. */
export function assertCanManageUnits(actor: Actor): void {
  requireRole(actor, Role.admin);
}
