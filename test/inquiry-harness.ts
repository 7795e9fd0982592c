import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { insertInstitution } from '../src/modules/inquiry/index.ts';
import { allJobs } from '../src/modules.ts';
import { type JobRunner, startJobRunner } from '../src/platform/jobs.ts';
import { createLogger } from '../src/platform/logging.ts';
import { allowPrivateHosts } from '../src/platform/net/outbound-guard.ts';
import { institutionKeys, type Knobs, type Simulator, startSimulator } from '../src/sim/index.ts';
import { createWorld } from '../src/sim/world/world.ts';
import { aCaseBody } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Zhixing against the real simulator over HTTP: the app listens on a real port (institutions call
 * back), the simulator runs in-process on its own port, and a job runner plays the worker.
 */
export const simSecret = 'inquiry-test-secret';
export const logger = createLogger('silent');

export type Harness = {
  t: TestApp;
  sim: Simulator;
  worker: JobRunner | null;
  token: string;
  startWorker(): Promise<JobRunner>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
};

export type RegistryOverrides = Partial<{
  concurrency: number;
  maxAttempts: number;
  retryBaseSeconds: number;
  pollAfterSeconds: number;
  answerTimeoutSeconds: number;
}>;

export async function startHarness(
  opts: { knobs?: Partial<Knobs>; registry?: RegistryOverrides; codes?: string[]; withWorker?: boolean } = {},
): Promise<Harness> {
  // The simulator and the tests' own institutions listen on loopback: an explicit allow-list entry,
  // as a deployment would configure ZHIXING_ALLOWED_PRIVATE_HOSTS for an institution gateway.
  allowPrivateHosts(['127.0.0.1']);
  const t = await startTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const sim = await startSimulator({
    port: 0,
    secret: simSecret,
    knobs: { latencyMedianMs: 30, latencyP99Ms: 120, ...opts.knobs },
    callbacks: { baseDelayMs: 100, maxDelayMs: 1000 },
  });
  const keys = institutionKeys(simSecret);
  for (const i of sim.institutions) {
    if (opts.codes && !opts.codes.includes(i.code)) continue;
    await insertInstitution(t.database.db, {
      code: i.code,
      name: i.name,
      kind: i.kind,
      channel: i.channel,
      baseUrl: i.baseUrl,
      signingKey: keys[i.code] ?? '',
      assetTypes: i.assetTypes,
      operations: i.operations,
      concurrency: 32,
      ratePerSecond: 0,
      isEnabled: true,
      maxAttempts: 3,
      retryBaseSeconds: 1,
      pollAfterSeconds: 2,
      answerTimeoutSeconds: 30,
      ...opts.registry,
    });
  }
  const token = await t.login('xihu.judge');
  const h: Harness = {
    t,
    sim,
    worker: null,
    token,
    async startWorker() {
      h.worker = await startJobRunner({
        database: t.database,
        logger,
        jobs: allJobs(),
        expireSeconds: 30,
        pollingIntervalSeconds: 0.5,
        scheduleIntervalSeconds: 2,
      });
      return h.worker;
    },
    async stopWorker() {
      await h.worker?.stop();
      h.worker = null;
    },
    async close() {
      await h.stopWorker();
      await h.sim.close();
      await t.close();
    },
  };
  if (opts.withWorker !== false) await h.startWorker();
  return h;
}

/** Polls `probe` until it returns a value; fails after `attempts` tries. No timing is asserted. */
export async function waitFor<T>(
  probe: () => Promise<T | null | false | undefined>,
  what: string,
  attempts = 300,
): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  return assert.fail(`gave up waiting for ${what}`);
}

/**
 * Respondents from the shared demo population whom the simulator knows to hold what a test needs
 * (the world is generated from the same seed as the simulator's).
 */
export function pickRespondents() {
  const world = createWorld({ seed: 20260101 });
  const balanceAt = (key: string, type: string) =>
    (world.assetsBySubject.get(key) ?? []).filter(
      (a) => a.assetType === type && (a.balanceFen ?? 0) > 100_000 && a.freezes.length === 0,
    );
  const types = (key: string) => new Set((world.assetsBySubject.get(key) ?? []).map((a) => a.assetType));
  const persons = [...world.personsByIdNumber.values()];
  const rich = persons.find(
    (p) => balanceAt(p.idNumber, 'deposit').length > 0 && types(p.idNumber).has('realEstate'),
  );
  const poor = persons.find((p) => (world.assetsBySubject.get(p.idNumber) ?? []).length === 0);
  const company = [...world.companiesByCreditCode.values()].find((c) => types(c.creditCode).size > 0);
  assert.ok(rich && poor && company, 'the simulated population has the respondents the tests need');
  return {
    rich: { kind: 'natural' as const, name: rich.name, idNumber: rich.idNumber },
    poor: { kind: 'natural' as const, name: poor.name, idNumber: poor.idNumber },
    company: {
      kind: 'legal' as const,
      name: company.name,
      creditCode: company.creditCode,
      legalRepresentative: '张伟',
    },
  };
}

export async function fileCase(
  h: Harness,
  respondents: unknown[],
  claimAmountFen = 50_000_000,
): Promise<string> {
  const res = await h.t.request('POST', '/api/v1/cases', {
    token: h.token,
    body: aCaseBody({ respondents, claimAmountFen }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

export async function countRequests(
  h: Harness,
  where: ReturnType<typeof sql>,
): Promise<Record<string, number>> {
  const rows = await h.t.database.db.execute<{ state: string; n: number }>(
    sql`select state, count(*)::int as n from inquiry.requests where ${where} group by state`,
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

export async function waitForBatch(h: Harness, batchId: string, attempts = 300) {
  return waitFor(
    async () => {
      const res = await h.t.request('GET', `/api/v1/inquiry/batches/${batchId}`, { token: h.token });
      return res.status === 200 && res.body.done ? res.body : null;
    },
    `batch ${batchId} to finish`,
    attempts,
  );
}
