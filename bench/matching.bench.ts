import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { prepareTestServer, templateName, withDatabase } from '../scripts/test-database.ts';
import { makeIdNumber } from '../src/kernel/index.ts';
import { demoPassword, hashPassword, seedDemoOrganisation } from '../src/modules/identity/index.ts';
import { connectDatabase } from '../src/platform/db.ts';
import { type Loaded, loadEntries, type Sample } from './matching-data.ts';
import { runBaselineRole, runIndexRole, runServerRole } from './matching-roles.ts';
import { type Figure, printFigures, residentMb, runConcurrently, summarise } from './support.ts';

/**
 * The joint-punishment matching service (issue 4) on a synthetic list of 8 million dishonest-list
 * entries (persons and organisations), bulk-loaded with COPY. Each part runs in its own process so
 * that its memory and CPU are its own: the index build and in-process lookups, the HTTP server,
 * the empty-route baseline; this process generates the data and drives the load.
 */
const ENTRIES = Number(process.env.BENCH_CREDIT_ENTRIES ?? 8_000_000);
const self = fileURLToPath(import.meta.url);

async function runMain(): Promise<void> {
  const server = await prepareTestServer({ port: 54993 });
  const dbName = `zx_bench_credit_${Date.now()}`;
  const admin = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName} template ${templateName}`);
  await admin.end();
  const url = withDatabase(server.adminUrl, dbName);
  const database = connectDatabase(url, { max: 20 });
  const { sql } = database;
  const children: ReturnType<typeof spawn>[] = [];
  try {
    await seedDemoOrganisation(database.db, await hashPassword(demoPassword));
    const loaded = await loadEntries(sql, ENTRIES);
    const samplePath = path.join(os.tmpdir(), `zx-credit-sample-${process.pid}.json`);
    writeFileSync(samplePath, JSON.stringify(loaded.sample));
    const pgFigures = await measurePostgres(sql, loaded.sample);
    const indexResult = await runChild(['index', url, samplePath]);
    const serverChild = startChild(['server', url]);
    children.push(serverChild.child);
    const baselineChild = startChild(['baseline']);
    children.push(baselineChild.child);
    const [app, base] = await Promise.all([serverChild.ready, baselineChild.ready]);
    const http = await measureHttp(
      { port: Number(app.port), pid: serverChild.child.pid ?? 0 },
      String(app.apiKey),
      { port: Number(base.port), pid: baselineChild.child.pid ?? 0 },
      loaded.sample,
    );
    report(loaded, indexResult, pgFigures, http);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await database.close();
    const a = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
    await a.unsafe(`drop database if exists ${dbName} with (force)`);
    await a.end();
    await server.stop();
  }
}

async function measurePostgres(
  sql: postgres.Sql,
  sample: Sample,
): Promise<{ singlePerSecond: number; batchPerSecond: number }> {
  const ids = sample.idNumbers;
  const single = async (i: number) =>
    sql`select punishment_no from credit.active_punishments where id_number = ${ids[i % ids.length] ?? ''}`;
  await runConcurrently(2000, 16, single);
  const run = await runConcurrently(20_000, 16, single);
  const batch = async (i: number) => {
    const subjects = Array.from({ length: 1000 }, (_, k) => ids[(i * 1000 + k) % ids.length] ?? '');
    return sql`select punishment_no, id_number from credit.active_punishments where id_number = any(${subjects}::text[])`;
  };
  const batches = await runConcurrently(60, 4, batch);
  return {
    singlePerSecond: 20_000 / (run.elapsedMs / 1000),
    batchPerSecond: 60_000 / (batches.elapsedMs / 1000),
  };
}

function startChild(args: string[]) {
  const profile =
    process.env.BENCH_CREDIT_CPU_PROF && args[0] === (process.env.BENCH_CREDIT_CPU_PROF_ROLE ?? 'server')
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CREDIT_CPU_PROF}`]
      : [];
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=3072', ...profile, self, ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (;;) {
        const nl = buffered.indexOf('\n');
        if (nl < 0) break;
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line.startsWith('RESULT ')) resolve(JSON.parse(line.slice(7)));
        else if (line.trim()) console.log(line);
      }
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
  return { child, ready };
}

async function runChild(args: string[]): Promise<Record<string, number>> {
  const { ready } = startChild(args);
  const result = await ready;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(result)) out[k] = Number(v);
  return out;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function post(port: number, body: string, auth: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/v1/match',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: auth,
        },
      },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Requests at a fixed rate whatever the answers' pace (open loop): latency counts from the scheduled time. */
async function atFixedRate(rate: number, seconds: number, send: (i: number) => Promise<number>) {
  const total = rate * seconds;
  const latencies: number[] = [];
  let failures = 0;
  const t0 = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    // Send when due, never early; a late send counts its lateness as latency (no coordinated omission).
    while (performance.now() < due)
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    pending.push(
      send(i).then(
        (status) => {
          if (status !== 200) failures++;
          latencies.push(performance.now() - due);
        },
        () => {
          failures++;
        },
      ),
    );
  }
  await Promise.all(pending);
  return { ...summarise(latencies), failures, achieved: total / ((performance.now() - t0) / 1000) };
}

