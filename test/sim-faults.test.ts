import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  institutionKeys,
  type Simulator,
  startSimulator,
  ZEnvelopeSchema,
  ZErrorSchema,
} from '../src/sim/index.ts';
import {
  createProtocolClient,
  type ProtocolClient,
  type ProtocolResponse,
  waitFor,
} from '../src/sim/protocol-client.ts';

const secret = 'faults-test-secret';
const keys = institutionKeys(secret);
const CASE = { caseNumber: '（2026）浙0203执9号', court: '宁波市海曙区人民法院' };
const MILD = {
  errorRate: 0,
  timeoutRate: 0,
  rateLimitPerSecond: 0,
  maxConcurrent: 32,
  isUnderMaintenance: false,
  maintenanceWindows: [],
  latencyMedianMs: 2,
  latencyP99Ms: 10,
};

let sim: Simulator;
let serial = 0;
const client = (code: string) =>
  createProtocolClient(`${sim.url}/institutions/${code}`, code, keys[code] ?? '');
const query = (c: ProtocolClient, key = `f-${++serial}`) =>
  c.submit(
    'query',
    { subject: { kind: 'company', name: '宁波某某有限公司', creditCode: '91330203MA2XXXXX0X' }, ...CASE },
    key,
  );
const idOf = (r: ProtocolResponse): string =>
  ZEnvelopeSchema.pick({ requestId: true }).parse(r.json).requestId;
const retryAfter = (r: ProtocolResponse): number => Number(r.headers.get('retry-after'));
const statusOf = async (c: ProtocolClient, requestId: string) =>
  ZEnvelopeSchema.parse((await c.poll(requestId)).json).status;

before(async () => {
  sim = await startSimulator({ secret, knobs: MILD });
});
beforeEach(async () => {
  sim.setKnobs('*', MILD);
  await fetch(`${sim.url}/sim/clock`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sim.adminToken}` },
    body: JSON.stringify({ offsetMs: 0 }),
  });
});
after(() => sim.close());

describe('sim realism knobs', () => {
  it('rate limit: beyond the allowed submissions per second, 429 with retry-after; nothing recorded', async () => {
    // One submission every 50 seconds: the second one, right after the first, is over the limit.
    sim.setKnobs('boc', { rateLimitPerSecond: 0.02 });
    const boc = client('boc');
    assert.equal((await query(boc)).status, 202);
    const limited = await query(boc);
    assert.equal(limited.status, 429);
    assert.ok(retryAfter(limited) > 1 && retryAfter(limited) <= 50, `retry-after ${retryAfter(limited)}`);
    assert.equal(ZErrorSchema.parse(limited.json).error.code, 'TOO_MANY_REQUESTS');
    assert.equal(sim.stats().byInstitution.boc?.accepted, 1);
    assert.equal(sim.stats().submissions.byOutcome.rateLimited, 1);
    // Other institutions are not held back.
    assert.equal((await query(client('ccb'))).status, 202);
  });

  it('maintenance: forced, 503 with retry-after for submissions and polls', async () => {
    const psbc = client('psbc');
    const earlier = idOf(await query(psbc));
    sim.setKnobs('psbc', { isUnderMaintenance: true });
    const refused = await query(psbc);
    assert.equal(refused.status, 503);
    assert.ok(retryAfter(refused) >= 1);
    assert.equal((await psbc.poll(earlier)).status, 503);
    assert.equal((await query(client('cmb'))).status, 202);
  });

  it('maintenance window: in force when the simulated clock is inside it (China time)', async () => {
    sim.setKnobs('cib', { maintenanceWindows: [{ from: '02:00', to: '04:00' }] });
    // Move the simulated clock to 03:00 China time tomorrow.
    const chinaNow = new Date(Date.now() + 8 * 3_600_000);
    const target =
      Date.UTC(chinaNow.getUTCFullYear(), chinaNow.getUTCMonth(), chinaNow.getUTCDate() + 1, 3) -
      8 * 3_600_000;
    const moved = await fetch(`${sim.url}/sim/clock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.adminToken}` },
      body: JSON.stringify({ offsetMs: target - Date.now() }),
    });
    assert.equal(moved.status, 200);
    const refused = await query(client('cib'));
    assert.equal(refused.status, 503);
    // An hour left in the window, give or take the seconds this test took.
    assert.ok(
      retryAfter(refused) > 3000 && retryAfter(refused) <= 3600,
      `retry-after ${retryAfter(refused)}`,
    );
  });

  it('error rate: 500 and nothing recorded, so the same key later starts afresh', async () => {
    sim.setKnobs('spdb', { errorRate: 1 });
    const spdb = client('spdb');
    const failed = await query(spdb, 'flaky-1');
    assert.equal(failed.status, 500);
    assert.equal(ZErrorSchema.parse(failed.json).error.code, 'INTERNAL');
    assert.equal(sim.stats().byInstitution.spdb?.accepted, 0);
    sim.setKnobs('spdb', { errorRate: 0 });
    const retried = await query(spdb, 'flaky-1');
    assert.equal(retried.status, 202);
    assert.equal(
      await waitFor(
        async () => ((await statusOf(spdb, idOf(retried))) === 'answered' ? true : undefined),
        'answer',
      ),
      true,
    );
  });

  it('timeouts: accepted but never answered, while later requests are', async () => {
    const citic = client('citic');
    sim.setKnobs('citic', { timeoutRate: 1 });
    const lost = idOf(await query(citic));
    sim.setKnobs('citic', { timeoutRate: 0 });
    const later = idOf(await query(citic));
    await waitFor(
      async () => ((await statusOf(citic, later)) === 'answered' ? true : undefined),
      'later answer',
    );
    assert.equal(await statusOf(citic, lost), 'accepted');
    assert.equal(sim.stats().byInstitution.citic?.dropped, 1);
    assert.equal(sim.stats().pending.byInstitution.citic, 0);
  });

  it('capacity: beyond maxConcurrent requests in process, 429 until some are answered', async () => {
    const nbcb = client('nbcb');
    sim.setKnobs('nbcb', { maxConcurrent: 1, latencyMedianMs: 1500, latencyP99Ms: 1500 });
    const first = await query(nbcb);
    assert.equal(first.status, 202);
    const busy = await query(nbcb);
    assert.equal(busy.status, 429);
    assert.equal(retryAfter(busy), 1);
    await waitFor(
      async () => ((await statusOf(nbcb, idOf(first))) === 'answered' ? true : undefined),
      'first answer',
    );
    assert.equal((await query(nbcb)).status, 202);
  });

  it('reports its settings and counters for benchmarks', () => {
    const stats = sim.stats();
    assert.ok(stats.submissions.total >= stats.submissions.byOutcome.accepted);
    const icbc = stats.settings.institutions.icbc;
    assert.ok(icbc && icbc.latencyMeanMs >= icbc.latencyMedianMs);
    assert.equal(stats.settings.callbacks.maxAttempts, 6);
  });
});
