import type { OperationKey, RouteFixture } from './types.ts';

/** The inbox: marking an item read needs an id of the form items have. */
export const inboxFixtures: Record<OperationKey, RouteFixture> = {
  'POST /api/v1/inbox/read': {
    build: async () => ({
      body: { ids: ['deadline:00000000-0000-4000-8000-000000000000-propertyReport-2026-12-01'] },
    }),
  },
};
