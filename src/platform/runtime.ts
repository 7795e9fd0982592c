import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import type { Config } from './config.ts';
import { connectDatabase, type Database } from './db.ts';
import { appRole, assertApplicationRole, ensureRoles } from './db-roles.ts';
import { ensureDatabase, startEmbeddedPostgres } from './embedded-postgres.ts';
import type { Logger } from './logging.ts';
import { migrateAsOwner, type SchemaPlan } from './migrate.ts';

export type Runtime = {
  /** The application's connection (`zhixing_app`), or the owner's when opened `asOwner`. */
  database: Database;
  databaseUrl: string;
  /** Applies the migrations and creates the job queues, connected as the schema owner for this only. */
  migrate(plan: SchemaPlan, logger?: Logger): Promise<number>;
  stop(): Promise<void>;
};

type Place = { ownerUrl: string; appUrl: string | undefined; stop(): Promise<void> };

/**
 * Connects to `DATABASE_URL`, or starts the embedded PostgreSQL in the data folder. The
 * application runs as a role that owns nothing (docs/decisions/0012-audit-that-owners-cannot-rewrite.md):
 * it logs in as that role — a session that logged in as the owner could always switch back to it —
 * and is refused if the role could rewrite the audit. `asOwner` is for migrating and verifying.
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
  opts: { max?: number; asOwner?: boolean } = {},
): Promise<Runtime> {
  const place = await findDatabase(config, logger);
  const url = opts.asOwner ? place.ownerUrl : place.appUrl;
  if (url === undefined) {
    await place.stop();
    throw new Error(
      '未设置 DATABASE_APP_URL / DATABASE_APP_URL is not set: with DATABASE_URL (the owner, for migrations) ' +
        'the application connects as a role of its own, zhixing_app or a member of it (README, Configuration)',
    );
  }
  const database = connectDatabase(url, { max: opts.max });
  try {
    if (!opts.asOwner) await assertApplicationRole(database.sql);
  } catch (err) {
    await database.close();
    await place.stop();
    throw err;
  }
  return {
    database,
    databaseUrl: url,
    migrate: (plan, migrationLogger) => migrateAsOwner(place.ownerUrl, plan, migrationLogger),
    stop: async () => {
      await database.close();
      await place.stop();
    },
  };
}

async function findDatabase(config: Config, logger: Logger): Promise<Place> {
  if (config.databaseUrl) {
    const appUrl = config.databaseAppUrl ?? (await appLoginOnSuperuser(config.databaseUrl, config.dataDir));
    return { ownerUrl: config.databaseUrl, appUrl, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedDbPort,
    logger,
  });
  try {
    await ensureDatabase(server.adminUrl, 'zhixing');
    // The embedded server is ours: as its superuser Zhixing makes the roles itself.
    const admin = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
    try {
      await ensureRoles(admin, { login: server.appLogin });
    } finally {
      await admin.end({ timeout: 5 });
    }
  } catch (err) {
    await server.stop();
    throw err;
  }
  return {
    ownerUrl: server.urlFor('zhixing'),
    appUrl: server.appUrlFor('zhixing'),
    stop: () => server.stop(),
  };
}

/**
 * `DATABASE_URL` of a superuser and no `DATABASE_APP_URL` (one host, a development or CI server):
 * Zhixing makes the application's login itself, as it does on its embedded server, with a random
 * password kept in the data folder (mode 0600). A deployment with several hosts, or whose
 * `DATABASE_URL` is not a superuser, sets `DATABASE_APP_URL`.
 */
async function appLoginOnSuperuser(ownerUrl: string, dataDir: string): Promise<string | undefined> {
  const admin = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    const [me] = await admin<
      { isSuperuser: boolean }[]
    >`select rolsuper as "isSuperuser" from pg_roles where rolname = current_user`;
    if (!me?.isSuperuser) return undefined;
    const password = readOrCreateSecret(path.join(dataDir, 'database-app-login'));
    await ensureRoles(admin, { login: { user: appRole, password } });
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(ownerUrl);
  url.username = appRole;
  url.password = readOrCreateSecret(path.join(dataDir, 'database-app-login'));
  return url.toString();
}

function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(24).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
