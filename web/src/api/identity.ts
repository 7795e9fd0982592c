import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCourt,
  TCourtList,
  TLogin,
  TMe,
  TNewCourt,
  TNewTeam,
  TNewUser,
  TRole,
  TSignedIn,
  TTeam,
  TTeamList,
  TUser,
  TUserList,
  TUserListItem,
  TUserPatch,
} from '../../../src/modules/identity/contracts.ts';
import { everyValueOf } from '../lib/every-value.ts';
import { isApiError, requestJson, requestVoid } from './client.ts';

/** The roles of the identity API (src/modules/identity/contracts.ts), for the forms' options. */
export const roles = everyValueOf<TRole>()([
  'judge',
  'assistant',
  'bailiff',
  'clerk',
  'commandCentre',
  'courtLeader',
  'admin',
  'gridWorker',
  'procurator',
]);

export const identityKeys = {
  all: ['identity'] as const,
  me: () => [...identityKeys.all, 'me'] as const,
  courts: () => [...identityKeys.all, 'courts'] as const,
  users: (courtId?: string) => [...identityKeys.all, 'users', courtId ?? 'all'] as const,
  teams: (courtId?: string) => [...identityKeys.all, 'teams', courtId ?? 'all'] as const,
};

export const signInPath = '/api/v1/auth/login';

/** The signed-in user, or `null` when there is no session (401). */
export function useMe() {
  return useQuery({
    queryKey: identityKeys.me(),
    queryFn: async ({ signal }): Promise<TUser | null> => {
      try {
        const { user } = await requestJson<TMe>('/api/v1/auth/me', { signal });
        return user;
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TLogin) => requestJson<TSignedIn>(signInPath, { method: 'POST', body }),
    onSuccess: ({ user }) => {
      // A new session must never see what the previous one cached.
      queryClient.removeQueries();
      queryClient.setQueryData(identityKeys.me(), user);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => requestVoid('/api/v1/auth/logout', { method: 'POST' }),
    onSettled: () => {
      queryClient.removeQueries();
      queryClient.setQueryData(identityKeys.me(), null);
    },
  });
}

export function useCourts() {
  return useQuery({
    queryKey: identityKeys.courts(),
    queryFn: ({ signal }) => requestJson<TCourtList>('/api/v1/courts', { signal }),
    staleTime: 60_000,
  });
}

export function useCreateCourt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TNewCourt) => requestJson<TCourt>('/api/v1/courts', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.courts() }),
  });
}

export function useUsers(courtId: string | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: identityKeys.users(courtId),
    queryFn: ({ signal }) => requestJson<TUserList>('/api/v1/users', { query: { courtId }, signal }),
    enabled: options.enabled ?? true,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TNewUser) => requestJson<TUserListItem>('/api/v1/users', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...identityKeys.all, 'users'] }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUserPatch }) =>
      requestVoid(`/api/v1/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...identityKeys.all, 'users'] }),
  });
}

export function useTeams(courtId: string | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: identityKeys.teams(courtId),
    queryFn: ({ signal }) => requestJson<TTeamList>('/api/v1/teams', { query: { courtId }, signal }),
    enabled: options.enabled ?? true,
  });
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TNewTeam) => requestJson<TTeam>('/api/v1/teams', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...identityKeys.all, 'teams'] }),
  });
}
