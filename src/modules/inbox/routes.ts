import type { Db } from '../../platform/db.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { requireActor } from '../identity/index.ts';
import { ZInboxSchema, ZMarkedSchema, ZMarkReadSchema } from './contracts.ts';
import type { InboxSource } from './sources.ts';
import { markRead, readInbox } from './use-cases/read-inbox.ts';

const tags = ['inbox'];

export function registerInboxRoutes(app: App, opts: { db: Db; sources: readonly InboxSource[] }): void {
  const { db, sources } = opts;
  app.get(
    '/api/v1/inbox',
    {
      // Every signed-in user has an inbox; each source shows only what is theirs to do.
      config: { access: { kind: 'signedIn' } },
      schema: {
        tags,
        summary: '待办 / The signed-in user’s to-do items',
        response: { 200: ZInboxSchema, ...errorResponses },
      },
    },
    async (request) => readInbox(db, requireActor(request), sources),
  );
  app.post(
    '/api/v1/inbox/read',
    {
      config: { access: { kind: 'signedIn' } },
      schema: {
        tags,
        summary: '标记待办为已读 / Mark to-do items read',
        body: ZMarkReadSchema,
        response: { 200: ZMarkedSchema, ...errorResponses },
      },
    },
    async (request) => markRead(db, requireActor(request), request.body, sources),
  );
}
