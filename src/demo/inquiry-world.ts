import path from 'node:path';
import { sql } from 'drizzle-orm';
import { insertInstitution } from '../modules/inquiry/index.ts';
import { clock, onClockMoved } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import type { Logger } from '../platform/logging.ts';
import { allowPrivateHosts, hostAndPort } from '../platform/net/outbound-guard.ts';
import { type Institution, institutionKeys, type Simulator, startSimulator } from '../sim/index.ts';

/**
 * The outside world for the demo: `npm start` runs the simulator in-process and, on first start,
 * registers its institutions in Zhixing's registry (keys derived from ZHIXING_SIM_SECRET, as the
 * simulator derives them). A real deployment registers real institutions through the admin API.
 */
async function isRegistryEmpty(db: Db): Promise<boolean> {
  const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from inquiry.institutions`);
  return (rows[0]?.n ?? 0) === 0;
}

async function register(
  db: Db,
  institutions: (Institution & { baseUrl: string })[],
  secret: string,
): Promise<number> {
  const keys = institutionKeys(secret);
  let added = 0;
  for (const i of institutions) {
    const isNew = await insertInstitution(db, {
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
      maxAttempts: 6,
      retryBaseSeconds: 2,
      pollAfterSeconds: 30,
      answerTimeoutSeconds: 3600,
    });
    if (isNew) added++;
  }
  return added;
}

export async function startDemoSimulator(config: Config, db: Db, logger: Logger): Promise<Simulator> {
  const sim = await startSimulator({
    port: config.simPort,
    host: '127.0.0.1',
    secret: config.simSecret,
    journalPath: path.join(config.dataDir, 'sim', 'journal.jsonl'),
    logger: logger.child({ component: 'sim' }),
    ...(config.simSeed !== undefined ? { seed: config.simSeed } : {}),
    ...(config.simAdminToken !== undefined ? { adminToken: config.simAdminToken } : {}),
  });
  // The demo's institutions live on this machine's loopback: exactly the simulator's address and
  // port is allowed, not loopback at large (platform/net/outbound-guard.ts).
  allowPrivateHosts([hostAndPort(new URL(sim.url))]);
  if (await isRegistryEmpty(db)) {
    const added = await register(db, sim.institutions, config.simSecret);
    logger.info({ added, sim: sim.url }, 'simulated institutions registered');
  }
  return sim;
}

/** `zhixing serve` / `worker` with ZHIXING_SIM_URL and an empty registry: register a separately running simulator. */
export async function registerSimulatorAt(config: Config, db: Db, logger: Logger): Promise<void> {
  if (!config.simUrl || !(await isRegistryEmpty(db))) return;
  if (!config.simAdminToken) {
    logger.warn(
      'ZHIXING_SIM_URL is set but ZHIXING_SIM_ADMIN_TOKEN is not: register institutions through the admin API',
    );
    return;
  }
  const res = await fetch(new URL('/sim/institutions', config.simUrl), {
    headers: { authorization: `Bearer ${config.simAdminToken}` },
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) {
    logger.warn({ status: res.status }, 'could not list the simulator’s institutions');
    return;
  }
  const listed: unknown = await res.json();
  const institutions = Array.isArray(listed) ? listed.filter(isSimInstitution) : [];
  const added = await register(db, institutions, config.simSecret);
  logger.info({ added, sim: config.simUrl }, 'simulated institutions registered');
}

function isSimInstitution(x: unknown): x is Institution & { baseUrl: string } {
  return (
    typeof x === 'object' &&
    x !== null &&
    'code' in x &&
    typeof x.code === 'string' &&
    'baseUrl' in x &&
    typeof x.baseUrl === 'string' &&
    'assetTypes' in x &&
    Array.isArray(x.assetTypes) &&
    'operations' in x &&
    Array.isArray(x.operations)
  );
}

/**
 * The simulated outside world follows the one clock: an in-process simulator directly, a separate
 * one (ZHIXING_SIM_URL with ZHIXING_SIM_ADMIN_TOKEN) over its admin API — now, and whenever the
 * clock moves. Returns the function that stops following.
 */
export function keepSimulatorOnClock(
  target: { sim: Simulator } | { url: string; adminToken: string },
  logger: Logger,
): () => void {
  const push = async (offsetMs: number) => {
    if ('sim' in target) {
      await target.sim.setClockOffset(offsetMs);
      return;
    }
    const res = await fetch(new URL('/sim/clock', target.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${target.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ offsetMs }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`the simulator refused the clock: ${res.status}`);
  };
  const follow = (offsetMs: number) =>
    void push(offsetMs).catch((err) =>
      logger.warn({ err: err instanceof Error ? err.message : err }, 'the simulator did not take the clock'),
    );
  follow(clock.offsetMs());
  return onClockMoved(follow);
}
