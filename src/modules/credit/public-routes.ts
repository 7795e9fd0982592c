import type { IdMask } from '../../kernel/index.ts';
import type { Db } from '../../platform/db.ts';
import { type App, ZErrorSchema } from '../../platform/http/server.ts';
import { areasOfUser, Role, readUserAreas, requireActor, setUserAreas } from '../identity/index.ts';
import {
  ZAreaCodesSchema,
  ZCaseIdParamSchema,
  ZGridAreasSchema,
  ZGridInboxSchema,
  ZGridReadSchema,
  ZPageQuerySchema,
  ZPublicEntryPageSchema,
  ZPublicQuerySchema,
  ZPublicRestrictedPageSchema,
  ZSeqSchema,
} from './contracts.ts';
import { gridInbox, markGridInboxRead } from './use-cases/grid-inbox.ts';
import { searchPublicDishonest, searchPublicRestricted } from './use-cases/public-search.ts';

const errors = {
  400: ZErrorSchema,
  401: ZErrorSchema,
  403: ZErrorSchema,
  404: ZErrorSchema,
  429: ZErrorSchema,
};
// Per address: enough for a person searching, too little for harvesting the list.
const publicRateLimit = { max: 30, timeWindow: '1 minute' };

/** The public list (失信规定 art. 6) for the portal, and the grid workers' inbox. */
export function registerPublicCreditRoutes(app: App, opts: { db: Db; idMask?: IdMask }): void {
  const { db } = opts;
  const tags = ['public'];
  app.get(
    '/api/v1/public/dishonest',
    {
      config: { access: { kind: 'public' }, rateLimit: publicRateLimit },
      schema: {
        tags,
        summary: '失信被执行人名单公开查询 / Search the public dishonest list',
        security: [],
        querystring: ZPublicQuerySchema,
        response: { 200: ZPublicEntryPageSchema, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return searchPublicDishonest(db, request.query, { mask: opts.idMask });
    },
  );
  app.get(
    '/api/v1/public/consumption-restrictions',
    {
      config: { access: { kind: 'public' }, rateLimit: publicRateLimit },
      schema: {
        tags,
        summary: '限制消费人员公开查询 / Search consumption-restricted persons',
        security: [],
        querystring: ZPublicQuerySchema,
        response: { 200: ZPublicRestrictedPageSchema, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return searchPublicRestricted(db, request.query, { mask: opts.idMask });
    },
  );

  app.get(
    '/api/v1/credit/grid/inbox',
    {
      config: { access: { kind: 'signedIn', roles: [Role.gridWorker] } },
      schema: {
        tags: ['credit'],
        summary: '网格员收件箱 / Grid worker’s inbox',
        querystring: ZPageQuerySchema,
        response: { 200: ZGridInboxSchema, ...errors },
      },
    },
    async (request) => gridInbox(db, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/credit/grid/inbox/read',
    {
      config: { access: { kind: 'signedIn', roles: [Role.gridWorker] } },
      schema: {
        tags: ['credit'],
        summary: '标记已读 / Mark the inbox read up to a change',
        body: ZSeqSchema,
        response: { 200: ZGridReadSchema, ...errors },
      },
    },
    async (request) => markGridInboxRead(db, requireActor(request), request.body.seq),
  );
  app.put(
    '/api/v1/admin/grid-workers/:id/areas',
    {
      config: { access: { kind: 'court', roles: [Role.admin] } },
      schema: {
        tags: ['identity'],
        summary: '网格员所辖区域 / Set a grid worker’s areas',
        params: ZCaseIdParamSchema,
        body: ZGridAreasSchema,
        response: { 200: ZAreaCodesSchema, ...errors },
      },
    },
    async (request) => ({
      areaCodes: await db.transaction((tx) =>
        setUserAreas(tx, requireActor(request), request.params.id, request.body.areaCodes),
      ),
    }),
  );
  app.get(
    '/api/v1/admin/grid-workers/:id/areas',
    {
      config: { access: { kind: 'court', roles: [Role.admin] } },
      schema: {
        tags: ['identity'],
        summary: '查看网格员所辖区域 / A grid worker’s areas',
        params: ZCaseIdParamSchema,
        response: { 200: ZAreaCodesSchema, ...errors },
      },
    },
    async (request) => ({ areaCodes: await readUserAreas(db, requireActor(request), request.params.id) }),
  );
  app.get(
    '/api/v1/credit/grid/areas',
    {
      config: { access: { kind: 'signedIn' } },
      schema: {
        tags: ['credit'],
        summary: '我的网格区域 / My areas',
        response: { 200: ZAreaCodesSchema, ...errors },
      },
    },
    async (request) => ({ areaCodes: await areasOfUser(db, requireActor(request).userId) }),
  );
}
