import { createHmac } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { allJobs, moduleNames } from '../src/modules.ts';
import { type AppLogin, ensureRoles } from '../src/platform/db-roles.ts';
import { ensureDatabase, startEmbeddedPostgres } from '../src/platform/embedded-postgres.ts';
import { createLogger } from '../src/platform/logging.ts';
import { migrateAsOwner } from '../src/platform/migrate.ts';

export const templateName = 'zhixing_test_template';

/**
 * A PostgreSQL server for tests and benchmarks: the one in DATABASE_URL (a superuser), else an
 * embedded one in a temporary folder. The roles are made as in production (docs/decisions/0012),
 * plus a login for the tests' application side, and a template database is migrated as the owner;
 * each test file copies it.
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
  try {
    await ensureRoles(admin, { login: testAppLogin(adminUrl) });
    await admin.unsafe(`drop database if exists ${templateName} with (force)`);
  } finally {
    await admin.end();
  }
  await ensureDatabase(adminUrl, templateName);
  await migrateAsOwner(withDatabase(adminUrl, templateName), { modules: moduleNames, jobs: allJobs() });
  return { adminUrl, stop };
}

/**
 * How the tests' application side logs in: a member of `zhixing_app` of its own, so that a test run
 * on a shared server never touches the real application's login. Its password derives from the
 * superuser's, which only someone who could make the role anyway knows; every run agrees on it.
 */
export function testAppLogin(adminUrl: string): AppLogin {
  const secret = decodeURIComponent(new URL(adminUrl).password);
  return {
    user: 'zhixing_test_app',
    password: createHmac('sha256', secret).update('zhixing_test_app').digest('base64url'),
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The address of `database` as the tests' application login. */
export function withAppLogin(adminUrl: string, database: string): string {
  const login = testAppLogin(adminUrl);
  const u = new URL(withDatabase(adminUrl, database));
  u.username = login.user;
  u.password = login.password;
  return u.toString();
}
