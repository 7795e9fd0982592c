import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { prepareTestServer, templateName, withDatabase } from '../scripts/test-database.ts';
import { buildApp } from '../src/app.ts';
import { generatePopulation } from '../src/demo/population.ts';
import { createRandom } from '../src/demo/random.ts';
import { makeIdNumber } from '../src/kernel/index.ts';
import { fileCase } from '../src/modules/cases/index.ts';
import {
  demoPassword,
  hashPassword,
  insertCourt,
  loadActorByUsername,
  seedDemoOrganisation,
} from '../src/modules/identity/index.ts';
import { loadConfig } from '../src/platform/config.ts';
import { connectDatabase } from '../src/platform/db.ts';
import { createLogger } from '../src/platform/logging.ts';
import { printFigures, runConcurrently, summarise } from './support.ts';

/**
 * Filing and the workbench list (issue: Zhixing core).
 * 1. Filing at concurrency 50 through the use case and over HTTP, beside bare single-row inserts
 *    into a table of the same width on the same database at the same concurrency.
 * 2. The case-list page with 1,000,000 cases loaded (50 basic courts, 20,000 cases each), for a
 *    judge's own cases, a basic court, an intermediate court and the high court.
 */
const FILINGS = Number(process.env.BENCH_FILINGS ?? 4000);
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const CONCURRENCY = 50;
const LIST_REQUESTS = 400;

