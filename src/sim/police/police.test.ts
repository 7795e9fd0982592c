import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { addCalendarDays, chinaDateOf } from '../../kernel/index.ts';
import { createAdminCaller, createSignedCaller, eventually } from '../bank/test-support.ts';
import { ZErrorSchema } from '../contracts.ts';
import { type Simulator, startSimulator } from '../simulator.ts';
import { POLICE_CODE, policeKey, ZPoliceOrderSchema, ZPoliceOverviewSchema } from './contracts.ts';

/**
 * The simulated detention centre (docs/protocols/public-security.md) over signed HTTP: orders are
 * kept once per request id, answered admitted or refused, released early only while in custody;
 * the knobs refuse, delay and fail as documented.
 */
const secret = 'police-test-secret';
let sim: Simulator;
let call: ReturnType<typeof createSignedCaller>;
let admin: ReturnType<typeof createAdminCaller>;
let serial = 0;

before(async () => {
  sim = await startSimulator({ secret, adminToken: 'police-admin' });
  call = createSignedCaller(`${sim.url}/police`, POLICE_CODE, policeKey(secret));
  admin = createAdminCaller(sim);
});

after(async () => {
  await sim.close();
});

function aDetention(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    requestId: `DET-${serial}`,
    court: '杭州市西湖区人民法院',
    caseNumber: '（2026）浙0106执1号',
    decisionNumber: `（2026）浙0106司惩${serial}号`,
    person: { name: '张三', idNumber: '33010619900101123X' },
    days: 15,
    place: '杭州市拘留所',
    decidedOn: chinaDateOf(Date.now()),
    ...overrides,
  };
}

const detain = (body: { requestId: string } & Record<string, unknown>, key = body.requestId) =>
  call('/v1/detention-orders', { body, idempotencyKey: key });
const release = (body: { requestId: string } & Record<string, unknown>) =>
  call('/v1/release-orders', { body, idempotencyKey: body.requestId });
const orderOf = (json: unknown) => ZPoliceOrderSchema.parse(json);
const errorOf = (json: unknown) => ZErrorSchema.parse(json).error;
const setKnobs = async (knobs: Record<string, number>) =>
  assert.equal((await admin('/sim/police/knobs', 'PUT', knobs)).status, 200);

