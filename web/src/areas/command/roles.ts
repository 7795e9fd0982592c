import type { TRole } from '../../../../src/modules/identity/contracts.ts';

/** The command centre's desk and big screen: the centre's staff and court leaders (who oversee). */
export const commandDeskRoles: TRole[] = ['commandCentre', 'courtLeader'];

/**
 * 委托事项: the officers of a court who may be asked to do an entrusted matter and report it done
 * (the server's `entrustmentOfficers`) — every officer, so that a judge finds what another court asked.
 */
export const entrustmentRoles: TRole[] = [
  'judge',
  'assistant',
  'bailiff',
  'clerk',
  'commandCentre',
  'courtLeader',
];
