/**
 * The roles of court staff, and of the people outside the court who work with it — grid workers and
 * procurators of the people's procuratorate — that decide who may do what.
 */
import type { Bilingual } from '../../../kernel/index.ts';

export const Role = {
  judge: 'judge',
  assistant: 'assistant',
  bailiff: 'bailiff',
  clerk: 'clerk',
  commandCentre: 'commandCentre',
  courtLeader: 'courtLeader',
  admin: 'admin',
  gridWorker: 'gridWorker',
  procurator: 'procurator',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const roleValues = Object.values(Role) as [Role, ...Role[]];

export const roleLabels: Readonly<Record<Role, Bilingual>> = {
  judge: { zh: '执行法官', en: 'Judge' },
  assistant: { zh: '法官助理（执行员）', en: 'Assistant' },
  bailiff: { zh: '司法警察', en: 'Bailiff' },
  clerk: { zh: '书记员', en: 'Clerk' },
  commandCentre: { zh: '执行指挥中心', en: 'Command centre' },
  courtLeader: { zh: '院领导', en: 'Court leader' },
  admin: { zh: '系统管理员', en: 'System administrator' },
  gridWorker: { zh: '网格员', en: 'Grid worker' },
  procurator: { zh: '检察官', en: 'Procurator' },
};
