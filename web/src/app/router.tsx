import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { commandDeskRoles, entrustmentRoles } from '../areas/command/roles.ts';
import { fieldRoute } from '../areas/field/field-route.tsx';
import { serviceDeskRoles } from '../areas/service/roles.ts';
import { AppLayout } from './app-layout.tsx';
import { fundsDeskRoles, homePath, isCourtStaff, useCurrentUser } from './current-user.tsx';
import { LoginPage } from './login-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { PageSpin } from './page-spin.tsx';
import { RequireAuth, RequireRole } from './require-auth.tsx';

// Pages load on demand, so the sign-in page stays small.
const CaseListPage = lazy(() =>
  import('../areas/workbench/case-list/case-list-page.tsx').then((m) => ({ default: m.CaseListPage })),
);
const FileCasePage = lazy(() =>
  import('../areas/workbench/file-case/file-case-page.tsx').then((m) => ({ default: m.FileCasePage })),
);
const CaseDetailPage = lazy(() =>
  import('../areas/workbench/case-detail/case-detail-page.tsx').then((m) => ({ default: m.CaseDetailPage })),
);
const CourtsPage = lazy(() =>
  import('../areas/admin/courts/courts-page.tsx').then((m) => ({ default: m.CourtsPage })),
);
const UsersPage = lazy(() =>
  import('../areas/admin/users/users-page.tsx').then((m) => ({ default: m.UsersPage })),
);
const TeamsPage = lazy(() =>
  import('../areas/admin/teams/teams-page.tsx').then((m) => ({ default: m.TeamsPage })),
);
const InstitutionsPage = lazy(() =>
  import('../areas/admin/institutions/institutions-page.tsx').then((m) => ({ default: m.InstitutionsPage })),
);
const UnitsPage = lazy(() =>
  import('../areas/admin/units/units-page.tsx').then((m) => ({ default: m.UnitsPage })),
);
const CreditEntriesPage = lazy(() =>
  import('../areas/credit/entries-page.tsx').then((m) => ({ default: m.CreditEntriesPage })),
);
const GridInboxPage = lazy(() =>
  import('../areas/credit/grid-inbox-page.tsx').then((m) => ({ default: m.GridInboxPage })),
);
const FundsDeskPage = lazy(() =>
  import('../areas/funds/funds-desk-page.tsx').then((m) => ({ default: m.FundsDeskPage })),
);
const CommandDeskPage = lazy(() =>
  import('../areas/command/command-desk-page.tsx').then((m) => ({ default: m.CommandDeskPage })),
);
const EntrustmentsPage = lazy(() =>
  import('../areas/command/entrustments-page.tsx').then((m) => ({ default: m.EntrustmentsPage })),
);
const InboxPage = lazy(() => import('../areas/inbox/inbox-page.tsx').then((m) => ({ default: m.InboxPage })));
const ServicePage = lazy(() =>
  import('../areas/service/service-page.tsx').then((m) => ({ default: m.ServicePage })),
);
const DeputyProposalsPage = lazy(() =>
  import('../areas/service/deputy-proposals-page.tsx').then((m) => ({ default: m.DeputyProposalsPage })),
);
const BigScreenPage = lazy(() =>
  import('../areas/command/screen/big-screen-page.tsx').then((m) => ({ default: m.BigScreenPage })),
);

/** The case list for court staff; a grid worker, who has no cases, lands on their inbox. */
function Workbench() {
  const user = useCurrentUser();
  return isCourtStaff(user) ? <CaseListPage /> : <Navigate to={homePath(user)} replace />;
}

const PortalPage = lazy(() =>
  import('../areas/portal/portal-site.tsx').then((m) => ({ default: m.PortalSite })),
);
const TransparencyPage = lazy(() =>
  import('../areas/portal/transparency-page.tsx').then((m) => ({ default: m.TransparencyPage })),
);
const MySite = lazy(() => import('../areas/my/my-site.tsx').then((m) => ({ default: m.MySite })));
const AuctionSite = lazy(() =>
  import('../areas/auction/auction-site.tsx').then((m) => ({ default: m.AuctionSite })),
);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  fieldRoute,
  {
    path: '/portal/transparency',
    element: (
      <Suspense fallback={<PageSpin fullScreen />}>
        <TransparencyPage />
      </Suspense>
    ),
  },
  {
    path: '/auction/*',
    element: (
      <Suspense fallback={<PageSpin fullScreen />}>
        <AuctionSite />
      </Suspense>
    ),
  },
  {
    // The party and lawyer portal: its own sign-in (a portal token), never the court's session.
    path: '/my/*',
    element: (
      <Suspense fallback={<PageSpin fullScreen />}>
        <MySite />
      </Suspense>
    ),
  },
  {
    path: '/portal/*',
    element: (
      <Suspense fallback={<PageSpin fullScreen />}>
        <PortalPage />
      </Suspense>
    ),
  },
  {
    // The big screen fills the window: no menu, no header.
    path: '/command/screen',
    element: (
      <RequireAuth>
        <RequireRole roles={commandDeskRoles} />
      </RequireAuth>
    ),
    children: [
      {
        index: true,
        element: (
          <Suspense fallback={<PageSpin fullScreen />}>
            <BigScreenPage />
          </Suspense>
        ),
      },
    ],
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/workbench" replace /> },
      { path: 'workbench', element: <Workbench /> },
      { path: 'inbox', element: <InboxPage /> },
      {
        path: 'cases/new',
        element: <RequireRole roles={['judge', 'assistant', 'clerk']} />,
        children: [{ index: true, element: <FileCasePage /> }],
      },
      { path: 'cases/:id', element: <CaseDetailPage /> },
      { path: 'credit/entries', element: <CreditEntriesPage /> },
      { path: 'credit/grid', element: <GridInboxPage /> },
      {
        path: 'funds',
        element: <RequireRole roles={fundsDeskRoles} />,
        children: [{ index: true, element: <FundsDeskPage /> }],
      },
      {
        path: 'command',
        element: <RequireRole roles={commandDeskRoles} />,
        children: [{ index: true, element: <CommandDeskPage /> }],
      },
      {
        path: 'service',
        element: <RequireRole roles={serviceDeskRoles} />,
        children: [
          { index: true, element: <ServicePage /> },
          { path: 'proposals', element: <DeputyProposalsPage /> },
        ],
      },
      {
        path: 'command/entrustments',
        element: <RequireRole roles={entrustmentRoles} />,
        children: [{ index: true, element: <EntrustmentsPage /> }],
      },
      {
        path: 'admin',
        element: <RequireRole roles={['admin']} />,
        children: [
          { index: true, element: <Navigate to="/admin/courts" replace /> },
          { path: 'courts', element: <CourtsPage /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'teams', element: <TeamsPage /> },
          { path: 'institutions', element: <InstitutionsPage /> },
          { path: 'units', element: <UnitsPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
