/** Shapes of the identity API (auth, courts, users, teams), as the server documents them. */
import type { PersonRef } from './cases-contract.ts';

export const roles = [
  'judge',
  'assistant',
  'bailiff',
  'clerk',
  'commandCentre',
  'courtLeader',
  'admin',
  'gridWorker',
] as const;
export type Role = (typeof roles)[number];

export const courtLevels = ['supreme', 'high', 'intermediate', 'basic', 'detachedTribunal'] as const;
export type CourtLevel = (typeof courtLevels)[number];

export type UserCourt = { id: string; name: string; courtCode: string; level: CourtLevel };

export type CurrentUser = {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  court: UserCourt;
};

export type SignInBody = { username: string; password: string };
export type SignInResult = { token: string; user: CurrentUser };

export type Court = {
  id: string;
  name: string;
  courtCode: string;
  level: CourtLevel;
  divisionCode: string;
  parentId: string | null;
};
export type CreateCourtBody = Omit<Court, 'id'>;

export type UserSummary = {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  court: { id: string; name: string };
  disabled: boolean;
};
export type CreateUserBody = {
  username: string;
  displayName: string;
  password: string;
  courtId: string;
  roles: Role[];
};
export type UpdateUserBody = { displayName?: string; roles?: Role[]; disabled?: boolean };

export type Team = {
  id: string;
  name: string;
  court: { id: string; name: string };
  judge: PersonRef | null;
  assistant: PersonRef | null;
  bailiff: PersonRef | null;
  clerk: PersonRef | null;
};
export type CreateTeamBody = {
  name: string;
  courtId: string;
  judgeId: string;
  assistantId?: string;
  bailiffId?: string;
  clerkId?: string;
};

export type ItemList<T> = { items: T[] };
