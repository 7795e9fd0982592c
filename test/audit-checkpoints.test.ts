import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import postgres from 'postgres';
import { addCalendarDays, chinaDateOf, startOfChinaDate } from '../src/kernel/index.ts';
import {
  canonicalColumns,
  chainHash,
  checkpointMessage,
  loadOrCreateSigningKey,
  type SigningKey,
  sealAudit,
  verifyAudit,
  writeCheckpoint,
} from '../src/modules/audit/index.ts';
import { aCaseBody } from './factories.ts';
import { createTestDatabase, startTestApp, type TestApp } from './support.ts';

/**
 * Signed checkpoints (docs/decisions/0012-audit-that-owners-cannot-rewrite.md): what the owner of
 * the database can do to the chain — delete its newest records, or edit one and recompute every
 * hash after it — passes the plain hash chain, and is found out against a checkpoint signed with a
 * key the database does not hold.
 */
let t: TestApp;
let key: SigningKey;
let sources: { keyFile: string; checkpointFile: string };
const today = chinaDateOf(Date.now());
const yesterday = addCalendarDays(today, -1);
/** An instant `hours` into a China date. */
const at = (date: string, hours: number) => new Date(startOfChinaDate(date).getTime() + hours * 3_600_000);

before(async () => {
  t = await startTestApp();
  const judge = await t.login('xihu.judge');
  for (let i = 0; i < 8; i++) await t.request('POST', '/api/v1/cases', { token: judge, body: aCaseBody() });
  await sealAudit(t.appDatabase.sql);
  sources = {
    keyFile: path.join(t.dataDir, 'audit', 'signing-key.pem'),
    checkpointFile: path.join(t.dataDir, 'audit', 'checkpoints.jsonl'),
  };
  key = await loadOrCreateSigningKey(sources.keyFile);
});
after(() => t.close());

const sign = (now: Date) => writeCheckpoint(t.appDatabase.sql, { key, file: sources.checkpointFile, now });

async function headSeq(): Promise<number> {
  const [row] = await t.database.sql<{ n: number }[]>`select max(chain_seq)::int as n from audit.records`;
  return row?.n ?? 0;
}

/** The owner (`zhixing_owner`), with the trigger off: what an owner of the database can do. */
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

/** Edits record `seq` and recomputes every hash from it to the head, as an owner who knows the algorithm would. */
async function rewriteFrom(sql: postgres.TransactionSql, seq: number, objectId: string): Promise<void> {
  await sql`update audit.records set object_id = ${objectId} where chain_seq = ${seq}`;
  const rows = await sql.unsafe<{ seq: number; canonical: string }[]>(
    `select chain_seq::int as seq, ${canonicalColumns} as canonical from audit.records
     where chain_seq >= $1 order by chain_seq`,
    [seq],
  );
  const [before] = await sql<{ hash: string }[]>`select hash from audit.records where chain_seq = ${seq - 1}`;
  let prev = before?.hash ?? '';
  for (const row of rows) {
    const hash = chainHash(prev, row.canonical);
    await sql`update audit.records set prev_hash = ${prev}, hash = ${hash} where chain_seq = ${row.seq}`;
    prev = hash;
  }
}

test('a checkpoint is signed into the file and the table, and the chain verifies against it', async () => {
  const written = await sign(at(yesterday, 9));
  assert.ok(written, 'a checkpoint was written');
  assert.equal(written.chainSeq, await headSeq());
  const lines = (await readFile(sources.checkpointFile, 'utf8')).trim().split('\n');
  assert.deepEqual(JSON.parse(lines.at(-1) ?? ''), written);
  const [row] = await t.database.sql<{ n: number }[]>`
    select count(*)::int as n from audit.checkpoints where chain_seq = ${written.chainSeq} and signature = ${written.signature}`;
  assert.equal(row?.n, 1);
  assert.equal(await sign(at(yesterday, 9.5)), null, 'nothing new to sign the same day');
  const report = await verifyAudit(t.appDatabase.sql, sources);
  assert.deepEqual(report.problems, []);
  assert.equal(report.checkpoint?.chainSeq, written.chainSeq);
});

