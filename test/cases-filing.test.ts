import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;
let judge: string;

async function countRows(): Promise<{ cases: number; parties: number; nodes: number; counters: number }> {
  const [row] = await t.database.sql<{ cases: number; parties: number; nodes: number; counters: number }[]>`
    select (select count(*)::int from cases.cases) as cases, (select count(*)::int from cases.parties) as parties,
           (select count(*)::int from cases.nodes) as nodes,
           (select coalesce(sum(last_sequence), 0)::int from cases.case_number_counters) as counters`;
  if (!row) throw new Error('no counts');
  return row;
}

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
});
after(() => t.close());

describe('filing a case', () => {
  test('a valid filing gets a case number of the court, year and type, and opens the case', async () => {
    const res = await t.request('POST', '/api/v1/cases', { token: judge, body: aCaseBody() });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.caseNumber, /^（20\d\d）浙0106执\d+号$/);
    assert.equal(res.body.status, 'filed');
    const got = await t.request('GET', `/api/v1/cases/${res.body.id}`, { token: judge });
    assert.equal(got.status, 200);
    assert.equal(got.body.caseNumber, res.body.caseNumber);
    assert.equal(got.body.applicants.length, 1);
    assert.equal(got.body.respondents.length, 1);
    assert.ok(got.body.respondents[0].id);
    assert.equal(got.body.team.judge.displayName, '林立');
    assert.equal(got.body.isTeamMember, true);
    assert.equal(got.body.respondents[0].isMasked, false);
    assert.ok(got.body.nodes.some((n: { kind: string }) => n.kind === 'filed'));
    assert.ok(got.body.deadlines.length > 0);
    const list = await t.request('GET', `/api/v1/cases?q=${encodeURIComponent(res.body.caseNumber)}`, {
      token: judge,
    });
    assert.equal(list.body.total, 1);
    const byName = await t.request(
      'GET',
      `/api/v1/cases?q=${encodeURIComponent(got.body.respondents[0].name)}`,
      { token: judge },
    );
    assert.ok(byName.body.items.some((i: { id: string }) => i.id === res.body.id));
  });

  const bad: [string, Record<string, unknown>, string][] = [
    [
      'an ID number with a wrong check digit',
      { respondents: [aPerson({ idNumber: '330106199001011235' })] },
      'respondents.0.idNumber',
    ],
    [
      'an ID number with an impossible birth date',
      { respondents: [aPerson({ idNumber: '330106199002301234' })] },
      'respondents.0.idNumber',
    ],
    [
      'a credit code that does not verify',
      { applicants: [aCompany({ creditCode: '91330106MA2B3C4D5X' })] },
      'applicants.0.creditCode',
    ],
    ['a negative claim', { claimAmountFen: -100 }, 'claimAmountFen'],
    ['a zero claim', { claimAmountFen: 0 }, 'claimAmountFen'],
    ['a fractional claim in fen', { claimAmountFen: 12.5 }, 'claimAmountFen'],
    ['a claim given as text', { claimAmountFen: '100' }, 'claimAmountFen'],
    ['a missing respondent', { respondents: [] }, 'respondents'],
    ['no respondents field', { respondents: undefined }, 'respondents'],
    ['an unknown case type', { caseType: '民初' }, 'caseType'],
    [
      'an unknown basis kind',
      { basis: { kind: 'rumour', documentNumber: 'x', issuedBy: 'y', effectiveDate: '2026-01-01' } },
      'basis.kind',
    ],
    [
      'a date in the wrong format',
      { basis: { kind: 'judgment', documentNumber: 'x', issuedBy: 'y', effectiveDate: '2026/01/01' } },
      'basis.effectiveDate',
    ],
    [
      'a date that does not exist',
      { basis: { kind: 'judgment', documentNumber: 'x', issuedBy: 'y', effectiveDate: '2026-02-30' } },
      'basis.effectiveDate',
    ],
    [
      'an effective date in the future',
      { basis: { kind: 'judgment', documentNumber: 'x', issuedBy: 'y', effectiveDate: '2099-01-01' } },
      'basis.effectiveDate',
    ],
    [
      'a name with markup',
      { respondents: [aPerson({ name: '<script>alert(1)</script>' })] },
      'respondents.0.name',
    ],
    [
      'a name with control characters',
      { respondents: [aPerson({ name: '张\u0007三' })] },
      'respondents.0.name',
    ],
    ['an absurdly long name', { respondents: [aPerson({ name: '张'.repeat(150) })] }, 'respondents.0.name'],
    [
      'a person without an ID number',
      { respondents: [aPerson({ idNumber: undefined })] },
      'respondents.0.idNumber',
    ],
    [
      'a company without a credit code',
      { respondents: [aCompany({ creditCode: undefined })] },
      'respondents.0.creditCode',
    ],
    ['an unknown party kind', { respondents: [aPerson({ kind: 'alien' })] }, 'respondents.0.kind'],
    ['an unknown flag', { flags: ['vip'] }, 'flags.0'],
  ];
  for (const [what, patch, path] of bad) {
    test(`refuses ${what} with 400 naming ${path}, and writes nothing`, async () => {
      const before = await countRows();
      const res = await t.request('POST', '/api/v1/cases', { token: judge, body: aCaseBody(patch) });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'INVALID_INPUT');
      const paths = res.body.error.details.map((d: { path: string }) => d.path);
      assert.ok(paths.includes(path), `expected ${path} in ${paths.join(', ')}`);
      for (const d of res.body.error.details) assert.match(d.message, / \/ /, 'message is bilingual');
      assert.deepEqual(await countRows(), before);
    });
  }

  test('malformed JSON, wrong content type and oversize bodies are 4xx and write nothing', async () => {
    const before = await countRows();
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { authorization: `Bearer ${judge}`, 'content-type': 'application/json' },
      payload: '{"caseType": "执", ',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(JSON.parse(malformed.body).error.details[0].path, 'body');
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { authorization: `Bearer ${judge}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'caseType=执',
    });
    assert.equal(form.statusCode, 415);
    const huge = await t.request('POST', '/api/v1/cases', {
      token: judge,
      body: aCaseBody({
        basis: {
          kind: 'judgment',
          documentNumber: 'x'.repeat(2_000_000),
          issuedBy: 'y',
          effectiveDate: '2026-01-01',
        },
      }),
    });
    assert.equal(huge.status, 413);
    const notObject = await t.request('POST', '/api/v1/cases', { token: judge, body: [1, 2] });
    assert.equal(notObject.status, 400);
    assert.deepEqual(await countRows(), before);
  });

  test('SQL and markup in free text are stored as plain text', async () => {
    const doc = "（2026）浙0106民初1号'; drop table cases.cases; --";
    const res = await t.request('POST', '/api/v1/cases', {
      token: judge,
      body: aCaseBody({
        basis: {
          kind: 'judgment',
          documentNumber: doc,
          issuedBy: '<b>西湖</b>',
          effectiveDate: '2026-01-02',
        },
      }),
    });
    assert.equal(res.status, 201);
    const got = await t.request('GET', `/api/v1/cases/${res.body.id}`, { token: judge });
    assert.equal(got.body.basis.documentNumber, doc);
    assert.equal(got.body.basis.issuedBy, '<b>西湖</b>');
  });

  test('without sign-in 401; a role that does not file 403; nothing written', async () => {
    const before = await countRows();
    const anonymous = await t.request('POST', '/api/v1/cases', { body: aCaseBody() });
    assert.equal(anonymous.status, 401);
    const command = await t.login('hz.command');
    const forbidden = await t.request('POST', '/api/v1/cases', { token: command, body: aCaseBody() });
    assert.equal(forbidden.status, 403);
    const badToken = await t.request('POST', '/api/v1/cases', {
      token: 'zx_not-a-real-token',
      body: aCaseBody(),
    });
    assert.equal(badToken.status, 401);
    assert.deepEqual(await countRows(), before);
  });

  test('a case id that is malformed or unknown is 404', async () => {
    assert.equal((await t.request('GET', '/api/v1/cases/not-a-uuid', { token: judge })).status, 404);
    assert.equal(
      (await t.request('GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000', { token: judge })).status,
      404,
    );
  });
});

describe('case numbers under concurrent filing', () => {
  test('many parallel filings get unique, gap-free numbers per court, year and type', async () => {
    const assistant = await t.login('xihu.assistant');
    const judge2 = await t.login('xihu.judge2');
    const tokens = [judge, assistant, judge2];
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        t.request('POST', '/api/v1/cases', {
          token: tokens[i % 3],
          body: aCaseBody({ caseType: i % 4 === 0 ? '执保' : '执' }),
        }),
      ),
    );
    for (const r of results) assert.equal(r.status, 201, JSON.stringify(r.body));
    const rows = await t.database.sql<{ case_type: string; year: number; seqs: number[] }[]>`
      select case_type, year, array_agg(sequence order by sequence) as seqs from cases.cases
      where court_code = '浙0106' group by case_type, year`;
    for (const row of rows) {
      assert.deepEqual(
        row.seqs,
        Array.from({ length: row.seqs.length }, (_, i) => i + 1),
        `${row.case_type} gap-free`,
      );
    }
    const numbers = results.map((r) => r.body.caseNumber);
    assert.equal(new Set(numbers).size, numbers.length);
  });

  test('a filing that fails inside its transaction leaves no gap', async () => {
    const [before] = await t.database.sql<{ n: number }[]>`
      select coalesce(max(last_sequence), 0)::int as n from cases.case_number_counters where court_code = '浙0106' and case_type = '执'`;
    // A duplicate party makes the use case refuse before writing; a database-level failure is
    // simulated with a deferred constraint violation inside the same transaction.
    await t.database.sql`create function cases.fail_once() returns trigger language plpgsql as $$
      begin if new.name = '失败测试公司有限公司' then raise exception 'boom'; end if; return new; end $$`;
    await t.database
      .sql`create trigger fail_once before insert on cases.parties for each row execute function cases.fail_once()`;
    const res = await t.request('POST', '/api/v1/cases', {
      token: judge,
      body: aCaseBody({ applicants: [aCompany({ name: '失败测试公司有限公司' })] }),
    });
    assert.equal(res.status, 500);
    await t.database.sql`drop trigger fail_once on cases.parties`;
    const ok = await t.request('POST', '/api/v1/cases', { token: judge, body: aCaseBody() });
    assert.equal(ok.status, 201);
    const [afterRow] = await t.database.sql<{ n: number }[]>`
      select max(last_sequence)::int as n from cases.case_number_counters where court_code = '浙0106' and case_type = '执'`;
    assert.equal(afterRow?.n, (before?.n ?? 0) + 1, 'the failed filing did not consume a number');
    const orphans = await t.database
      .sql`select id from cases.cases c where not exists (select 1 from cases.parties p where p.case_id = c.id)`;
    assert.equal(orphans.length, 0, 'no partial case');
  });
});
