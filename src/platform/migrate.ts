import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { connectDatabase, type Sql } from './db.ts';
import { adoptObjects, appRole, ensureRoles, ownerRole } from './db-roles.ts';
import type { AnyJobDefinition } from './job-definition.ts';
import { jobSchema } from './job-store.ts';
import { ensureJobQueues } from './jobs.ts';
import type { Logger } from './logging.ts';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function migrationsDir(owner: string): string {
  return owner === 'platform'
    ? path.join(srcDir, 'platform', 'migrations')
    : path.join(srcDir, 'modules', owner, 'migrations');
}

type Migration = { owner: string; version: number; name: string; sql: string; checksum: string };

/**
 * The migrations of `platform` and then of each module in `modules` (the definitions list's
 * order). Each module owns one PostgreSQL schema and a `migrations/NNNN_name.sql` folder; a module
 * without one (flows) has none. A module may depend on an earlier one's tables only by id.
 */
export async function listMigrations(modules: readonly string[]): Promise<Migration[]> {
  const all: Migration[] = [];
  for (const owner of ['platform', ...modules]) {
    const dir = migrationsDir(owner);
    if (!existsSync(dir)) continue;
    const files = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f)).sort();
    for (const file of files) {
      const sql = await readFile(path.join(dir, file), 'utf8');
      all.push({
        owner,
        version: Number(file.slice(0, 4)),
        name: file,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      });
    }
  }
  return all;
}

/** Applies pending migrations in one advisory-locked pass; refuses if an applied file was edited. */
export async function migrate(sql: Sql, modules: readonly string[], logger?: Logger): Promise<number> {
  const migrations = await listMigrations(modules);
  let applied = 0;
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(8240001)`;
    await tx`create schema if not exists platform`;
    await tx`create table if not exists platform.schema_migrations (
      owner text not null, version int not null, name text not null, checksum text not null,
      applied_at timestamptz not null default now(), primary key (owner, version))`;
    const done = await tx<{ owner: string; version: number; checksum: string }[]>`
      select owner, version, checksum from platform.schema_migrations`;
    const doneBy = new Map(done.map((d) => [`${d.owner}/${d.version}`, d.checksum]));
    for (const m of migrations) {
      const prior = doneBy.get(`${m.owner}/${m.version}`);
      if (prior !== undefined) {
        if (prior !== m.checksum) {
          throw new Error(
            `migration ${m.owner}/${m.name} was changed after it was applied; add a new one instead`,
          );
        }
        continue;
      }
      await tx.unsafe(m.sql);
      await tx`insert into platform.schema_migrations (owner, version, name, checksum)
        values (${m.owner}, ${m.version}, ${m.name}, ${m.checksum})`;
      logger?.info({ migration: `${m.owner}/${m.name}` }, 'migration applied');
      applied += 1;
    }
  });
  return applied;
}

/** What a database of this code base holds: the modules' migrations and the job queues. */
export type SchemaPlan = {
  modules: readonly string[];
  jobs: readonly AnyJobDefinition[];
  jobExpireSeconds?: number;
};

/**
 * Migrates as the schema owner (docs/decisions/0012-audit-that-owners-cannot-rewrite.md). A
 * superuser at `url` (the embedded server, or a superuser's DATABASE_URL) creates the roles, hands
 * `zhixing_owner` whatever an older installation left to the superuser, and migrates acting as
 * `zhixing_owner`; any other login at `url` is the owner itself. The job queues (pg-boss) are
 * created here too: creating one is DDL, which the application may not do.
 */
export async function migrateAsOwner(url: string, plan: SchemaPlan, logger?: Logger): Promise<number> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  let role: string | undefined;
  try {
    const [me] = await admin<{ isSuper: boolean; hasAppRole: boolean }[]>`
      select rolsuper as "isSuper", exists (select 1 from pg_roles where rolname = ${appRole}) as "hasAppRole"
      from pg_roles where rolname = current_user`;
    if (me?.isSuper) {
      await ensureRoles(admin);
      await adoptObjects(admin, ['platform', ...plan.modules, jobSchema]);
      role = ownerRole;
    } else if (!me?.hasAppRole) {
      throw new Error(
        `数据库中没有角色 ${appRole} / Role ${appRole} does not exist: create it (create role ${appRole} nologin), ` +
          'or migrate once as a superuser (docs/decisions/0012-audit-that-owners-cannot-rewrite.md)',
      );
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
  const owner = connectDatabase(url, { max: 2, ...(role !== undefined && { role }) });
  try {
    const applied = await migrate(owner.sql, plan.modules, logger);
    await ensureJobQueues(owner, plan.jobs, plan.jobExpireSeconds);
    return applied;
  } finally {
    await owner.close();
  }
}