/** CPU time (user + system) a process has used, in milliseconds (Linux /proc). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
}

type Target = { port: number; pid: number };

async function measureHttp(app: Target, apiKey: string, base: Target, sample: Sample) {
  const appPort = app.port;
  const basePort = base.port;
  const auth = `Bearer ${apiKey}`;
  const ids = sample.idNumbers;
  const miss = (k: number) => makeIdNumber('990101', '1980-01-01', k % 999);
  const batches = Array.from({ length: 20 }, (_, b) =>
    JSON.stringify({
      subjects: Array.from({ length: 1000 }, (_, k) => ({
        idNumber: k % 2 === 0 ? ids[(b * 1000 + k) % ids.length] : miss(b * 1000 + k),
      })),
    }),
  );
  const singles = Array.from({ length: 2000 }, (_, k) =>
    JSON.stringify({ subjects: [{ idNumber: k % 2 === 0 ? ids[k % ids.length] : miss(k) }] }),
  );
  const batchRun = async (target: Target) => {
    await runConcurrently(40, 16, (i) => post(target.port, batches[i % batches.length] ?? '', auth));
    const cpu0 = cpuMsOf(target.pid);
    const run = await runConcurrently(400, 16, (i) =>
      post(target.port, batches[i % batches.length] ?? '', auth),
    );
    return { perSecond: 400_000 / (run.elapsedMs / 1000), cpuMsPerBatch: (cpuMsOf(target.pid) - cpu0) / 400 };
  };
  const appBatchRun = await batchRun(app);
  const baseBatchRun = await batchRun(base);
  const appBatch = appBatchRun.perSecond;
  const baseBatch = baseBatchRun.perSecond;
  await atFixedRate(2000, 2, (i) => post(appPort, singles[i % singles.length] ?? '', auth));
  const appSingle = await atFixedRate(2000, 15, (i) =>
    post(appPort, singles[i % singles.length] ?? '', auth),
  );
  await atFixedRate(2000, 2, (i) => post(basePort, singles[i % singles.length] ?? '', auth));
  const baseSingle = await atFixedRate(2000, 15, (i) =>
    post(basePort, singles[i % singles.length] ?? '', auth),
  );
  return {
    appBatch,
    baseBatch,
    appBatchCpu: appBatchRun.cpuMsPerBatch,
    baseBatchCpu: baseBatchRun.cpuMsPerBatch,
    appSingle,
    baseSingle,
  };
}

function report(
  loaded: Loaded,
  index: Record<string, number>,
  pg: { singlePerSecond: number; batchPerSecond: number },
  http: Awaited<ReturnType<typeof measureHttp>>,
): void {
  const figures: Figure[] = [
    {
      name: `index build (${index.punishments} punishments)`,
      value: (index.buildMs ?? 0) / 1000,
      unit: 's',
      goal: '< 60 s',
    },
    {
      name: 'index resident memory',
      value: index.rssMb ?? 0,
      unit: 'MB',
      baseline: { name: 'process before build', value: index.rssBeforeMb ?? 0 },
      goal: '< 2500 MB',
    },
    {
      name: 'exact lookups in-process (probe)',
      value: index.probesPerSecond ?? 0,
      unit: '/s',
      baseline: { name: 'PostgreSQL, 16 at a time', value: pg.singlePerSecond },
      goal: '≥ 1,000,000/s',
    },
    {
      name: 'exact matches in-process (validate+probe+answer)',
      value: index.matchesPerSecond ?? 0,
      unit: '/s',
      baseline: { name: 'PostgreSQL = any(1000)', value: pg.batchPerSecond },
    },
    {
      name: '/api/v1/match, batches of 1000 (16 in flight)',
      value: http.appBatch,
      unit: 'subjects/s',
      baseline: { name: 'empty Fastify route', value: http.baseBatch },
      goal: '≥ 200,000/s',
    },
    {
      name: '  server CPU per batch of 1000',
      value: http.appBatchCpu,
      unit: 'ms',
      baseline: { name: 'empty Fastify route', value: http.baseBatchCpu },
    },
    {
      name: '  = subjects/s per server core',
      value: 1_000_000 / Math.max(0.001, http.appBatchCpu),
      unit: 'subjects/s',
      baseline: { name: 'empty Fastify route', value: 1_000_000 / Math.max(0.001, http.baseBatchCpu) },
    },
    {
      name: 'single subject @2000 req/s p50',
      value: http.appSingle.p50,
      unit: 'ms',
      baseline: { name: 'empty Fastify route', value: http.baseSingle.p50 },
    },
    {
      name: 'single subject @2000 req/s p99',
      value: http.appSingle.p99,
      unit: 'ms',
      baseline: { name: 'empty Fastify route', value: http.baseSingle.p99 },
      goal: '< 5 ms',
    },
    {
      name: 'fuzzy name matching',
      value: index.fuzzyPerSecond ?? 0,
      unit: 'names/s',
      baseline: { name: 'exact matches in-process', value: index.matchesPerSecond ?? 0 },
    },
    { name: 'fuzzy precision', value: index.precision ?? 0, unit: '', goal: '≥ 0.98' },
    { name: 'fuzzy recall', value: index.recall ?? 0, unit: '', goal: '≥ 0.95' },
    { name: 'romanised names: true name among candidates', value: index.romanisedRecall ?? 0, unit: '' },
  ];
  printFigures(
    `Matching: ${loaded.persons + loaded.organisations} entries (${loaded.persons} persons, ${loaded.organisations} organisations) COPY-loaded in ${(loaded.loadMs / 1000).toFixed(0)} s; ` +
      `2,000 req/s achieved ${http.appSingle.achieved.toFixed(0)} (failures ${http.appSingle.failures}); labelled sample ${index.positives} positives / ${index.negatives} negatives; bench process RSS ${residentMb().toFixed(0)} MB`,
    figures,
  );
}

const role = process.argv[2];
if (role === 'index') await runIndexRole(process.argv[3] ?? '', process.argv[4] ?? '');
else if (role === 'server') await runServerRole(process.argv[3] ?? '');
else if (role === 'baseline') await runBaselineRole();
else await runMain();
