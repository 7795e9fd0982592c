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
  ZSeqSchema,
} from './contracts.ts';
import { gridInbox, markGridInboxRead } from './use-cases/grid-inbox.ts';

const errors = {
  400: ZErrorSchema,
  401: ZErrorSchema,
  403: ZErrorSchema,
  404: ZErrorSchema,
  429: ZErrorSchema,
};
/** The grid workers' inbox of listings and restrictions in their areas, and their areas. */
export function registerGridRoutes(app: App, opts: { db: Db }): void {
  const { db } = opts;
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
