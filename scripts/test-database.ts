import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { moduleNames } from '../src/modules.ts';
import { ensureDatabase, startEmbeddedPostgres } from '../src/platform/embedded-postgres.ts';
import { createLogger } from '../src/platform/logging.ts';
import { migrate } from '../src/platform/migrate.ts';

export const templateName = 'zhixing_test_template';

/**
 * A PostgreSQL server for tests and benchmarks: the one in DATABASE_URL, else an embedded one in a
 * temporary folder. A migrated template database is created; each test file copies it.
 */
export async function prepareTestServer(opts: { port?: number } = {}) {
  const logger = createLogger('warn');
  let adminUrl: string;
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhixing-test-'));
    // The server runs as the `postgres` system user when we are root: it must reach the folder.
    chmodSync(dataDir, 0o755);
    const server = await startEmbeddedPostgres({
      dataDir,
      port: opts.port ?? 54331 + (process.pid % 500),
      logger,
    });
    adminUrl = server.adminUrl;
    stop = async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${templateName} with (force)`);
  await admin.end();
  await ensureDatabase(adminUrl, templateName);
  const templateUrl = withDatabase(adminUrl, templateName);
  const sql = postgres(templateUrl, { max: 1, onnotice: () => {} });
  await migrate(sql, moduleNames);
  await sql.end();
  return { adminUrl, stop };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
