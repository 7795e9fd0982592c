import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { withAppLogin } from '../scripts/test-database.ts';
import { buildApp } from '../src/app.ts';
import { demoPassword, hashPassword, seedDemoOrganisation } from '../src/modules/identity/index.ts';
import { adoptClockOffset } from '../src/platform/clock.ts';
import { type Config, loadConfig } from '../src/platform/config.ts';
import { connectDatabase, type Database } from '../src/platform/db.ts';
import type { App } from '../src/platform/http/server.ts';
import { createLogger } from '../src/platform/logging.ts';

/**
 * Integration-test helpers, in the spirit of "medium" tests: a fresh database per test file copied
 * from the migrated template (see scripts/run-tests.ts), the real Fastify app through `inject`,
 * and the demo courts, accounts and teams as factories. The app connects as the application's role
 * (docs/decisions/0012), as in production; `database` is the server's superuser, for tests that
 * arrange or inspect what the application itself may not touch.
 */
const adminUrl = process.env.ZHIXING_TEST_ADMIN_URL;
const template = process.env.ZHIXING_TEST_TEMPLATE ?? 'zhixing_test_template';

export type TestDatabase = Database & {
  url: string;
  adminUrl: string;
  /** The same database as the application's role (a member of `zhixing_app`). */
  appUrl: string;
  drop(): Promise<void>;
};

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!adminUrl) throw new Error('run integration tests with `npm test` (it prepares the database server)');
  const name = `zx_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  // Arranging and inspecting needs fewer than the app: with the app's pool, two files running at
  // once stay within a stock server's 100 connections (CI's Debian PostgreSQL).
  const database = connectDatabase(u.toString(), { max: 15 });
  return {
    ...database,
    url: u.toString(),
    adminUrl,
    appUrl: withAppLogin(adminUrl, name),
    async drop() {
      await database.close();
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

let demoHash: Promise<string> | null = null;

export type TestApp = {
  app: App;
  /** The superuser's connection: arranging and inspecting. */
  database: TestDatabase;
  /** The application's connection, the one the app runs on. */
  appDatabase: Database;
  /** The app's data folder (audit key and checkpoints), removed on close. */
  dataDir: string;
  /** The configuration the app runs with. */
  config: Config;
  /** Signs in a demo account and returns its bearer token. */
  login(username: string): Promise<string>;
  /**
   * Moves the one clock to `offsetMs` ahead of real time, as the administrator would: stored (so the
   * app's poll of the stored offset keeps it) and taken by this process at once.
   */
  setClockOffset(offsetMs: number): Promise<void>;
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string> },
    // biome-ignore lint/suspicious/noExplicitAny: response bodies are inspected by each test's assertions
  ): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  close(): Promise<void>;
};

export async function startTestApp(
  opts: { withOrganisation?: boolean; isDemo?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  if (opts.withOrganisation !== false) {
    demoHash ??= hashPassword(demoPassword);
    await seedDemoOrganisation(database.db, await demoHash);
  }
  // A data folder of its own: the audit's key and checkpoint file belong to this database alone.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhixing-test-data-'));
  const config = loadConfig({
    ZHIXING_DEMO: opts.isDemo === false ? '0' : '1',
    ZHIXING_LOG_LEVEL: 'silent',
    ZHIXING_DATA_DIR: dataDir,
    ...opts.env,
  });
  const appDatabase = connectDatabase(database.appUrl, { max: 30 });
  let app: App;
  try {
    app = await buildApp({ config, database: appDatabase, logger: createLogger('silent'), serveWeb: false });
    await app.ready();
  } catch (err) {
    // Nothing left open: a test file whose app cannot start fails at once instead of hanging.
    await appDatabase.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const tokens = new Map<string, string>();
  const request: TestApp['request'] = async (method, url, o = {}) => {
    const res = await app.inject({
      method,
      url,
      headers: { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...o.headers },
      ...(o.body !== undefined ? { payload: o.body as object } : {}),
    });
    let body: unknown = res.body;
    try {
      body = JSON.parse(res.body);
    } catch {}
    return { status: res.statusCode, body, headers: res.headers };
  };
  return {
    app,
    database,
    appDatabase,
    dataDir,
    config,
    request,
    async login(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await request('POST', '/api/v1/auth/login', { body: { username, password: demoPassword } });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(username, res.body.token);
      return res.body.token;
    },
    async setClockOffset(offsetMs) {
      await database.sql`update platform.clock set offset_ms = ${offsetMs}, updated_at = now()`;
      adoptClockOffset(offsetMs);
    },
    async close() {
      adoptClockOffset(0);
      await app.close();
      await appDatabase.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
