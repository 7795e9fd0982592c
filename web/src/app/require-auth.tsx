import { Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { TRole } from '../../../src/modules/identity/contracts.ts';
import { useMe } from '../api/identity.ts';
import { QueryError } from '../components/query-error.tsx';
import { useI18n } from '../i18n/index.ts';
import { CurrentUserContext, hasAnyRole, useCurrentUser } from './current-user.tsx';
import { PageSpin } from './page-spin.tsx';
import { consumeSessionExpired } from './session-expiry.ts';

/** Everything inside needs a session; without one, go to sign-in and come back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageSpin fullScreen />;
  if (me.isError) return <QueryError error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const search = new URLSearchParams({ next });
    if (consumeSessionExpired()) search.set('expired', '1');
    return <Navigate to={`/login?${search.toString()}`} replace />;
  }
  return <CurrentUserContext.Provider value={me.data}>{children}</CurrentUserContext.Provider>;
}

/** Pages only some roles may open; the server checks again on every call. */
export function RequireRole({ roles }: { roles: TRole[] }) {
  const user = useCurrentUser();
  const { t } = useI18n();
  if (!hasAnyRole(user, ...roles)) {
    return <Result status="403" title={t('common.forbidden')} subTitle={t('common.forbiddenPage')} />;
  }
  return <Outlet />;
}