test('records deleted from the end of the chain are reported as a truncation', async () => {
  const head = await headSeq();
  await asOwner(async (sql) => {
    await sql`create table audit.saved_tail as select * from audit.records where chain_seq > ${head - 3}`;
    await sql`delete from audit.records where chain_seq > ${head - 3}`;
    // The owner also removes the checkpoints from the table; the file is out of reach.
    await sql`create table audit.saved_checkpoints as select * from audit.checkpoints`;
    await sql`delete from audit.checkpoints`;
  });
  assert.deepEqual((await verifyAudit(t.appDatabase.sql)).problems, [], 'the plain hash chain cannot tell');
  const report = await verifyAudit(t.appDatabase.sql, sources);
  assert.ok(
    report.problems.some((p) =>
      new RegExp(`truncated.*ends at record ${head - 3}.*records ${head - 2}–${head} were deleted`).test(
        p.problem,
      ),
    ),
    JSON.stringify(report.problems),
  );
  assert.ok(report.problems.some((p) => /gone from audit.checkpoints/.test(p.problem)));
  await assert.rejects(sign(at(yesterday, 10)), /records were deleted; not signed/);
  await asOwner(async (sql) => {
    await sql`insert into audit.records select * from audit.saved_tail`;
    await sql`insert into audit.checkpoints select * from audit.saved_checkpoints`;
    await sql`drop table audit.saved_tail, audit.saved_checkpoints`;
  });
  assert.deepEqual((await verifyAudit(t.appDatabase.sql, sources)).problems, []);
});

test('a record edited and the chain recomputed after it is reported', async () => {
  const head = await headSeq();
  const [original] = await t.database.sql<{ objectId: string }[]>`
    select object_id as "objectId" from audit.records where chain_seq = 3`;
  assert.ok(original);
  await asOwner((sql) => rewriteFrom(sql, 3, 'forged'));
  assert.deepEqual((await verifyAudit(t.appDatabase.sql)).problems, [], 'the plain hash chain cannot tell');
  const report = await verifyAudit(t.appDatabase.sql, sources);
  assert.ok(
    report.problems.some(
      (p) => p.chainSeq === String(head) && /rewritten and its hashes recomputed/.test(p.problem),
    ),
    JSON.stringify(report.problems),
  );
  await assert.rejects(sign(at(yesterday, 11)), /rewritten; not signed/);
  await asOwner((sql) => rewriteFrom(sql, 3, original.objectId));
  assert.deepEqual((await verifyAudit(t.appDatabase.sql, sources)).problems, []);
});

test('a checkpoint forged into the table is reported and not believed', async () => {
  const head = await headSeq();
  await t.appDatabase
    .sql`insert into audit.checkpoints (chain, chain_seq, head_hash, signed_at, china_date, key_id, signature)
    select chain, chain_seq + 100, repeat('f', 64), signed_at, china_date, key_id, 'AAAA' from audit.checkpoints limit 1`;
  const report = await verifyAudit(t.appDatabase.sql, sources);
  assert.equal(report.checkpoint?.chainSeq, head, 'the forged checkpoint is not the anchor');
  assert.ok(report.problems.some((p) => /not signed by the audit key \(forged\)/.test(p.problem)));
  await t.database.sql`delete from audit.checkpoints where signature = 'AAAA'`;
});

test('the transparency page lists each China day’s last checkpoint with the key that checks it', async () => {
  // Yesterday 09:00 (China time) is signed already; more records, then two checkpoints today.
  const judge = await t.login('xihu.judge');
  await t.request('POST', '/api/v1/cases', { token: judge, body: aCaseBody() });
  await sealAudit(t.appDatabase.sql);
  assert.ok(await sign(at(today, 1)));
  await t.request('POST', '/api/v1/cases', { token: judge, body: aCaseBody() });
  await sealAudit(t.appDatabase.sql);
  assert.ok(await sign(at(today, 7)));
  const res = await t.request('GET', '/api/v1/audit/transparency?days=7');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.publicKey, key.pem);
  const roots: { date: string; chainSeq: number; headHash: string; signedAt: string; signature: string }[] =
    res.body.roots;
  assert.deepEqual(
    roots.map((r) => [r.date, r.signedAt]),
    [
      [today, at(today, 7).toISOString()],
      [yesterday, at(yesterday, 9).toISOString()],
    ],
  );
  assert.equal(roots[0]?.chainSeq, await headSeq());
  // Anyone can check a root with the published key and message format.
  for (const root of roots) {
    const message = checkpointMessage({ chain: res.body.chain, ...root });
    const signature = Buffer.from(root.signature, 'base64');
    assert.ok(verify(null, Buffer.from(message), createPublicKey(res.body.publicKey), signature));
  }
});

test('a database put in the place of the checkpointed one is reported', async () => {
  const other = await createTestDatabase();
  try {
    const report = await verifyAudit(other.sql, sources);
    assert.equal(report.checkpoint, null);
    assert.ok(
      report.problems.some((p) =>
        /holds checkpoints of another database .* but none of this one/.test(p.problem),
      ),
      JSON.stringify(report.problems),
    );
  } finally {
    await other.drop();
  }
});
