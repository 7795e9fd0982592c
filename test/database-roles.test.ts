import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import postgres from 'postgres';
import { testAppLogin, withAppLogin, withDatabase } from '../scripts/test-database.ts';
import { allJobs, moduleNames } from '../src/modules.ts';
import { loadConfig } from '../src/platform/config.ts';
import { connectDatabase } from '../src/platform/db.ts';
import { ensureDatabase } from '../src/platform/embedded-postgres.ts';
import { ensureJobQueues } from '../src/platform/jobs.ts';
import { createLogger } from '../src/platform/logging.ts';
import { migrate, migrateAsOwner } from '../src/platform/migrate.ts';
import { openDatabase } from '../src/platform/runtime.ts';
import { createTestDatabase, type TestDatabase } from './support.ts';

/**
 * The two roles (docs/decisions/0012-audit-that-owners-cannot-rewrite.md): the owner migrates and
 * owns everything; the application uses the data and owns nothing — also in an installation
 * migrated before the roles existed, and with an owner that is not a superuser.
 */
const adminUrl = process.env.ZHIXING_TEST_ADMIN_URL ?? '';
const plan = { modules: moduleNames, jobs: allJobs() };
const logger = createLogger('silent');

async function withFreshDatabase(fn: (name: string) => Promise<void>): Promise<void> {
  const name = `zx_roles_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  try {
    await fn(name);
  } finally {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** Whatever of the modules' schemas is owned by anyone but `owner`. */
async function strayOwners(url: string, owner: string): Promise<string[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ name: string }[]>`
      select c.oid::regclass::text || ' (' || pg_get_userbyid(c.relowner) || ')' as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any(${['platform', ...moduleNames, 'pgboss']}) and c.relkind in ('r', 'p', 'S')
        and pg_get_userbyid(c.relowner) <> ${owner}
      union all
      select nspname || ' (' || pg_get_userbyid(nspowner) || ')' from pg_namespace
      where nspname = any(${['platform', ...moduleNames, 'pgboss']}) and pg_get_userbyid(nspowner) <> ${owner}`;
    return rows.map((r) => r.name);
  } finally {
    await sql.end();
  }
}

/** The application's login may use the data and write audit records, and cannot switch the trigger off. */
async function assertApplicationWorks(appUrl: string): Promise<void> {
  const app = connectDatabase(appUrl, { max: 1 });
  try {
    await app.sql`insert into audit.records (action, object_type) values ('test.role', 'test')`;
    await app.sql`update platform.clock set offset_ms = offset_ms`;
    await app.sql`select count(*) from pgboss.job`;
    await assert.rejects(app.sql`alter table audit.records disable trigger all`, /must be owner/);
    await assert.rejects(app.sql`insert into platform.schema_migrations values ('x', 1, 'x', 'x')`, /denied/);
  } finally {
    await app.close();
  }
}

describe('the application’s role', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.drop());

  test('owns no schema and no table, and may not create one', async () => {
    assert.deepEqual(await strayOwners(database.url, 'zhixing_owner'), []);
    const app = connectDatabase(database.appUrl, { max: 1 });
    try {
      await assert.rejects(app.sql`create schema shadow`, /permission denied/);
      await assert.rejects(app.sql`create table public.shadow (id int)`, /permission denied/);
      await assert.rejects(app.sql`create table cases.shadow (id int)`, /permission denied/);
      await assert.rejects(app.sql`truncate cases.cases`, /permission denied/);
    } finally {
      await app.close();
    }
  });

  test('is granted, by default, the tables a later migration creates', async () => {
    const owner = connectDatabase(database.url, { max: 1, role: 'zhixing_owner' });
    try {
      await owner.sql`create table cases.later_table (id serial primary key, note text)`;
    } finally {
      await owner.close();
    }
    const app = connectDatabase(database.appUrl, { max: 1 });
    try {
      const [row] = await app.sql<
        { id: number }[]
      >`insert into cases.later_table (note) values ('x') returning id`;
      assert.equal(row?.id, 1);
      await app.sql`delete from cases.later_table`;
      await assert.rejects(app.sql`alter table cases.later_table add column y int`, /must be owner/);
    } finally {
      await app.close();
    }
  });

  test('the application will not start as a role that could rewrite the audit', async () => {
    const asSuperuser = loadConfig({ DATABASE_URL: database.url, DATABASE_APP_URL: database.url });
    await assert.rejects(openDatabase(asSuperuser, logger), /could rewrite the audit \(superuser/);
    // A superuser's DATABASE_URL alone: Zhixing makes the application's login, password kept in
    // the data folder, readable by its user only.
    const dataDir = await mkdtemp(path.join(tmpdir(), 'zx-roles-'));
    try {
      const ownerOnly = loadConfig({ DATABASE_URL: database.url, ZHIXING_DATA_DIR: dataDir });
      const auto = await openDatabase(ownerOnly, logger);
      try {
        const [me] = await auto.database.sql<{ user: string }[]>`select current_user as user`;
        assert.equal(me?.user, 'zhixing_app');
      } finally {
        await auto.stop();
      }
      const file = await stat(path.join(dataDir, 'database-app-login'));
      assert.equal(file.mode & 0o777, 0o600);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    const both = loadConfig({ DATABASE_URL: database.url, DATABASE_APP_URL: database.appUrl });
    const runtime = await openDatabase(both, logger);
    try {
      const [me] = await runtime.database.sql<{ user: string }[]>`select current_user as user`;
      assert.equal(me?.user, testAppLogin(adminUrl).user);
      assert.equal(await runtime.migrate(plan), 0, 'migrations run as the owner; nothing left to apply');
    } finally {
      await runtime.stop();
    }
  });
});

test('an installation migrated before the roles is handed to the owner by its next migration', async () => {
  await withFreshDatabase(async (name) => {
    const url = withDatabase(adminUrl, name);
    // As before the roles: everything migrated by, and owned by, the superuser; nothing granted
    // to the application's role, and the platform's migration that grants it not yet run.
    const legacy = connectDatabase(url, { max: 2 });
    try {
      await migrate(legacy.sql, moduleNames);
      await ensureJobQueues(legacy, allJobs());
      await legacy.sql`delete from platform.schema_migrations where owner = 'platform' and version = 4`;
      const schemas = await legacy.sql<{ name: string }[]>`
        select nspname as name from pg_namespace where nspname = any(${['platform', ...moduleNames, 'pgboss']})`;
      for (const { name: schema } of schemas) {
        await legacy.sql.unsafe(`revoke all on all tables in schema ${schema} from zhixing_app`);
        await legacy.sql.unsafe(`revoke all on schema ${schema} from zhixing_app`);
      }
    } finally {
      await legacy.close();
    }
    assert.notDeepEqual(await strayOwners(url, 'zhixing_owner'), []);
    await migrateAsOwner(url, plan);
    assert.deepEqual(await strayOwners(url, 'zhixing_owner'), []);
    await assertApplicationWorks(withAppLogin(adminUrl, name));
  });
});

test('an owner that is not a superuser migrates as itself', async () => {
  await withFreshDatabase(async (name) => {
    const owner = {
      user: 'zhixing_test_dba_owner',
      password: createHmac('sha256', new URL(adminUrl).password)
        .update('zhixing_test_dba_owner')
        .digest('base64url'),
    };
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`do $$ begin create role ${owner.user} login;
        exception when duplicate_object or unique_violation then null; end $$`);
      await admin.unsafe(`alter role ${owner.user} login password '${owner.password}'`);
      await admin.unsafe(`grant create on database ${name} to ${owner.user}`);
    } finally {
      await admin.end();
    }
    const u = new URL(withDatabase(adminUrl, name));
    u.username = owner.user;
    u.password = owner.password;
    assert.ok((await migrateAsOwner(u.toString(), plan)) > 0);
    assert.deepEqual(await strayOwners(url(name), owner.user), []);
    // Such an owner cannot make logins: the application's address must be given.
    await assert.rejects(
      openDatabase(loadConfig({ DATABASE_URL: u.toString() }), logger),
      /DATABASE_APP_URL is not set/,
    );
    await assertApplicationWorks(withAppLogin(adminUrl, name));
  });
});

const url = (name: string) => withDatabase(adminUrl, name);