describe('detention centre', () => {
  it('admits a detention order at the court’s place for its days, once per request id', async () => {
    const body = aDetention();
    const answers = await Promise.all(Array.from({ length: 3 }, () => detain(body)));
    const today = chinaDateOf(Date.now());
    for (const a of answers) {
      assert.equal(a.status, 200, a.text);
      const order = orderOf(a.json);
      assert.equal(order.status, 'admitted');
      assert.equal(order.place, '杭州市拘留所');
      assert.equal(order.startDate, today);
      // CPL art. 118: 15 days, the day of admission the first
      assert.equal(order.endDate, addCalendarDays(today, 14));
    }
    const polled = orderOf((await call(`/v1/orders/${body.requestId}`)).json);
    assert.equal(polled.status, 'admitted');
    const other = await detain({ ...body, days: 10 });
    assert.equal(other.status, 409);
    assert.equal((await call('/v1/orders/DET-NONE')).status, 404);
    const overview = ZPoliceOverviewSchema.parse((await admin('/sim/police')).json);
    assert.equal(overview.items.filter((o) => o.requestId === body.requestId).length, 1);
  });

  it('releases early a person in custody, and refuses anyone not in custody', async () => {
    const detention = aDetention();
    assert.equal((await detain(detention)).status, 200);
    const first = {
      requestId: `REL-${serial}`,
      detentionRequestId: detention.requestId,
      court: '杭州市西湖区人民法院',
      reason: '具结悔过',
      decidedOn: detention.decidedOn,
    };
    const released = orderOf((await release(first)).json);
    assert.equal(released.status, 'released');
    assert.equal(released.releasedOn, chinaDateOf(Date.now()));
    assert.equal(
      orderOf((await call(`/v1/orders/${detention.requestId}`)).json).releasedOn,
      released.releasedOn,
    );
    // The same order again is the same answer; a second release is refused with a reason.
    assert.equal(orderOf((await release(first)).json).status, 'released');
    const again = orderOf((await release({ ...first, requestId: `REL-AGAIN-${serial}` })).json);
    assert.equal(again.status, 'refused');
    assert.match(again.reason ?? '', /Already released/);
    const unknown = await release({ ...first, requestId: 'REL-UNKNOWN', detentionRequestId: 'DET-NONE' });
    assert.equal(unknown.status, 400);
    assert.equal(errorOf(unknown.json).details?.[0]?.path, 'detentionRequestId');
  });

  it('refuses as the refusal knob says, with a reason; the refused cannot be released', async () => {
    await setKnobs({ refusalRate: 1 });
    try {
      const body = aDetention();
      const refused = orderOf((await detain(body)).json);
      assert.equal(refused.status, 'refused');
      assert.ok((refused.reason ?? '').length > 0);
      assert.equal(refused.startDate, undefined);
      const r = {
        requestId: `REL-${serial}`,
        detentionRequestId: body.requestId,
        court: '某法院',
        reason: '悔过',
        decidedOn: body.decidedOn,
      };
      assert.equal(orderOf((await release(r)).json).status, 'refused');
    } finally {
      await setKnobs({ refusalRate: 0 });
    }
  });

  it('answers pending until the latency has passed, then admitted', async () => {
    await setKnobs({ latencyMs: 300 });
    try {
      const body = aDetention();
      const first = await detain(body);
      assert.equal(first.status, 202);
      assert.equal(orderOf(first.json).status, 'pending');
      const answered = await eventually(async () => {
        const a = orderOf((await detain(body)).json);
        return a.status === 'pending' ? undefined : a;
      }, 'the detention answered');
      assert.equal(answered.status, 'admitted');
    } finally {
      await setKnobs({ latencyMs: 0 });
    }
  });

  it('answers 503 as the failure knob says, keeping nothing', async () => {
    await setKnobs({ failureRate: 1 });
    const body = aDetention();
    const refused = await detain(body);
    assert.equal(refused.status, 503);
    await setKnobs({ failureRate: 0 });
    assert.equal((await call(`/v1/orders/${body.requestId}`)).status, 404);
    assert.equal((await detain(body)).status, 200);
  });

  it('validates the order: days beyond 15, a bad ID number, a key that is not the request id', async () => {
    const long = await detain(aDetention({ days: 16 }));
    assert.equal(long.status, 400);
    assert.equal(errorOf(long.json).details?.[0]?.path, 'days');
    const badId = await detain(aDetention({ person: { name: '张三', idNumber: '123' } }));
    assert.equal(errorOf(badId.json).details?.[0]?.path, 'person.idNumber');
    const mismatch = await detain(aDetention(), 'OTHER');
    assert.equal(errorOf(mismatch.json).details?.[0]?.path, 'idempotency-key');
    const knobs = await admin('/sim/police/knobs', 'PUT', { refusalRate: 2 });
    assert.equal(knobs.status, 400);
  });

  it('refuses a bad signature, a stale timestamp and the admin API without its token', async () => {
    assert.equal((await call('/v1/orders/DET-1', { key: policeKey('another secret') })).status, 401);
    assert.equal((await call('/v1/orders/DET-1', { now: Date.now() - 6 * 60_000 })).status, 401);
    assert.equal((await fetch(`${sim.url}/sim/police`)).status, 401);
  });

  it('is described in the simulator’s OpenAPI document', async () => {
    const doc = z
      .object({ paths: z.record(z.string(), z.unknown()) })
      .parse(await (await fetch(`${sim.url}/openapi.json`)).json());
    for (const path of [
      '/police/v1/detention-orders',
      '/police/v1/release-orders',
      '/police/v1/orders/{requestId}',
    ])
      assert.ok(doc.paths[path], path);
  });
});
