import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client.ts';
import { identityKeys, signInPath } from '../api/identity.ts';
import { markSessionExpired } from './session-expiry.ts';

/**
 * One client for the app. A 401 from any call (except a failed sign-in) means the session is
 * gone: forget the user, and the auth guard sends the browser to the sign-in page.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => forgetUserOn401(error) }),
    mutationCache: new MutationCache({ onError: (error) => forgetUserOn401(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });

  function forgetUserOn401(error: unknown): void {
    if (!isApiError(error) || error.status !== 401 || error.url.startsWith(signInPath)) return;
    if (client.getQueryData(identityKeys.me())) markSessionExpired();
    client.setQueryData(identityKeys.me(), null);
  }

  return client;
}
