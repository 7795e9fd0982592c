import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { z } from 'zod';
import { prepareTestServer, templateName, withDatabase } from '../scripts/test-database.ts';
import { buildApp } from '../src/app.ts';
import { seedDemoOrganisation } from '../src/modules/identity/index.ts';
import { insertInstitution } from '../src/modules/inquiry/index.ts';
import { loadConfig } from '../src/platform/config.ts';
import { connectDatabase, type Database } from '../src/platform/db.ts';
import { createLogger } from '../src/platform/logging.ts';
import { allowPrivateHosts } from '../src/platform/net/outbound-guard.ts';
import { INSTITUTIONS, institutionKeys, startSimulator } from '../src/sim/index.ts';
import { startWorker } from '../src/worker.ts';
import {
  cpuSeconds,
  type DbCounters,
  enableStatementStats,
  findPostmasterPid,
  peakRssMb,
  postgresCpuSeconds,
  readDbCounters,
  topStatements,
} from './inquiry-batch-measure.ts';
import { insertCases } from './inquiry-batch-setup.ts';
import { type Figure, printFigures, summarise } from './support.ts';

/**
 * A batch inquiry of many cases (2 respondents each) × every simulated institution, at the
 * simulator's default latency and concurrency. Three processes, as deployed: the simulator, the
 * Zhixing API (receives the callbacks; this process) and the Zhixing worker (drives institutions).
 * Figures: completion time beside the theoretical bound computed from the simulator's own settings
 * in the same run (the largest, over institutions, of requests × mean latency / allowed concurrency),
 * requests per second, and the worker's peak RSS for a small and a large batch (memory should not
 * grow with the batch). A run that cannot finish in BENCH_INQUIRY_MAX_SECONDS reports the rate it
 * measured and the completion time that rate implies, labelled as projected.
 */
const role = process.env.INQUIRY_BENCH_ROLE;
const secret = 'inquiry-bench-secret';
const logger = createLogger('warn');

function startChild(
  childRole: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
    env: { ...process.env, INQUIRY_BENCH_ROLE: childRole, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const newline = buffered.indexOf('\n');
      if (newline >= 0) resolve({ child, line: buffered.slice(0, newline) });
    });
    child.on('exit', (code) => reject(new Error(`${childRole} exited with ${code}`)));
  });
}

/** Asks a child to stop (a profiling run writes its CPU profile on the way out), killing it if it does not. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

const ZSimSettings = z.object({
  settings: z.object({
    institutions: z.record(z.string(), z.object({ latencyMeanMs: z.number(), maxConcurrent: z.number() })),
  }),
});
type SimSettings = z.infer<typeof ZSimSettings>;

type Batch = {
  requests: number;
  elapsedMs: number;
  isDone: boolean;
  answered: number;
  boundMs: number;
  launchMs: number;
  peakMb: number;
  byState: Record<string, number>;
  cpu: { api: number; worker: number; sim: number; postgres: number };
  commits: number;
  statements: number | null;
};

async function runBatch(opts: {
  app: Awaited<ReturnType<typeof buildApp>>;
  token: string;
  database: Database;
  databaseUrl: string;
  caseIds: string[];
  sim: SimSettings;
  concurrency: Map<string, number>;
  simPid: number | undefined;
  postmasterPid: number | undefined;
  hasStatements: boolean;
  maxSeconds: number;
}): Promise<Batch> {
  const worker = await startChild('worker', { INQUIRY_BENCH_DB: opts.databaseUrl });
  const cpuAt = () => ({
    api: process.cpuUsage(),
    worker: cpuSeconds(worker.child.pid),
    sim: cpuSeconds(opts.simPid),
    postgres: postgresCpuSeconds(opts.postmasterPid),
  });
  if (opts.hasStatements) await opts.database.sql`select pg_stat_statements_reset()`;
  const cpu0 = cpuAt();
  const db0: DbCounters = await readDbCounters(opts.database, opts.hasStatements);
  const auth = { authorization: `Bearer ${opts.token}` };
  try {
    const launchStarted = performance.now();
    const res = await opts.app.inject({
      method: 'POST',
      url: '/api/v1/inquiry/batches',
      headers: auth,
      payload: { caseIds: opts.caseIds, purpose: '基准测试 / benchmark' },
    });
    if (res.statusCode !== 202) throw new Error(`launch: ${res.statusCode} ${res.body}`);
    const launched: { batchId: string; requestCount: number } = res.json();
    const started = performance.now();
    let body: { done: boolean; byState: Record<string, number> } = { done: false, byState: {} };
    while (!body.done && performance.now() - started < opts.maxSeconds * 1000) {
      await new Promise((r) => setTimeout(r, 1000));
      const p = await opts.app.inject({
        method: 'GET',
        url: `/api/v1/inquiry/batches/${launched.batchId}`,
        headers: auth,
      });
      body = p.json();
    }
    const elapsedMs = performance.now() - started;
    const rows = await opts.database.sql<{ institution: string; n: number }[]>`
      select institution, count(*)::int as n from inquiry.requests where batch_id = ${launched.batchId} group by institution`;
    let boundMs = 0;
    for (const r of rows) {
      const s = opts.sim.settings.institutions[r.institution];
      if (!s) continue;
      const allowed = Math.min(
        s.maxConcurrent || Number.POSITIVE_INFINITY,
        opts.concurrency.get(r.institution) ?? 32,
      );
      boundMs = Math.max(boundMs, (r.n * s.latencyMeanMs) / allowed);
    }
    const cpu1 = cpuAt();
    const db1 = await readDbCounters(opts.database, opts.hasStatements);
    return {
      requests: launched.requestCount,
      elapsedMs,
      isDone: body.done,
      answered: body.byState.answered ?? 0,
      boundMs,
      launchMs: started - launchStarted,
      peakMb: peakRssMb(worker.child.pid),
      byState: body.byState,
      cpu: {
        api: (cpu1.api.user + cpu1.api.system - cpu0.api.user - cpu0.api.system) / 1e6,
        worker: cpu1.worker - cpu0.worker,
        sim: cpu1.sim - cpu0.sim,
        postgres: cpu1.postgres - cpu0.postgres,
      },
      commits: db1.commits - db0.commits,
      statements: db1.statements === null || db0.statements === null ? null : db1.statements - db0.statements,
    };
  } finally {
    await stopChild(worker.child);
  }
}

/** Completion time, or — when the run was capped — the time the measured rate would need for all requests. */
function completionOf(b: Batch): { seconds: number; label: string } {
  if (b.isDone) return { seconds: b.elapsedMs / 1000, label: '' };
  const rate = b.answered / (b.elapsedMs / 1000);
  return {
    seconds: b.requests / rate,
    label: ` (capped at ${(b.elapsedMs / 1000).toFixed(0)} s: projected from ${b.answered} answered)`,
  };
}

