import type { Db } from '../../platform/db.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { purposeOf } from '../cases/index.ts';
import { requireActor } from '../identity/index.ts';
import { ZCaseRatingSchema, ZIdParamSchema } from './contracts.ts';
import { rateCase } from './use-cases/rate-case.ts';

export function registerRatingRoutes(app: App, { db }: { db: Db }): void {
  app.get(
    '/api/v1/cases/:id/rating',
    {
      // Everyone who may see the case may read its rating: it guides the team, the leaders who
      // assign and supervise, and the command centre's triage alike.
      config: { access: { kind: 'case' } },
      schema: {
        tags: ['rating'],
        summary: '履行能力评估 / Ability-to-perform rating',
        params: ZIdParamSchema,
        response: { 200: ZCaseRatingSchema, ...errorResponses },
      },
    },
    async (request) =>
      rateCase(db, requireActor(request), request.params.id, purposeOf(request.headers['x-zhixing-purpose'])),
  );
}
