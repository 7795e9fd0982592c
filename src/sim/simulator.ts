import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import pino from 'pino';
import { DEMO_POPULATION } from '../demo/population.ts';
import { createRandom, deriveSeed } from '../demo/random.ts';
import { chinaDateOf } from '../kernel/index.ts';
import type { Logger } from '../platform/logging.ts';
import { registerAdminRoutes } from './admin-routes.ts';
import {
  type BankOptions,
  bankKey,
  createBank,
  registerBankAdminRoutes,
  registerBankRoutes,
} from './bank/index.ts';
import { type CallbackPolicy, DEFAULT_CALLBACK_POLICY } from './callbacks.ts';
import { createSimClock } from './clock.ts';
import { createEngine } from './engine.ts';
import { bi, SimErrorCode, sendError } from './http-support.ts';
import { registerInstitutionRoutes } from './institution-routes.ts';
import { INSTITUTIONS, institutionKeys } from './institutions.ts';
import { type Journal, type JournalRecord, NO_JOURNAL, openJournal, readJournalHeader } from './journal.ts';
import { computeLatencyMeanMs, createKnobBoard } from './knobs.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { createDetentionCentre, policeKey, registerPoliceRoutes } from './police/index.ts';
import { createSmsGateway, registerSmsRoutes, type SmsOptions, smsKey } from './sms/index.ts';
import { createStats, type StatsCounters } from './stats.ts';
import type { Institution, Knobs } from './types.ts';
import {
  createValuationDesk,
  registerValuationRoutes,
  type ValuationOptions,
  valuationPlatformKey,
} from './valuation/index.ts';
import { createWorld } from './world/world.ts';

export type StartSimulatorOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Draws the world's assets (the people are always the demo population); default the demo seed. */
  seed?: number;
  /** Institution keys are hex HMAC-SHA256(secret, code). */
  secret: string;
  /** Guards `/sim/*`; a random one when not given. */
  adminToken?: string;
  /** Write-ahead journal; restarting with the same seed and file restores the state. */
  journalPath?: string;
  /** Applied to every institution on top of the mild defaults. */
  knobs?: Partial<Knobs>;
  logger?: Logger;
  /** Callback delivery (tests shorten the backoff). */
  callbacks?: Partial<CallbackPolicy>;
  /** The court bank's knobs and notification delivery (tests shorten the backoff). */
  bank?: BankOptions;
  sms?: SmsOptions;
  /** The valuation platforms' knobs and callback delivery (docs/protocols/valuation.md). */
  valuation?: ValuationOptions;
};

export type SimInstitutionView = Institution & { baseUrl: string };

export type SimStats = StatsCounters & {
  uptimeMs: number;
  world: { seed: number; referenceDate: string };
  clock: { offsetMs: number; now: string };
  /** Accepted and not yet answered (never-answered ones excluded). */
  pending: { total: number; byInstitution: Record<string, number> };
  callbacksPending: number;
  settings: {
    callbacks: CallbackPolicy;
    institutions: Record<string, Knobs & { latencyMeanMs: number }>;
  };
};

export type Simulator = {
  url: string;
  adminToken: string;
  /** The court bank's base URL (`${url}/bank`; operations at `/v1/…`), key `bankKey(secret)`. */
  bankUrl: string;
  /** The SMS gateway's base URL (`${url}/sms`), key `smsKey(secret)`. */
  smsUrl: string;
  /** The valuation platforms' base URL (`${url}/valuation`; each at `/{code}`), keys `valuationPlatformKey(secret, code)`. */
  valuationUrl: string;
  institutions: SimInstitutionView[];
  setKnobs(code: string | '*', knobs: Partial<Knobs>): void;
  /** Moves the simulated world's clock to run `offsetMs` ahead of real time (it follows Zhixing's). */
  setClockOffset(offsetMs: number): Promise<void>;
  stats(): SimStats;
  close(): Promise<void>;
};

