/** The child processes of the matching bench: the index alone, the real app, the empty-route baseline. */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { makeIdNumber } from '../src/kernel/index.ts';
import { loadActorByUsername } from '../src/modules/identity/index.ts';
import {
  contextFor,
  createMatchingService,
  matchingServiceOf,
  matchOne,
  normaliseName,
  packIdNumber,
  registerUnit,
  scenes,
  splitLegalForm,
} from '../src/modules/matching/index.ts';
import { clock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { connectDatabase } from '../src/platform/db.ts';
import { createLogger } from '../src/platform/logging.ts';
import type { Sample } from './matching-data.ts';
import { residentMb } from './support.ts';

/** Child process: builds the index alone (time, memory) and measures in-process lookups and fuzzy matching. */
export async function runIndexRole(url: string, samplePath: string): Promise<void> {
  const database = connectDatabase(url, { max: 4 });
  const sample: Sample = JSON.parse(readFileSync(samplePath, 'utf8'));
  globalThis.gc?.();
  const rssBeforeMb = residentMb();
  const t0 = performance.now();
  const service = createMatchingService(database, createLogger('warn'), { pollMs: 3_600_000 });
  const state = await service.ready();
  const buildMs = performance.now() - t0;
  globalThis.gc?.();
  const rssMb = residentMb();
  const index = state.index;
  const n = sample.idNumbers.length;
  const keys = new Uint32Array(n * 6);
  const word = new Uint32Array(3);
  for (let i = 0; i < n; i++) {
    packIdNumber(sample.idNumbers[i] ?? '', word);
    keys.set(word, i * 6);
    packIdNumber(makeIdNumber('990101', '1980-01-01', i % 999), word);
    keys.set(word, i * 6 + 3);
  }
  const probes = 10_000_000;
  let found = 0;
  const t1 = performance.now();
  for (let r = 0; r < probes; r++) {
    const k = (r % (n * 2)) * 3;
    if (index.findSubject(keys[k] ?? 0, keys[k + 1] ?? 0, keys[k + 2] ?? 0) >= 0) found++;
  }
  const probesPerSecond = probes / ((performance.now() - t1) / 1000);
  const railway = contextFor(state, scenes.railway, clock.today());
  const subjects = Array.from({ length: 100_000 }, (_, k) => ({
    idNumber: k % 2 === 0 ? sample.idNumbers[k % n] : makeIdNumber('990101', '1980-01-01', k % 999),
  }));
  let hits = 0;
  const matches = 1_000_000;
  const t2 = performance.now();
  for (let r = 0; r < matches; r++)
    if (matchOne(railway, subjects[r % subjects.length] ?? {}).restricted) hits++;
  const matchesPerSecond = matches / ((performance.now() - t2) / 1000);
  const tendering = contextFor(state, scenes.tendering, clock.today());
  const coreOf = (name: string) => splitLegalForm(normaliseName(name)).core;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  sample.variants.forEach((variant, k) => {
    const r = matchOne(tendering, { name: variant });
    if (!r.restricted) fn++;
    else if (coreOf(r.matchedName ?? '') === coreOf(sample.orgNames[k] ?? '')) tp++;
    else fp++;
  });
  for (const negative of sample.negatives) if (matchOne(tendering, { name: negative }).restricted) fp++;
  const names = [...sample.variants, ...sample.negatives];
  const t3 = performance.now();
  for (let round = 0; round < 20; round++) for (const name of names) matchOne(tendering, { name });
  const fuzzyPerSecond = (names.length * 20) / ((performance.now() - t3) / 1000);
  let romanisedFound = 0;
  sample.romanised.forEach((name, k) => {
    const r = matchOne(tendering, { name });
    if ((r.candidates ?? []).some((c) => c.name === sample.personNames[k])) romanisedFound++;
  });
  const result = {
    buildMs,
    rssMb,
    rssBeforeMb,
    punishments: index.recordCount,
    probesPerSecond,
    found,
    matchesPerSecond,
    hits,
    fuzzyPerSecond,
    precision: tp / Math.max(1, tp + fp),
    recall: tp / Math.max(1, tp + fn),
    positives: sample.variants.length,
    negatives: sample.negatives.length,
    romanisedRecall: romanisedFound / Math.max(1, sample.romanised.length),
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
  await service.stop();
  await database.close();
  process.exit(0);
}

/** Child process: the real app (its own index), with a railway unit registered, listening on a free port. */
export async function runServerRole(url: string): Promise<void> {
  const database = connectDatabase(url, { max: 20 });
  const app = await buildApp({
    config: loadConfig({ ZHIXING_LOG_LEVEL: 'warn' }),
    database,
    logger: createLogger('warn'),
    serveWeb: false,
  });
  await app.ready();
  await matchingServiceOf(app)?.ready();
  const admin = await loadActorByUsername(database.db, 'admin');
  if (!admin) throw new Error('no admin');
  const unit = await database.db.transaction((tx) =>
    registerUnit(tx, admin, {
      name: 'bench railway',
      capability: 'match',
      scene: 'railway',
      ratePerMinute: 10_000_000,
      dailyQuota: 1e15,
    }),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.on('SIGTERM', () => process.exit(0));
  const address = app.server.address();
  console.log(
    `RESULT ${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, apiKey: unit.apiKey })}`,
  );
}

/** Child process: an empty Fastify route taking the same requests (the HTTP ceiling of this machine). */
export async function runBaselineRole(): Promise<void> {
  const app = Fastify({ bodyLimit: 8 * 1024 * 1024 });
  app.post('/api/v1/match', async () => ({ results: [] }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  console.log(
    `RESULT ${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}`,
  );
}
