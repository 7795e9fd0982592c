import { allJobs } from './jobs.ts';
import { registerCaseRoutes } from './modules/cases/index.ts';
import { creditSubscribers, registerCreditModule } from './modules/credit/index.ts';
import { installAuth, registerIdentityRoutes } from './modules/identity/index.ts';
import {
  registerInquiryRoutes,
  registerInquiryTerminationFacts,
  requeryPlanSubscriber,
} from './modules/inquiry/index.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db.ts';
import { type App, createHttpServer } from './platform/http/server.ts';
import { ensureJobQueues } from './platform/jobs.ts';
import type { Logger } from './platform/logging.ts';
import type { Subscriber } from './platform/outbox.ts';

/** The composition root: the one place where modules are wired into the HTTP server and worker. */
export async function buildApp(opts: {
  config: Config;
  database: Database;
  logger: Logger;
  serveWeb?: boolean;
}): Promise<App> {
  const { config, database, logger } = opts;
  const app = await createHttpServer({
    logger,
    serveWeb: opts.serveWeb,
    isDatabaseUp: async () => {
      try {
        await database.sql`select 1`;
        return true;
      } catch {
        return false;
      }
    },
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    return payload;
  });
  // Use cases enqueue jobs inside their transactions: the queues must exist before the first request.
  await ensureJobQueues(database, allJobs(), config.jobExpireSeconds);
  installAuth(app, database.db);
  registerIdentityRoutes(app, {
    db: database.db,
    sessionHours: config.sessionHours,
    secureCookies: config.secureCookies,
    isDemo: config.isDemo,
  });
  registerCaseRoutes(app, { db: database.db });
  registerInquiryTerminationFacts();
  registerInquiryRoutes(app, {
    database,
    logger,
    options: { dailyQuota: config.inquiryDailyQuota },
    callbackBaseUrl: (port) => config.publicUrl ?? `http://127.0.0.1:${port}`,
  });
  registerCreditModule(app, { database, logger });
  return app;
}

/** Every module's outbox subscribers, delivered by the worker. */
export function allSubscribers(): Subscriber[] {
  return [requeryPlanSubscriber, ...creditSubscribers];
}