export async function startSimulator(opts: StartSimulatorOptions): Promise<Simulator> {
  const logger = opts.logger ?? pino({ level: 'silent' });
  const seed = opts.seed ?? DEMO_POPULATION.seed;
  const startedAt = Date.now();
  const header = opts.journalPath ? await readJournalHeader(opts.journalPath) : undefined;
  // A restart draws the world for the day the journal began, so replaying it gives the same state.
  const referenceDate = header?.referenceDate ?? chinaDateOf(Date.now());
  const world = createWorld({ seed, referenceDate });
  const knobs = createKnobBoard(opts.knobs ?? {});
  const keys = institutionKeys(opts.secret);
  const stats = createStats(INSTITUTIONS.map((i) => i.code));
  const clock = createSimClock();
  const adminToken = opts.adminToken ?? randomBytes(24).toString('hex');
  const callbackPolicy: CallbackPolicy = { ...DEFAULT_CALLBACK_POLICY, ...opts.callbacks };
  let journal: Journal = NO_JOURNAL;
  let restoredRequests = 0;
  const engine = createEngine({
    world,
    knobs,
    random: createRandom(deriveSeed(seed, 'runtime', startedAt)),
    journal: { append: (r) => journal.append(r), close: () => journal.close() },
    clock,
    stats,
    callbackPolicy,
    keyOf: (code) => keys[code] ?? '',
    onJournalError: (err) => logger.error({ err }, 'simulator journal write failed'),
  });
  const journalProxy = { append: (r: JournalRecord) => journal.append(r) };
  const bank = createBank({
    ...opts.bank,
    key: bankKey(opts.secret),
    clock,
    journal: journalProxy,
    random: createRandom(deriveSeed(seed, 'bank', startedAt)),
    onJournalError: (err) => logger.error({ err }, 'simulator journal write failed (bank)'),
  });
  const sms = createSmsGateway({
    ...opts.sms,
    clock,
    journal: journalProxy,
    random: createRandom(deriveSeed(seed, 'sms', startedAt)),
  });
  const valuationKeyOf = (code: string) => valuationPlatformKey(opts.secret, code);
  const valuation = createValuationDesk({
    ...opts.valuation,
    seed: deriveSeed(seed, 'valuation'),
    clock,
    keyOf: valuationKeyOf,
    onError: (err) => logger.error({ err }, 'valuation report delivery failed'),
  });
  if (opts.journalPath) {
    journal = await openJournal(opts.journalPath, {
      seed,
      referenceDate,
      onRecord: (record) => {
        engine.replay(record);
        bank.replay(record);
        sms.replay(record);
        if (record.t === 'accept') restoredRequests++;
      },
    });
  }

  const app = Fastify({
    logger: false,
    bodyLimit: 64 * 1024,
    forceCloseConnections: true,
    keepAliveTimeout: 72_000,
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.setErrorHandler((err: { statusCode?: number; message?: string }, _request, reply) => {
    const status = err.statusCode ?? 500;
    if (status === 413)
      return sendError(reply, SimErrorCode.payloadTooLarge, bi('请求体过大', 'Request body too large'));
    if (status >= 400 && status < 500) {
      return sendError(reply, SimErrorCode.invalidInput, bi('请求有误', 'Bad request'), {
        details: [{ path: '(request)', message: err.message ?? '' }],
      });
    }
    logger.error({ err }, 'simulator request failed');
    return sendError(reply, SimErrorCode.internal, bi('模拟器内部错误', 'Simulator internal error'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, SimErrorCode.notFound, bi(`无此地址：${request.url}`, `Not found: ${request.url}`)),
  );
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/openapi.json', async () => buildOpenApiDocument());

  let url = '';
  const baseUrlOf = (code: string): string => `${url}/institutions/${code}`;
  const snapshotStats = (): SimStats => {
    const all = knobs.all();
    return {
      ...stats.snapshot(),
      uptimeMs: Date.now() - startedAt,
      world: { seed, referenceDate },
      clock: { offsetMs: clock.offsetMs(), now: new Date(clock.now()).toISOString() },
      pending: {
        total: engine.pendingCount(),
        byInstitution: Object.fromEntries(INSTITUTIONS.map((i) => [i.code, engine.pendingCount(i.code)])),
      },
      callbacksPending: engine.callbacksPending(),
      settings: {
        callbacks: callbackPolicy,
        institutions: Object.fromEntries(
          Object.entries(all).map(([code, k]) => [code, { ...k, latencyMeanMs: computeLatencyMeanMs(k) }]),
        ),
      },
    };
  };
  registerInstitutionRoutes(app, { engine, knobs, clock, stats, keys });
  registerAdminRoutes(app, {
    adminToken,
    knobs,
    clock,
    world,
    baseUrlOf,
    setClockOffset: (offsetMs) => engine.setClockOffset(offsetMs),
    snapshotStats,
  });
  registerBankRoutes(app, { bank, key: bankKey(opts.secret) });
  registerBankAdminRoutes(app, { bank, adminToken });
  registerSmsRoutes(app, { gateway: sms, key: smsKey(opts.secret), adminToken });
  registerValuationRoutes(app, { desk: valuation, keyOf: valuationKeyOf, adminToken });
  // Public security's detention centre (docs/protocols/public-security.md), at `${url}/police`.
  const police = createDetentionCentre({ seed: deriveSeed(seed, 'police'), clock });
  registerPoliceRoutes(app, { centre: police, key: policeKey(opts.secret), adminToken });

  const host = opts.host ?? '127.0.0.1';
  await app.listen({ port: opts.port ?? 0, host });
  const address = app.server.address();
  const port = address !== null && typeof address === 'object' ? address.port : (opts.port ?? 0);
  url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;
  engine.resume();
  bank.resume();
  logger.info(
    { url, seed, referenceDate, restoredRequests, institutions: INSTITUTIONS.length },
    'simulator listening',
  );

  let isClosed = false;
  return {
    url,
    adminToken,
    bankUrl: `${url}/bank`,
    smsUrl: `${url}/sms`,
    valuationUrl: `${url}/valuation`,
    institutions: INSTITUTIONS.map((i) => ({ ...i, baseUrl: baseUrlOf(i.code) })),
    setKnobs(code, patch) {
      if (code !== '*' && !keys[code]) throw new Error(`unknown institution ${code}`);
      knobs.patch(code, patch);
    },
    setClockOffset: (offsetMs) => engine.setClockOffset(offsetMs),
    stats: snapshotStats,
    async close() {
      if (isClosed) return;
      isClosed = true;
      await engine.close();
      await bank.close();
      await valuation.close();
      await app.close();
      await journal.close();
    },
  };
}
