import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import postgres from 'postgres';
import { sealAudit, verifyAudit } from '../src/modules/audit/index.ts';
import { assertApplicationRole } from '../src/platform/db-roles.ts';
import { aCaseBody } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;
let judge: string;

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
  for (let i = 0; i < 10; i++) await t.request('POST', '/api/v1/cases', { token: judge, body: aCaseBody() });
  // The worker seals as the application's role.
  await sealAudit(t.appDatabase.sql);
});
after(() => t.close());

/** Acts as the schema owner (`zhixing_owner`), who may switch the trigger off. */
async function asOwner(fn: (sql: postgres.TransactionSql) => Promise<unknown>): Promise<void> {
  const sql = postgres(t.database.url, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      await tx`set local role zhixing_owner`;
      await tx`alter table audit.records disable trigger records_append_only`;
      await fn(tx);
      await tx`alter table audit.records enable trigger records_append_only`;
    });
  } finally {
    await sql.end();
  }
}

test('an intact chain verifies', async () => {
  const report = await verifyAudit(t.appDatabase.sql);
  assert.ok(report.checked >= 6, `checked ${report.checked}`);
  assert.deepEqual(report.problems, []);
});

test('sealing does not wait for transactions of other databases on the same server', async () => {
  // Other test files' databases share the server; one of them holds a transaction open.
  const other = postgres(t.database.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await other.begin(async (tx) => {
      await tx`select pg_current_xact_id()`;
      await t.request('POST', '/api/v1/cases', { token: judge, body: aCaseBody() });
      await sealAudit(t.appDatabase.sql);
      const [left] = await t.database.sql<{ n: number }[]>`
        select count(*)::int as n from audit.records where chain_seq is null`;
      assert.equal(left?.n, 0, 'every committed record is sealed');
    });
  } finally {
    await other.end();
  }
});

test('the application cannot change or delete audit records', async () => {
  const app = t.appDatabase.sql;
  await assert.rejects(
    app`update audit.records set action = 'x' where id = 1`,
    /append-only|permission denied/,
  );
  await assert.rejects(app`delete from audit.records where id = 1`, /append-only|permission denied/);
  await assert.rejects(app`truncate audit.records`, /append-only|permission denied/);
  // The role, not only the trigger: it owns nothing, so it cannot switch the trigger off or drop.
  await assert.rejects(app`alter table audit.records disable trigger records_append_only`, /must be owner/);
  await assert.rejects(app`alter table audit.records disable trigger all`, /must be owner/);
  await assert.rejects(app`drop table audit.records`, /must be owner/);
  await assert.rejects(app`drop schema audit cascade`, /must be owner/);
  await assert.rejects(app`set session_replication_role = replica`, /permission denied/);
  await assert.rejects(app`set role zhixing_owner`, /permission denied/);
  await assert.rejects(app`create table audit.shadow (id int)`, /permission denied/);
  await assert.rejects(
    app`insert into audit.records (action, object_type, chain_seq, prev_hash, hash)
      values ('forged', 'case', 999999, repeat('0', 64), repeat('0', 64))`,
    /sealed only by the sealer/,
  );
  await assert.doesNotReject(assertApplicationRole(app));
  await assert.rejects(assertApplicationRole(t.database.sql), /could rewrite the audit \(superuser/);
});

test('a record the application adds carries its own transaction and time, whatever it says', async () => {
  const [row] = await t.appDatabase.sql<{ isOwnTx: boolean; isNow: boolean }[]>`
    insert into audit.records (action, object_type, occurred_at, tx_id)
    values ('test.backdated', 'test', now() - interval '1 day', '1'::xid8)
    returning tx_id = pg_current_xact_id() as "isOwnTx", occurred_at = now() as "isNow"`;
  assert.deepEqual(row, { isOwnTx: true, isNow: true });
  await sealAudit(t.appDatabase.sql);
  assert.deepEqual((await verifyAudit(t.appDatabase.sql)).problems, []);
});

test('an altered record is reported', async () => {
  await asOwner((sql) => sql`update audit.records set purpose = 'forged' where chain_seq = 3`);
  const report = await verifyAudit(t.database.sql);
  assert.ok(
    report.problems.some((p) => p.chainSeq === '3' && /altered/.test(p.problem)),
    JSON.stringify(report.problems),
  );
  await asOwner((sql) => sql`update audit.records set purpose = null where chain_seq = 3`);
  assert.deepEqual((await verifyAudit(t.database.sql)).problems, []);
});

test('a removed record is reported', async () => {
  await asOwner(async (sql) => {
    await sql`create table audit.saved_audit as select * from audit.records where chain_seq = 5`;
    await sql`delete from audit.records where chain_seq = 5`;
  });
  const report = await verifyAudit(t.database.sql);
  assert.ok(
    report.problems.some((p) => p.chainSeq === '6' && /missing/.test(p.problem)),
    JSON.stringify(report.problems),
  );
  await asOwner(async (sql) => {
    await sql`insert into audit.records select * from audit.saved_audit`;
    await sql`drop table audit.saved_audit`;
  });
  assert.deepEqual((await verifyAudit(t.database.sql)).problems, []);
});

test('a record inserted into the chain is reported', async () => {
  await asOwner(async (sql) => {
    await sql`update audit.records set chain_seq = chain_seq + 1000 where chain_seq >= 7`;
    await sql`insert into audit.records (action, object_type, chain_seq, prev_hash, hash)
      select 'forged', 'case', 7, hash, repeat('0', 64) from audit.records where chain_seq = 6`;
    await sql`update audit.records set chain_seq = chain_seq - 999 where chain_seq >= 1007`;
  });
  const report = await verifyAudit(t.database.sql);
  assert.ok(
    report.problems.some((p) => p.chainSeq === '7' && /altered/.test(p.problem)),
    JSON.stringify(report.problems),
  );
  assert.ok(report.problems.some((p) => p.chainSeq === '8' && /broken/.test(p.problem)));
});

test('a row backdated behind the sealed chain stays unsealed and is reported', async () => {
  await asOwner(
    (sql) => sql`insert into audit.records (id, occurred_at, action, object_type)
    values (0, now() - interval '1 day', 'forged', 'case')`,
  );
  await sealAudit(t.appDatabase.sql);
  const [row] = await t.database.sql<
    { chain_seq: string | null }[]
  >`select chain_seq from audit.records where id = 0`;
  assert.equal(row?.chain_seq, null);
  const report = await verifyAudit(t.database.sql);
  assert.ok(
    report.problems.some((p) => p.id === '0' && /inserted/.test(p.problem)),
    'the backdated row is reported as inserted',
  );
});
