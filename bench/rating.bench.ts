import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { z } from 'zod';
import { prepareTestServer, templateName, withDatabase } from '../scripts/test-database.ts';
import { buildApp } from '../src/app.ts';
import { seedDemoOrganisation } from '../src/modules/identity/index.ts';
import { insertInstitution } from '../src/modules/inquiry/index.ts';
import { ableToPayThreshold } from '../src/modules/rating/index.ts';
import { loadConfig } from '../src/platform/config.ts';
import { connectDatabase } from '../src/platform/db.ts';
import { createLogger } from '../src/platform/logging.ts';
import { allowPrivateHosts } from '../src/platform/net/outbound-guard.ts';
import { INSTITUTIONS, institutionKeys, startSimulator } from '../src/sim/index.ts';
import { createWorld } from '../src/sim/world/world.ts';
import { startWorker } from '../src/worker.ts';
import { insertRatingCases, pickSubjects, type Truth, truthOf } from './rating-setup.ts';
import { type Figure, printFigures, summarise } from './support.ts';

/**
 * Validates the ability-to-perform rating against the simulator's ground truth. Three processes as
 * deployed — the simulator, the Zhixing API (this process; it receives the callbacks) and the
 * worker (drives the institutions). Cases are filed against respondents of the simulator's
 * population, each with a claim of its own; one online inquiry batch goes to every institution over
 * the signed protocol; then every case is rated through `GET /api/v1/cases/{id}/rating`. The world
 * drawn with the simulator's seed and reference day says who could pay: "able to pay" is that the
 * respondent's balances (less other courts' freezes) and registered things at full value cover the
 * claim. The rating says "able" at its fixed threshold; the bench prints precision, recall and the
 * confusion matrix, the same for the rating's asset reading alone (attachable ≥ outstanding), and
 * the time per rating beside the case page in the same run.
 */
const role = process.env.RATING_BENCH_ROLE;
const secret = 'rating-bench-secret';
const adminToken = 'rating-bench-admin-token-0123456789';
const logger = createLogger('warn');

function startChild(childRole: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
    env: { ...process.env, RATING_BENCH_ROLE: childRole, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<{ child: ChildProcess; line: string }>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const newline = buffered.indexOf('\n');
      if (newline >= 0) resolve({ child, line: buffered.slice(0, newline) });
    });
    child.on('exit', (code) => reject(new Error(`${childRole} exited with ${code}`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

const ZSimWorld = z.object({ world: z.object({ seed: z.number(), referenceDate: z.string() }) });

type Confusion = { tp: number; fp: number; fn: number; tn: number };

function confusionOf(pairs: readonly { predicted: boolean; actual: boolean }[]): Confusion {
  const m = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { predicted, actual } of pairs) {
    if (predicted && actual) m.tp++;
    else if (predicted) m.fp++;
    else if (actual) m.fn++;
    else m.tn++;
  }
  return m;
}

const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);
const precisionOf = (m: Confusion) => ratio(m.tp, m.tp + m.fp);
const recallOf = (m: Confusion) => ratio(m.tp, m.tp + m.fn);
const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '—');

function printConfusion(title: string, m: Confusion): void {
  console.log(`\n${title}`);
  console.log('                         truth: able   truth: not able');
  console.log(`  rated able             ${String(m.tp).padStart(11)}   ${String(m.fp).padStart(15)}`);
  console.log(`  rated not able         ${String(m.fn).padStart(11)}   ${String(m.tn).padStart(15)}`);
  console.log(
    `  precision ${pct(precisionOf(m))}, recall ${pct(recallOf(m))}, accuracy ${pct(ratio(m.tp + m.tn, m.tp + m.fp + m.fn + m.tn))}`,
  );
}

type Rated = {
  score: number;
  isAbleToPay: boolean;
  respondents: {
    figures: {
      outstandingFen: number;
      attachableFen: number;
      assetCount: number;
      thingsFirstFen: number;
      thingsQueuedFen: number;
    };
  }[];
};

