import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import postgres from 'postgres';
import { sealAudit, verifyAudit } from '../src/modules/audit/index.ts';
import { aCaseBody } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;

before(async () => {
  t = await startTestApp();
  const judge = await t.login('xihu.judge');
  for (let i = 0; i < 10; i++) await t.request('POST', '/api/v1/cases', { token: judge, body: aCaseBody() });
  await sealAudit(t.database.sql);
});
after(() => t.close());

async function asOwner<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(t.database.url, { max: 1, onnotice: () => {} });
  try {
    let result: T | undefined;
    await sql.begin(async (tx) => {
      await tx`alter table audit.records disable trigger records_append_only`;
      result = await fn(tx as unknown as postgres.Sql);
      await tx`alter table audit.records enable trigger records_append_only`;
    });
    return result as T;
  } finally {
    await sql.end();
  }
}

test('an intact chain verifies', async () => {
  const report = await verifyAudit(t.database.sql);
  assert.ok(report.checked >= 6, `checked ${report.checked}`);
  assert.deepEqual(report.problems, []);
});

test('the application cannot change or delete audit records', async () => {
  await assert.rejects(t.database.sql`update audit.records set action = 'x' where id = 1`, /append-only/);
  await assert.rejects(t.database.sql`delete from audit.records where id = 1`, /append-only/);
  await assert.rejects(t.database.sql`truncate audit.records`, /append-only/);
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
    await sql`create table public.saved_audit as select * from audit.records where chain_seq = 5`;
    await sql`delete from audit.records where chain_seq = 5`;
  });
  const report = await verifyAudit(t.database.sql);
  assert.ok(
    report.problems.some((p) => p.chainSeq === '6' && /missing/.test(p.problem)),
    JSON.stringify(report.problems),
  );
  await asOwner((sql) => sql`insert into audit.records select * from public.saved_audit`);
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
  await sealAudit(t.database.sql);
  const [row] = await t.database.sql<
    { chain_seq: string | null }[]
  >`select chain_seq from audit.records where id = 0`;
  assert.equal(row?.chain_seq, null);
  // The row counts as final once every transaction that was running when it was written has
  // ended; the app's background work may hold one open for a moment.
  const isReported = async () =>
    (await verifyAudit(t.database.sql)).problems.some((p) => p.id === '0' && /inserted/.test(p.problem));
  let reported = await isReported();
  for (let i = 0; i < 50 && !reported; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    reported = await isReported();
  }
  assert.ok(reported, 'the backdated row is reported as inserted');
});
