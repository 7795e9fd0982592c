import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listTotalCap } from '../src/modules/cases/index.ts';
import { aCaseBody, aPerson } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;

before(async () => {
  t = await startTestApp();
});
after(() => t.close());

/** Bulk rows for a court, written straight into the table (list behaviour only, not filing). */
async function insertBulkCases(courtCode: string, n: number): Promise<void> {
  await t.database.sql`
    insert into cases.cases (id, court_id, court_path, court_code, case_type, year, sequence, case_number, status,
      filed_on, filed_by, basis_kind, basis_document_number, basis_issued_by, basis_effective_date,
      claim_amount_fen, next_deadline_kind, next_deadline_on)
    select gen_random_uuid(), c.id, c.path, c.court_code, '执', 2025, 100000 + g,
      '（2025）' || c.court_code || '执' || (100000 + g) || '号', 'inProgress', date '2025-06-01',
      c.id, 'judgment', '（2025）民初1号', '某法院', date '2025-05-01', 100000,
      'handlingPeriod', date '2026-01-01' + (g % 300)
    from identity.courts c, generate_series(1, ${n}) g
    where c.court_code = ${courtCode} and c.level = 'basic'`;
}

test('the list total is exact below the cap and capped above it, and pages stay in deadline order', async () => {
  const judge = await t.login('xihu.judge');
  const filed = await t.request('POST', '/api/v1/cases', {
    token: judge,
    body: aCaseBody({ respondents: [aPerson()] }),
  });
  assert.equal(filed.status, 201);
  const small = await t.request('GET', '/api/v1/cases?pageSize=20', { token: judge });
  assert.equal(small.status, 200);
  assert.equal(small.body.total, 1);
  assert.equal(small.body.isTotalCapped, false);

  await insertBulkCases('浙0106', listTotalCap + 5);
  const xihu = await t.request('GET', '/api/v1/cases?pageSize=50&page=3', { token: judge });
  assert.equal(xihu.body.total, listTotalCap);
  assert.equal(xihu.body.isTotalCapped, true);
  assert.equal(xihu.body.items.length, 50);
  const dues = xihu.body.items.map(
    (i: { nextDeadline: { dueOn: string } | null }) => i.nextDeadline?.dueOn ?? '9999',
  );
  assert.deepEqual(dues, [...dues].sort());

  // Another court's bulk does not leak into 西湖's scope, and the intermediate court sees both.
  await insertBulkCases('浙0102', 30);
  const shangcheng = await t.request('GET', '/api/v1/cases?pageSize=10', {
    token: await t.login('shangcheng.judge'),
  });
  assert.equal(shangcheng.body.total, 30);
  assert.equal(shangcheng.body.isTotalCapped, false);
  const hz = await t.request('GET', '/api/v1/cases?pageSize=10&status=inProgress', {
    token: await t.login('hz.command'),
  });
  assert.equal(hz.body.isTotalCapped, true);
});
