import type { Config } from './config.ts';
import { connectDatabase, type Database } from './db.ts';
import { ensureDatabase, startEmbeddedPostgres } from './embedded-postgres.ts';
import type { Logger } from './logging.ts';

export type Runtime = { database: Database; databaseUrl: string; stop(): Promise<void> };

/** Connects to `DATABASE_URL`, or starts the embedded PostgreSQL in the data folder. */
export async function openDatabase(
  config: Config,
  logger: Logger,
  opts: { max?: number } = {},
): Promise<Runtime> {
  if (config.databaseUrl) {
    const database = connectDatabase(config.databaseUrl, opts);
    return { database, databaseUrl: config.databaseUrl, stop: () => database.close() };
  }
  const server = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedDbPort,
    logger,
  });
  await ensureDatabase(server.adminUrl, 'zhixing');
  const databaseUrl = server.urlFor('zhixing');
  const database = connectDatabase(databaseUrl, opts);
  return {
    database,
    databaseUrl,
    stop: async () => {
      await database.close();
      await server.stop();
    },
  };
}