async function runBench(): Promise<void> {
  const persons = Number(process.env.BENCH_RATING_PERSONS ?? 200);
  const companies = Number(process.env.BENCH_RATING_COMPANIES ?? 100);
  const maxSeconds = Number(process.env.BENCH_RATING_MAX_SECONDS ?? 120);
  const server = await prepareTestServer({ port: 54000 + (process.pid % 900) });
  const admin = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe('drop database if exists zx_bench_rating with (force)');
  await admin.unsafe(`create database zx_bench_rating template ${templateName}`);
  await admin.end();
  const databaseUrl = withDatabase(server.adminUrl, 'zx_bench_rating');
  const database = connectDatabase(databaseUrl, { max: 20 });
  const simChild = await startChild('sim');
  let worker: { child: ChildProcess } | undefined;
  try {
    await seedDemoOrganisation(database.db);
    const simUrl: string = JSON.parse(simChild.line).url;
    const stats = ZSimWorld.parse(
      await (
        await fetch(`${simUrl}/sim/stats`, { headers: { authorization: `Bearer ${adminToken}` } })
      ).json(),
    );
    const world = createWorld({ seed: stats.world.seed, referenceDate: stats.world.referenceDate });
    const keys = institutionKeys(secret);
    for (const i of INSTITUTIONS) {
      await insertInstitution(database.db, {
        code: i.code,
        name: i.name,
        kind: i.kind,
        channel: i.channel,
        baseUrl: `${simUrl}/institutions/${i.code}`,
        signingKey: keys[i.code] ?? '',
        assetTypes: i.assetTypes,
        operations: i.operations,
        concurrency: 32,
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
    await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'xihu.judge', password: 'zhixing-demo' },
    });
    const auth = { authorization: `Bearer ${login.json().token}` };
    const subjects = pickSubjects(world, persons, companies);
    const caseIds = await insertRatingCases(database, subjects);
    worker = await startChild('worker', { RATING_BENCH_DB: databaseUrl });

    const started = performance.now();
    const launched = await app.inject({
      method: 'POST',
      url: '/api/v1/inquiry/batches',
      headers: auth,
      payload: { caseIds, purpose: '履行能力评估基准 / rating benchmark' },
    });
    if (launched.statusCode !== 202) throw new Error(`launch: ${launched.statusCode} ${launched.body}`);
    const { batchId, requestCount } = launched.json();
    let progress: { done: boolean; byState: Record<string, number> } = { done: false, byState: {} };
    while (!progress.done && performance.now() - started < maxSeconds * 1000) {
      await new Promise((r) => setTimeout(r, 1000));
      progress = (
        await app.inject({ method: 'GET', url: `/api/v1/inquiry/batches/${batchId}`, headers: auth })
      ).json();
    }
    const inquirySeconds = (performance.now() - started) / 1000;
    await stopChild(worker.child);
    worker = undefined;

    const ratingMs: number[] = [];
    const pageMs: number[] = [];
    const results: { rated: Rated; truth: Truth }[] = [];
    for (const [i, caseId] of caseIds.entries()) {
      const subject = subjects[i];
      if (!subject) continue;
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/rating`, headers: auth });
      ratingMs.push(performance.now() - t0);
      if (res.statusCode !== 200) throw new Error(`rating ${caseId}: ${res.statusCode} ${res.body}`);
      const t1 = performance.now();
      await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: auth });
      pageMs.push(performance.now() - t1);
      results.push({ rated: res.json(), truth: truthOf(world, subject) });
    }
    await app.close();

    const byScore = confusionOf(
      results.map((r) => ({ predicted: r.rated.isAbleToPay, actual: r.truth.isAbleToPay })),
    );
    const figuresOf = (r: Rated) => r.respondents[0]?.figures;
    const byReading = confusionOf(
      results.map((r) => {
        const f = figuresOf(r.rated);
        return {
          predicted: f !== undefined && f.attachableFen >= f.outstandingFen,
          actual: r.truth.isAbleToPay,
        };
      }),
    );
    const rating = summarise(ratingMs);
    const page = summarise(pageMs);
    const able = results.filter((r) => r.truth.isAbleToPay).length;
    const figures: Figure[] = [
      {
        name: `precision (rated able: score ≥ ${ableToPayThreshold})`,
        value: precisionOf(byScore) * 100,
        unit: '%',
      },
      { name: `recall (of ${able} able to pay in the world)`, value: recallOf(byScore) * 100, unit: '%' },
      {
        name: 'rating p50 (GET /cases/{id}/rating)',
        value: rating.p50,
        unit: 'ms',
        baseline: { name: 'case page p50', value: page.p50 },
      },
      {
        name: 'rating p99',
        value: rating.p99,
        unit: 'ms',
        baseline: { name: 'case page p99', value: page.p99 },
      },
      {
        name: `online inquiry of ${caseIds.length} cases (${requestCount} requests)`,
        value: inquirySeconds,
        unit: 's',
      },
    ];
    printFigures('Ability-to-perform rating against the simulated world (bench/rating.bench.ts)', figures);
    console.log(
      `\n${results.length} cases (${persons} persons, ${companies} companies), claims 1,000–2,000,000 yuan; ${able} able to pay in the world (${pct(able / results.length)}). Batch ${progress.done ? 'done' : 'NOT done'}: ${JSON.stringify(progress.byState)}`,
    );
    printConfusion(`Rated able (score ≥ ${ableToPayThreshold}) against the ground truth`, byScore);
    printConfusion(
      'The rating’s asset reading alone (attachable ≥ outstanding) against the ground truth',
      byReading,
    );
    const reported = results.reduce((s, r) => s + (figuresOf(r.rated)?.assetCount ?? 0), 0);
    const held = results.reduce((s, r) => s + r.truth.assetCount, 0);
    const queued = results.filter((r) => (figuresOf(r.rated)?.thingsQueuedFen ?? 0) > 0).length;
    console.log(
      `\nassets reported by inquiry / held in the world: ${reported} / ${held}; respondents with things behind another court's seal: ${queued}`,
    );
    const misses = results.filter((r) => r.truth.isAbleToPay && !r.rated.isAbleToPay);
    const missQueued = misses.filter((r) => (figuresOf(r.rated)?.thingsQueuedFen ?? 0) > 0).length;
    const missDiscounted = misses.filter(
      (r) =>
        (figuresOf(r.rated)?.thingsQueuedFen ?? 0) === 0 && (figuresOf(r.rated)?.thingsFirstFen ?? 0) > 0,
    ).length;
    const wrong = results.filter((r) => !r.truth.isAbleToPay && r.rated.isAbleToPay);
    const wrongShort = wrong.filter((r) => {
      const f = figuresOf(r.rated);
      return f !== undefined && f.attachableFen < f.outstandingFen;
    }).length;
    console.log(
      `missed (able, rated not): ${misses.length} — ${missQueued} with things behind another court's seal (not counted), ` +
        `${missDiscounted} more with things counted at 70%, ${misses.length - missQueued - missDiscounted} other`,
    );
    console.log(
      `wrongly rated able: ${wrong.length} — ${wrongShort} of them with attachable below the outstanding amount (raised by the money-found points); ` +
        `attachable / outstanding: ${wrong.map((r) => pct(ratio(figuresOf(r.rated)?.attachableFen ?? 0, figuresOf(r.rated)?.outstandingFen ?? 0))).join(', ')}`,
    );
    console.log(
      'for reading only (the rule keeps its threshold of 70): precision / recall at other thresholds',
    );
    for (const threshold of [50, 60, 65, 70, 75, 80, 90]) {
      const m = confusionOf(
        results.map((r) => ({ predicted: r.rated.score >= threshold, actual: r.truth.isAbleToPay })),
      );
      console.log(`  ≥ ${threshold}: ${pct(precisionOf(m))} / ${pct(recallOf(m))}`);
    }
  } finally {
    if (worker) await stopChild(worker.child);
    await stopChild(simChild.child);
    await database.close();
    await server.stop();
  }
}

if (role === 'sim') {
  const sim = await startSimulator({ port: 0, secret, adminToken });
  process.once('SIGTERM', () => process.exit(0));
  process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`);
} else if (role === 'worker') {
  const database = connectDatabase(process.env.RATING_BENCH_DB ?? '', { max: 20 });
  const config = loadConfig({ ZHIXING_JOB_EXPIRE_SECONDS: '120', ZHIXING_LOG_LEVEL: 'silent' });
  // The simulated institutions listen on loopback, allow-listed as a deployment would configure it.
  allowPrivateHosts(['127.0.0.1']);
  await startWorker({ config, database, logger });
  process.once('SIGTERM', () => process.exit(0));
  process.stdout.write('ready\n');
} else {
  await runBench();
}
