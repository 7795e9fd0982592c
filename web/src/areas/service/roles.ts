import type { TRole } from '../../../../src/modules/identity/contracts.ts';

/**
 * The service window's counter: every officer of the enforcement bureau (the server's `counterRoles`:
 * the teams' people, the command centre the window belongs to, the court's leaders).
 */
export const serviceDeskRoles: TRole[] = [
  'judge',
  'assistant',
  'bailiff',
  'clerk',
  'commandCentre',
  'courtLeader',
];
