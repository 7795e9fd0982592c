import type { Db } from '../../platform/db.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { purposeOf } from '../cases/index.ts';
import { requireActor } from '../identity/index.ts';
import {
  ZCaseIdParamSchema,
  ZCaseNotificationsSchema,
  ZInboxQuerySchema,
  ZInboxSchema,
  ZMarkedReadSchema,
  ZMarkReadSchema,
} from './contracts.ts';
import { listCaseNotifications } from './use-cases/case-notifications.ts';
import { listInbox, markInboxRead } from './use-cases/inbox.ts';

const tags = ['notify'];
const errors = errorResponses;

/** The signed-in user's inbox, and what was sent about a case. */
export function registerNotifyRoutes(app: App, { db }: { db: Db }): void {
  app.get(
    '/api/v1/notify/inbox',
    {
      config: { access: { kind: 'signedIn' } },
      schema: {
        tags,
        summary: '我的消息 / My in-app messages',
        querystring: ZInboxQuerySchema,
        response: { 200: ZInboxSchema, ...errors },
      },
    },
    async (request) => listInbox(db, requireActor(request), request.query),
  );

  app.post(
    '/api/v1/notify/inbox/read',
    {
      config: { access: { kind: 'signedIn' } },
      schema: {
        tags,
        summary: '标记已读 / Mark messages read',
        body: ZMarkReadSchema,
        response: { 200: ZMarkedReadSchema, ...errors },
      },
    },
    async (request) => markInboxRead(db, requireActor(request), request.body.ids),
  );

  app.get(
    '/api/v1/cases/:id/notifications',
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '案件通知与送达记录 / Notifications of a case and their deliveries',
        params: ZCaseIdParamSchema,
        response: { 200: ZCaseNotificationsSchema, ...errors },
      },
    },
    async (request) =>
      listCaseNotifications(
        db,
        requireActor(request),
        request.params.id,
        purposeOf(request.headers['x-zhixing-purpose']),
      ),
  );
}
