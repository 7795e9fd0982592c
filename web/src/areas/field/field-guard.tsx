import { Result } from 'antd';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { TUser } from '../../../../src/modules/identity/contracts.ts';
import { isApiError } from '../../api/client.ts';
import { useMe } from '../../api/identity.ts';
import { CurrentUserContext, homePath, isCourtStaff } from '../../app/current-user.tsx';
import { PageSpin } from '../../app/page-spin.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { readLastUser, saveLastUser } from './storage/snapshots.ts';
import { useFieldText } from './use-field-text.ts';

/** Whether the officer shown is the one last signed in on this device, read from it while offline. */
const OfflineUserContext = createContext(false);

export function useIsOfflineUser(): boolean {
  return useContext(OfflineUserContext);
}

/**
 * The field page's sign-in guard. Online it is the app's (a session, or the sign-in page); with no
 * network it trusts the officer last signed in on this device, so records can be captured where
 * there is no signal — the server checks the session when they are sent.
 */
export function FieldGuard({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const text = useFieldText();
  const [lastUser, setLastUser] = useState<TUser | null | undefined>(undefined);
  const isOffline =
    me.fetchStatus === 'paused' || (me.isError && isApiError(me.error) && me.error.status === 0);

  useEffect(() => {
    if (me.data) void saveLastUser(me.data);
  }, [me.data]);
  useEffect(() => {
    if (isOffline && lastUser === undefined) void readLastUser().then((u) => setLastUser(u ?? null));
  }, [isOffline, lastUser]);

  const provide = (user: TUser, offline: boolean) =>
    isCourtStaff(user) ? (
      <CurrentUserContext.Provider value={user}>
        <OfflineUserContext.Provider value={offline}>{children}</OfflineUserContext.Provider>
      </CurrentUserContext.Provider>
    ) : (
      <Navigate to={homePath(user)} replace />
    );

  if (me.data) return provide(me.data, false);
  if (me.data === null) {
    const search = new URLSearchParams({ next: `${location.pathname}${location.search}` });
    return <Navigate to={`/login?${search.toString()}`} replace />;
  }
  // Back online, the page stays as it was (a record half written too) while the session is checked.
  if (lastUser && (isOffline || me.isFetching)) return provide(lastUser, true);
  if (isOffline) {
    if (lastUser === undefined) return <PageSpin fullScreen />;
    return <Result status="warning" title={text('field.offlineNoUser')} />;
  }
  if (me.isError) return <QueryError error={me.error} onRetry={() => me.refetch()} />;
  return <PageSpin fullScreen />;
}