const server = await prepareTestServer({ port: 54990 });
const dbName = `zx_bench_${Date.now()}`;
const admin = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${dbName} template ${templateName}`);
await admin.end();
const url = withDatabase(server.adminUrl, dbName);
const database = connectDatabase(url, { max: CONCURRENCY + 10 });
const { sql, db } = database;
const logger = createLogger('warn');

try {
  await seedDemoOrganisation(db, await hashPassword(demoPassword));
  const population = generatePopulation({ seed: 7, persons: 4000, companies: 500 });
  const random = createRandom(11);
  const filers = ['xihu.judge', 'xihu.judge2', 'shangcheng.judge', 'haishu.judge'];
  const actors = await Promise.all(filers.map((u) => loadActorByUsername(db, u)));
  const bodyFor = (i: number) => {
    const a = population.persons[i % population.persons.length];
    const r = population.persons[(i * 7 + 3) % population.persons.length];
    return {
      caseType: '执' as const,
      basis: {
        kind: 'judgment' as const,
        documentNumber: `（2026）浙0106民初${i + 1}号`,
        issuedBy: '杭州市西湖区人民法院',
        effectiveDate: '2026-01-15',
      },
      applicants: [
        {
          kind: 'natural' as const,
          name: a?.name ?? '张三',
          idNumber: a?.idNumber ?? makeIdNumber('330106', '1980-01-01', 11),
        },
      ],
      respondents: [
        {
          kind: 'natural' as const,
          name: r?.name ?? '李四',
          idNumber: r?.idNumber ?? makeIdNumber('330106', '1980-01-01', 13),
        },
      ],
      claimAmountFen: random.int(100_000, 50_000_000),
    };
  };

  // Baseline: a bare single-row insert of a comparable row, autocommit, same pool, same concurrency.
  await sql`create table public.bench_bare (id uuid primary key, court_code text not null, case_number text not null, payload jsonb not null, created_at timestamptz not null default now())`;
  const bare = await runConcurrently(FILINGS, CONCURRENCY, async (i) => {
    await sql`insert into public.bench_bare (id, court_code, case_number, payload) values (${randomUUID()}, '浙0106', ${`bench-${i}`}, ${JSON.stringify(bodyFor(i))}::jsonb)`;
  });
  const filed = await runConcurrently(FILINGS, CONCURRENCY, async (i) => {
    const actor = actors[i % actors.length];
    if (actor) await fileCase(db, actor, bodyFor(i));
  });
  const oneCourt = await runConcurrently(FILINGS / 2, CONCURRENCY, async (i) => {
    const actor = actors[0];
    if (actor) await fileCase(db, actor, bodyFor(i + FILINGS));
  });

  const app = await buildApp({
    config: loadConfig({ ZHIXING_LOG_LEVEL: 'silent', ZHIXING_DEMO: '1' }),
    database,
    logger,
    serveWeb: false,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const tokens = await Promise.all(
    filers.map(async (username) => {
      const res = await fetch(`${address}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: demoPassword }),
      });
      return ((await res.json()) as { token: string }).token;
    }),
  );
  const http = await runConcurrently(FILINGS, CONCURRENCY, async (i) => {
    const res = await fetch(`${address}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % tokens.length]}` },
      body: JSON.stringify(bodyFor(i + 2 * FILINGS)),
    });
    if (res.status !== 201) throw new Error(`filing over HTTP: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  });
  const gaps = await sql<{ gaps: number }[]>`
    select count(*)::int as gaps from (
      select sequence - lag(sequence) over (partition by court_code, year, case_type order by sequence) as step
      from cases.cases) s where step <> 1`;

  const rate = (r: { elapsedMs: number; latencies: number[] }) => (r.latencies.length / r.elapsedMs) * 1000;
  const bareS = summarise(bare.latencies);
  const fileS = summarise(filed.latencies);
  const httpS = summarise(http.latencies);
  const oneS = summarise(oneCourt.latencies);
  printFigures(
    `Filing at concurrency ${CONCURRENCY} (${FILINGS} each; ${gaps[0]?.gaps ?? '?'} gaps in case numbers)`,
    [
      {
        name: 'filing throughput (use case, 4 courts)',
        value: rate(filed),
        unit: '/s',
        baseline: { name: 'bare insert', value: rate(bare) },
      },
      {
        name: 'filing p50 (use case)',
        value: fileS.p50,
        unit: 'ms',
        baseline: { name: 'bare insert', value: bareS.p50 },
        goal: '≤ 3×',
      },
      {
        name: 'filing p99 (use case)',
        value: fileS.p99,
        unit: 'ms',
        baseline: { name: 'bare insert', value: bareS.p99 },
      },
      {
        name: 'filing throughput (one court)',
        value: rate(oneCourt),
        unit: '/s',
        baseline: { name: 'bare insert', value: rate(bare) },
      },
      {
        name: 'filing p99 (one court)',
        value: oneS.p99,
        unit: 'ms',
        baseline: { name: 'bare insert', value: bareS.p99 },
      },
      {
        name: 'filing throughput (HTTP)',
        value: rate(http),
        unit: '/s',
        baseline: { name: 'bare insert', value: rate(bare) },
      },
      {
        name: 'filing p50 (HTTP)',
        value: httpS.p50,
        unit: 'ms',
        baseline: { name: 'bare insert', value: bareS.p50 },
      },
      {
        name: 'filing p99 (HTTP)',
        value: httpS.p99,
        unit: 'ms',
        baseline: { name: 'bare insert', value: bareS.p99 },
      },
    ],
  );

  // 1,000,000 cases: 50 synthetic basic courts under Hangzhou (plus the demo ones), loaded by COPY.
  const [hz] = await sql<
    { id: string; path: string }[]
  >`select id, path from identity.courts where court_code = '浙01'`;
  if (!hz) throw new Error('demo courts missing');
  const courts: { id: string; path: string; code: string }[] = [];
  for (const demo of ['浙0106', '浙0102', '浙0203']) {
    const [c] = await sql<
      { id: string; path: string }[]
    >`select id, path from identity.courts where court_code = ${demo} and level = 'basic'`;
    if (c) courts.push({ ...c, code: demo });
  }
  for (let k = 0; courts.length < 50; k++) {
    const code = `浙01${String(50 + k).padStart(2, '0')}`;
    const c = await insertCourt(db, {
      name: `杭州基层法院${k + 1}`,
      courtCode: code,
      level: 'basic',
      divisionCode: `3301${String(50 + k).padStart(2, '0')}`,
      parentId: hz.id,
    });
    const [row] = await sql<{ path: string }[]>`select path from identity.courts where id = ${c.id}`;
    courts.push({ id: c.id, path: row?.path ?? '', code });
  }
  const judges = await sql<{ id: string }[]>`select id from identity.users where username like '%judge%'`;
  const judgeIds = judges.map((j) => j.id);
  const loadStarted = performance.now();
  const statuses = ['filed', 'inProgress', 'inProgress', 'suspended', 'closed', 'closed', 'closed'];
  const caseRows = async function* () {
    for (let i = 0; i < CASES; i++) {
      const court = courts[i % courts.length];
      if (!court) continue;
      const seq = 100_000 + Math.floor(i / courts.length);
      const number = `（2025）${court.code}执${seq}号`;
      const status = statuses[i % statuses.length] ?? 'filed';
      const isClosed = status === 'closed';
      const due = new Date(Date.UTC(2026, 0, 1) + (i % 400) * 86400000).toISOString().slice(0, 10);
      const a = population.persons[(i * 13) % population.persons.length]?.name ?? '张三';
      const r = population.persons[(i * 17 + 5) % population.persons.length]?.name ?? '李四';
      const tokens = `{${[...new Set([...`${a}${r}`])].join(',')}}`;
      const judge = i % 10 === 0 ? (judgeIds[i % judgeIds.length] ?? '') : '';
      yield `${randomUUID()}\t${court.id}\t${court.path}\t${court.code}\t执\t2025\t${seq}\t${number}\t${status}\t2025-06-01\t${judgeIds[0]}\tjudgment\t（2025）民初1号\t某法院\t2025-05-01\t${100000 + (i % 1000) * 997}\t${judge || '\\N'}\t${isClosed ? 'fulfilled' : '\\N'}\t${isClosed ? '\\N' : 'handlingPeriod'}\t${isClosed ? '\\N' : due}\t${tokens}\t${number}|${a}|${r}\n`;
    }
  };
  const copy =
    await sql`copy cases.cases (id, court_id, court_path, court_code, case_type, year, sequence, case_number, status, filed_on, filed_by, basis_kind, basis_document_number, basis_issued_by, basis_effective_date, claim_amount_fen, judge_id, closing_type, next_deadline_kind, next_deadline_on, search_tokens, search_text) from stdin`.writable();
  await pipeline(Readable.from(caseRows()), copy);
  await sql`analyze cases.cases`;
  const loadMs = performance.now() - loadStarted;
  const [total] = await sql<{ n: number }[]>`select count(*)::int as n from cases.cases`;

  const listFor = async (username: string, query: string) => {
    const idx = filers.indexOf(username);
    let token = tokens[idx];
    if (!token) {
      const res = await fetch(`${address}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: demoPassword }),
      });
      token = ((await res.json()) as { token: string }).token;
    }
    const run = await runConcurrently(LIST_REQUESTS, 4, async () => {
      const res = await fetch(`${address}/api/v1/cases?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.status !== 200) throw new Error(`list: ${res.status}`);
      await res.arrayBuffer();
    });
    return summarise(run.latencies);
  };
  const health = await runConcurrently(LIST_REQUESTS, 4, async () => {
    await (await fetch(`${address}/healthz`)).arrayBuffer();
  });
  const healthS = summarise(health.latencies);
  const views: [string, string, string][] = [
    ['judge, own cases', 'xihu.judge', 'mine=true&pageSize=20'],
    ['basic court, all', 'xihu.judge', 'pageSize=20'],
    ['basic court, status filter', 'xihu.judge', 'status=inProgress&pageSize=20'],
    [
      'basic court, party-name search',
      'xihu.judge',
      `q=${encodeURIComponent(population.persons[17 * 3 + 5]?.name ?? '张')}&pageSize=20`,
    ],
    ['intermediate court (浙01)', 'hz.command', 'pageSize=20'],
    ['high court (浙)', 'zj.command', 'pageSize=20'],
    ['high court, page 50', 'zj.command', 'page=50&pageSize=20'],
  ];
  const figures = [];
  for (const [name, user, query] of views) {
    const s = await listFor(user, query);
    figures.push({
      name: `${name} p50`,
      value: s.p50,
      unit: 'ms',
      baseline: { name: '/healthz', value: healthS.p50 },
    });
    figures.push({
      name: `${name} p99`,
      value: s.p99,
      unit: 'ms',
      baseline: { name: '/healthz', value: healthS.p99 },
      goal: '< 50 ms',
    });
  }
  printFigures(
    `Case list with ${total?.n ?? '?'} cases (loaded in ${(loadMs / 1000).toFixed(1)} s; ${LIST_REQUESTS} requests each, 4 at a time)`,
    figures,
  );
  await app.close();
} finally {
  await database.close();
  const a = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
  await a.unsafe(`drop database if exists ${dbName} with (force)`);
  await a.end();
  await server.stop();
}
