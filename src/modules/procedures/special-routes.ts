import type { Db } from '../../platform/db.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { requireActor } from '../identity/index.ts';
import { specialCaseReaders } from './aid-policy.ts';
import { ZSpecialListSchema, ZSpecialQuerySchema } from './special-contracts.ts';
import { listSpecialCases } from './use-cases/list-special-cases.ts';

/** Special cases (涉党政机关、涉军、涉民生): the open ones of the user's courts, livelihood first. */
export function registerSpecialRoutes(app: App, { db }: { db: Db }): void {
  app.get(
    '/api/v1/cases/special',
    {
      config: { access: { kind: 'signedIn', roles: [...specialCaseReaders] } },
      schema: {
        tags: ['procedures'],
        summary:
          '重点案件 / Open state-organ, military and livelihood cases with their status and next deadline, livelihood first',
        querystring: ZSpecialQuerySchema,
        response: { 200: ZSpecialListSchema, ...errorResponses },
      },
    },
    async (request) => listSpecialCases(db, requireActor(request), request.query),
  );
}
