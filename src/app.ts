import { allJobs, modules } from './modules.ts';
import { createAllowance } from './platform/allowances.ts';
import { followClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db.ts';
import { type App, createHttpServer } from './platform/http/server.ts';
import { ensureJobQueues } from './platform/jobs.ts';
import type { Logger } from './platform/logging.ts';
import { extensionsOf, type ModuleContext } from './platform/module.ts';

/** What every module's definition contributes, for one process (app or worker). */
export function moduleContextOf(opts: { config: Config; database: Database; logger: Logger }): ModuleContext {
  return { ...opts, extensions: extensionsOf(modules), allowance: createAllowance(opts.database) };
}

/** The HTTP server: each module of the list registers its routes, in list order. */
export async function buildApp(opts: {
  config: Config;
  database: Database;
  logger: Logger;
  serveWeb?: boolean;
  /** The built web app to serve (default web/dist). */
  webRoot?: string;
}): Promise<App> {
  const { config, database, logger } = opts;
  const ctx = moduleContextOf({ config, database, logger });
  const app = await createHttpServer({
    allowance: ctx.allowance,
    logger,
    serveWeb: opts.serveWeb,
    ...(opts.webRoot ? { webRoot: opts.webRoot } : {}),
    isHttps: config.secureCookies,
    trustedProxies: config.trustedProxies,
    metricsToken: config.metricsToken,
    isDatabaseUp: async () => {
      try {
        await database.sql`select 1`;
        return true;
      } catch {
        return false;
      }
    },
  });
  // Every process reads the one clock; a move made anywhere reaches it at once.
  const following = await followClock(database, logger);
  app.addHook('onClose', () => following.stop());
  // Use cases enqueue jobs inside their transactions: the queues must exist before the first request.
  await ensureJobQueues(database, allJobs(), config.jobExpireSeconds);
  for (const m of modules) await m.routes?.(app, ctx);
  return app;
}
