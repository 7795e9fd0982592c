import type { Db } from '../../platform/db.ts';
import { teamSeats } from '../../platform/http/access.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { Role, requireActor } from '../identity/index.ts';
import { ZIdParamSchema } from './contracts.ts';
import {
  ZSearchApprovalSchema,
  ZSearchListSchema,
  ZSearchRecordSchema,
  ZSearchRequestSchema,
  ZSearchSchema,
} from './search-contracts.ts';
import { approveSearch } from './use-cases/approve-search.ts';
import { recordSearch } from './use-cases/record-search.ts';
import { requestSearch } from './use-cases/request-search.ts';
import { listCaseSearches } from './use-cases/search-views.ts';

const tags = ['search'];
const errors = errorResponses;

/** Search (搜查, CPL art. 259): the judge's request, the court president's warrant, the search record. */
export function registerSearchRoutes(app: App, { db }: { db: Db }): void {
  app.post(
    '/api/v1/cases/:id/searches',
    {
      config: { access: { kind: 'case', seats: ['judge'] } },
      schema: {
        tags,
        summary: '申请搜查令 / Ask for a search warrant (signed by a court leader within 7 days)',
        params: ZIdParamSchema,
        body: ZSearchRequestSchema,
        response: { 201: ZSearchSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await requestSearch(db, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/cases/:id/searches',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '本案搜查 / The case’s searches: warrants and search records',
        params: ZIdParamSchema,
        response: { 200: ZSearchListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listCaseSearches(db, requireActor(request), request.params.id) }),
  );

  app.post(
    '/api/v1/searches/:id/approve',
    {
      config: { access: { kind: 'case', courtRoles: [Role.courtLeader] } },
      schema: {
        tags,
        summary: '签发搜查令 / A court leader signs the search warrant',
        params: ZIdParamSchema,
        body: ZSearchApprovalSchema.nullish(),
        response: { 200: ZSearchSchema, ...errors },
      },
    },
    async (request) => approveSearch(db, requireActor(request), request.params.id, request.body ?? {}),
  );

  app.post(
    '/api/v1/searches/:id/record',
    {
      config: { access: { kind: 'case', seats: teamSeats } },
      schema: {
        tags,
        summary: '搜查笔录 / Record the search made under the warrant; the timeline shows it',
        params: ZIdParamSchema,
        body: ZSearchRecordSchema,
        response: { 200: ZSearchSchema, ...errors },
      },
    },
    async (request) => recordSearch(db, requireActor(request), request.params.id, request.body),
  );
}
