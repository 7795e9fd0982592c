import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { usePortalSession } from '../../api/portal-session.ts';

/** The portal's own pages need the portal's sign-in; back to where the person was, after it. */
export function RequirePortal({ children }: { children: ReactNode }) {
  const session = usePortalSession();
  const location = useLocation();
  if (!session) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/my/login?next=${next}`} replace />;
  }
  return children;
}

/** Where to go after signing in: a page of the portal only (never another site). */
export function nextPathOf(value: string | null): string {
  return value && /^\/my(\/[\w\-/%?=&]*)?$/.test(value) ? value : '/my';
}
