import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { PageSpin } from '../../app/page-spin.tsx';

const FieldSite = lazy(() => import('./field-site.tsx').then((m) => ({ default: m.FieldSite })));

/** The field page's route (`/field`, `/field/cases/:id`): a layout of its own, for a phone. */
export const fieldRoute: RouteObject = {
  path: '/field/*',
  element: (
    <Suspense fallback={<PageSpin fullScreen />}>
      <FieldSite />
    </Suspense>
  ),
};