async function runBench(): Promise<void> {
  const large = Number(process.env.BENCH_INQUIRY_CASES ?? 10_000);
  const small = Math.max(50, Math.round(large / 50));
  // The run stops after this long and reports the rate it measured (the machine may be too slow to finish).
  const maxSeconds = Number(process.env.BENCH_INQUIRY_MAX_SECONDS ?? 540);
  const server = await prepareTestServer({ port: 54000 + (process.pid % 900) });
  const admin = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe('drop database if exists zx_bench_inquiry with (force)');
  await admin.unsafe(`create database zx_bench_inquiry template ${templateName}`);
  await admin.end();
  const databaseUrl = withDatabase(server.adminUrl, 'zx_bench_inquiry');
  const database = connectDatabase(databaseUrl, { max: 40 });
  const simChild = await startChild('sim');
  try {
    await seedDemoOrganisation(database.db);
    const simUrl: string = JSON.parse(simChild.line).url;
    const adminHeaders = { authorization: 'Bearer bench-admin-token-0123456789' };
    const sim = ZSimSettings.parse(
      await (await fetch(`${simUrl}/sim/stats`, { headers: adminHeaders })).json(),
    );
    const keys = institutionKeys(secret);
    const concurrency = new Map<string, number>();
    for (const i of INSTITUTIONS) {
      const allowed = sim.settings.institutions[i.code]?.maxConcurrent || 32;
      concurrency.set(i.code, allowed);
      await insertInstitution(database.db, {
        code: i.code,
        name: i.name,
        kind: i.kind,
        channel: i.channel,
        baseUrl: `${simUrl}/institutions/${i.code}`,
        signingKey: keys[i.code] ?? '',
        assetTypes: i.assetTypes,
        operations: i.operations,
        concurrency: allowed,
        ratePerSecond: 0,
        isEnabled: true,
        maxAttempts: 6,
        retryBaseSeconds: 2,
        pollAfterSeconds: 60,
        answerTimeoutSeconds: 3600,
      });
    }
    const config = loadConfig({
      ZHIXING_DEMO: '1',
      ZHIXING_LOG_LEVEL: 'warn',
      ZHIXING_INQUIRY_DAILY_QUOTA: '10000000',
    });
    const app = await buildApp({ config, database, logger, serveWeb: false });
    const callbackMs: number[] = [];
    app.addHook('onResponse', async (request, reply) => {
      if (request.url.startsWith('/api/v1/inquiry/callbacks/')) callbackMs.push(reply.elapsedTime);
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'xihu.judge', password: 'zhixing-demo' },
    });
    const token: string = login.json().token;
    const smallCases = await insertCases(database, small, 0);
    const largeCases = await insertCases(database, large, small);
    const common = {
      app,
      token,
      database,
      databaseUrl,
      sim,
      concurrency,
      simPid: simChild.child.pid,
      postmasterPid: await findPostmasterPid(database),
      hasStatements: await enableStatementStats(database),
      maxSeconds,
    };
    const a = await runBatch({ ...common, caseIds: smallCases });
    const b = await runBatch({ ...common, caseIds: largeCases });
    const ca = completionOf(a);
    const cb = completionOf(b);
    const figures: Figure[] = [
      {
        name: `completion, ${large} cases (${b.requests} requests)${cb.label}`,
        value: cb.seconds,
        unit: 's',
        baseline: { name: 'theoretical bound', value: b.boundMs / 1000 },
        goal: '≤ 1.2× bound',
      },
      {
        name: `completion, ${small} cases (${a.requests} requests)${ca.label}`,
        value: ca.seconds,
        unit: 's',
        baseline: { name: 'theoretical bound', value: a.boundMs / 1000 },
        goal: '≤ 1.2× bound',
      },
      {
        name: 'requests per second, large batch',
        value: b.answered / (b.elapsedMs / 1000),
        unit: 'req/s',
        baseline: { name: 'rate at the bound', value: b.requests / (b.boundMs / 1000) },
      },
      { name: 'launch (all requests persisted), large', value: b.launchMs / 1000, unit: 's' },
      {
        name: 'worker peak RSS, large batch',
        value: b.peakMb,
        unit: 'MB',
        baseline: { name: `small batch (${small} cases)`, value: a.peakMb },
        goal: 'flat',
      },
      {
        name: 'CPU per request (API + worker + simulator + PostgreSQL), large',
        value: ((b.cpu.api + b.cpu.worker + b.cpu.sim + b.cpu.postgres) * 1000) / Math.max(1, b.answered),
        unit: 'ms',
      },
    ];
    printFigures('Batch inquiry (bench/inquiry-batch.bench.ts)', figures);
    const cbs = summarise(callbackMs);
    console.log(
      `callback acknowledgement: p50 ${cbs.p50.toFixed(0)} ms, p99 ${cbs.p99.toFixed(0)} ms (n=${cbs.n})`,
    );
    const perRequest = (seconds: number) => ((seconds * 1000) / Math.max(1, b.answered)).toFixed(3);
    console.log(
      `CPU seconds (API / worker / simulator / PostgreSQL), large: ${b.cpu.api.toFixed(1)} / ${b.cpu.worker.toFixed(1)} / ${b.cpu.sim.toFixed(1)} / ${b.cpu.postgres.toFixed(1)}`,
    );
    console.log(
      `CPU ms per request, large: API ${perRequest(b.cpu.api)}, worker ${perRequest(b.cpu.worker)}, simulator ${perRequest(b.cpu.sim)}, PostgreSQL ${perRequest(b.cpu.postgres)}`,
    );
    console.log(
      `PostgreSQL per request, large: ${(b.commits / Math.max(1, b.answered)).toFixed(3)} transactions` +
        (b.statements === null ? '' : `, ${(b.statements / Math.max(1, b.answered)).toFixed(2)} statements`),
    );
    if (common.hasStatements) {
      console.log('statements by total time since the large batch began:');
      for (const r of await topStatements(database, 25))
        console.log(`  ${r.ms} ms  ${r.calls} calls  ${r.rows} rows  ${r.blocks} blocks  ${r.query}`);
    }
    console.log(`final states: small ${JSON.stringify(a.byState)}; large ${JSON.stringify(b.byState)}`);
    await app.close();
  } finally {
    await stopChild(simChild.child);
    await database.close();
    await server.stop();
  }
}

if (role === 'sim') {
  const sim = await startSimulator({ port: 0, secret, adminToken: 'bench-admin-token-0123456789' });
  process.once('SIGTERM', () => process.exit(0));
  process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`);
} else if (role === 'worker') {
  // The worker as deployed (`zhixing worker`): jobs, event delivery and audit sealing.
  const database = connectDatabase(process.env.INQUIRY_BENCH_DB ?? '', { max: 40 });
  const config = loadConfig({ ZHIXING_JOB_EXPIRE_SECONDS: '120', ZHIXING_LOG_LEVEL: 'silent' });
  // The simulated institutions listen on loopback, allow-listed as a deployment would configure it.
  allowPrivateHosts(['127.0.0.1']);
  await startWorker({ config, database, logger });
  process.once('SIGTERM', () => process.exit(0));
  process.stdout.write('ready\n');
} else {
  await runBench();
}
