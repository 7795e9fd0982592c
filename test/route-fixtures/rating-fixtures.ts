import { onNewCase } from './case-fixtures.ts';
import type { OperationKey, RouteFixture } from './types.ts';

/** The ability-to-perform rating: any case of the court will do (a new one is rated as not yet searched). */
export const ratingFixtures: Record<OperationKey, RouteFixture> = {
  'GET /api/v1/cases/{id}/rating': { build: (world, court) => onNewCase(world, court) },
};
