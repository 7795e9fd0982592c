import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { DEMO_POPULATION } from '../src/demo/population.ts';
import { chinaDateOf } from '../src/kernel/index.ts';
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
import { signRequest } from '../src/sim/signature.ts';
import { createWorld } from '../src/sim/world/world.ts';

const secret = 'protocol-test-secret';
const keys = institutionKeys(secret);
const world = createWorld({ seed: DEMO_POPULATION.seed });
const person = world.population.persons[10];
const CASE = { caseNumber: '（2026）浙0106执7号', court: '杭州市西湖区人民法院' };
const until = chinaDateOf(Date.now() + 90 * 86_400_000);
const deposit = [...world.assetsByIdentifier.values()].find(
  (a) =>
    a.assetType === 'deposit' &&
    a.holders[0] === 'icbc' &&
    (a.balanceFen ?? 0) > 100_000 &&
    a.freezes.length === 0,
);

const ZAssetStateSchema = z.object({
  frozenFen: z.number(),
  freezes: z.array(z.object({ caseNumber: z.string() })),
});
const ZOpenApiSchema = z.object({
  openapi: z.string(),
  paths: z.record(z.string(), z.object({ post: z.unknown(), get: z.unknown() }).partial()),
  components: z.object({
    schemas: z.record(z.string(), z.object({ properties: z.record(z.string(), z.unknown()).default({}) })),
  }),
});
const ZKnobsSchema = z.object({ latencyMedianMs: z.number() }).loose();

let sim: Simulator;
let icbc: ProtocolClient;
const client = (code: string) =>
  createProtocolClient(`${sim.url}/institutions/${code}`, code, keys[code] ?? '');
const errorOf = (r: ProtocolResponse) => {
  const { error } = ZErrorSchema.parse(r.json);
  return { ...error, details: error.details ?? [] };
};
const idOf = (r: ProtocolResponse): string => {
  const parsed = r.json;
  assert.ok(
    typeof parsed === 'object' &&
      parsed !== null &&
      'requestId' in parsed &&
      typeof parsed.requestId === 'string',
    r.text,
  );
  return parsed.requestId;
};
const admin = (path: string, init: RequestInit = {}) =>
  fetch(`${sim.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${sim.adminToken}`, ...init.headers },
  });
const answered = async (c: ProtocolClient, requestId: string) =>
  waitFor(async () => {
    const env = ZEnvelopeSchema.parse((await c.poll(requestId)).json);
    return env.status === 'accepted' ? undefined : env;
  }, `answer to ${requestId}`);

before(async () => {
  sim = await startSimulator({ secret, knobs: { latencyMedianMs: 2, latencyP99Ms: 10 } });
  icbc = client('icbc');
});
after(() => sim.close());

describe('sim protocol: signatures', () => {
  const body = () => ({
    subject: { kind: 'person', name: person?.name, idNumber: person?.idNumber },
    ...CASE,
  });

  it('refuses a missing, wrong, stale or tampered signature with 401 and records nothing', async () => {
    const before = sim.stats().submissions.byOutcome.accepted;
    const unsigned = await fetch(`${sim.url}/institutions/icbc/v1/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 's0', 'x-zx-institution': 'icbc' },
      body: JSON.stringify(body()),
    });
    assert.equal(unsigned.status, 401);
    const wrongKey = await icbc.submit('query', body(), 's1', { key: keys.abc });
    assert.equal(wrongKey.status, 401);
    assert.match(errorOf(wrongKey).message, /Invalid signature/);
    const stale = await icbc.submit('query', body(), 's2', { now: Date.now() - 6 * 60_000 });
    assert.equal(stale.status, 401);
    assert.match(errorOf(stale).message, /5 minutes/);
    const tampered = await icbc.submit('query', body(), 's3', {
      rawBody: JSON.stringify({ ...body(), court: '别的法院' }),
    });
    assert.equal(tampered.status, 401);
    const otherInstitution = await createProtocolClient(
      `${sim.url}/institutions/icbc`,
      'abc',
      keys.abc ?? '',
    ).submit('query', body(), 's4');
    assert.equal(otherInstitution.status, 401);
    assert.equal(sim.stats().submissions.byOutcome.accepted, before);
    assert.equal((await icbc.submit('query', body(), 's5')).status, 202);
  });

  it('answers 404 for an unknown institution or an operation it does not offer', async () => {
    const nobody = await createProtocolClient(`${sim.url}/institutions/nobank`, 'nobank', 'k').submit(
      'query',
      body(),
      'n1',
    );
    assert.equal(nobody.status, 404);
    assert.equal(errorOf(nobody).code, 'NOT_FOUND');
    assert.equal(
      (await client('vma').submit('freeze', { identifier: 'x', amountFen: 1, until, ...CASE }, 'n2')).status,
      404,
    );
    assert.equal((await icbc.submit('fly', body(), 'n3')).status, 404);
  });
});

describe('sim protocol: bad input', () => {
  const cases: Array<[string, string, unknown, string]> = [
    [
      'query without idNumber',
      'query',
      { subject: { kind: 'person', name: '张三' }, ...CASE },
      'subject.idNumber',
    ],
    [
      'query with a short idNumber',
      'query',
      { subject: { kind: 'person', name: '张三', idNumber: '3301' }, ...CASE },
      'subject.idNumber',
    ],
    [
      'query without caseNumber',
      'query',
      { subject: { kind: 'company', name: '某公司', creditCode: '91330106MA2XXXXX0X' }, court: 'c' },
      'caseNumber',
    ],
    [
      'freeze with amount and whole account',
      'freeze',
      { identifier: 'a', amountFen: 5, wholeAccount: true, until, ...CASE },
      'amountFen',
    ],
    [
      'freeze with a negative amount',
      'freeze',
      { identifier: 'a', amountFen: -5, until, ...CASE },
      'amountFen',
    ],
    [
      'freeze with a fractional amount',
      'freeze',
      { identifier: 'a', amountFen: 1.5, until, ...CASE },
      'amountFen',
    ],
    [
      'freeze with an unreadable date',
      'freeze',
      { identifier: 'a', amountFen: 5, until: '2026-13-45', ...CASE },
      'until',
    ],
    [
      'freeze with an ftp callback',
      'freeze',
      { identifier: 'a', amountFen: 5, until, ...CASE, callbackUrl: 'ftp://x/y' },
      'callbackUrl',
    ],
    ['renew with neither freezeId nor sealId', 'renew', { until }, 'freezeId'],
    ['deduct without a court account', 'deduct', { freezeId: 'f', amountFen: 5 }, 'courtAccount'],
    ['a body that is not an object', 'unfreeze', [1, 2], '(body)'],
  ];
  for (const [name, operation, body, path] of cases) {
    it(`400 naming the field: ${name}`, async () => {
      const r = await icbc.submit(operation, body, `bad-${name}`);
      assert.equal(r.status, 400, r.text);
      const error = errorOf(r);
      assert.equal(error.code, 'INVALID_INPUT');
      assert.ok(
        error.details.some((d) => d.path === path),
        JSON.stringify(error.details),
      );
      assert.match(error.message, / \/ /, 'bilingual message');
    });
  }

  it('400 for a body that is not JSON, and for a missing idempotency key', async () => {
    const body = '{"subject":';
    const path = '/institutions/icbc/v1/query';
    const raw = await fetch(`${sim.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': 'garbage',
        ...signRequest({ institution: 'icbc', key: keys.icbc ?? '', method: 'POST', path, body }),
      },
      body,
    });
    assert.equal(raw.status, 400);
    assert.equal(ZErrorSchema.parse(await raw.json()).error.details?.[0]?.path, '(body)');
    const noKey = await icbc.submit('query', {}, '', {});
    assert.equal(noKey.status, 400);
    assert.equal(errorOf(noKey).details[0]?.path, 'idempotency-key');
  });
});

describe('sim protocol: the edges of HTTP', () => {
  it('413 for an oversized body and 404 for an unknown path, in the error shape', async () => {
    const huge = await icbc.submit(
      'query',
      { subject: { kind: 'person', name: 'x'.repeat(70_000) } },
      'huge',
    );
    assert.equal(huge.status, 413);
    assert.equal(errorOf(huge).code, 'PAYLOAD_TOO_LARGE');
    const nowhere = await fetch(`${sim.url}/nowhere`);
    assert.equal(nowhere.status, 404);
    assert.equal(ZErrorSchema.parse(await nowhere.json()).error.code, 'NOT_FOUND');
  });
});

describe('sim protocol: idempotency and polling', () => {
  it('same key and same body: the same request, one effect; same key, other body: 409', async () => {
    assert.ok(deposit, 'a deposit at icbc');
    const body = { identifier: deposit.identifier, amountFen: 10_000, until, ...CASE };
    const first = await icbc.submit('freeze', body, 'idem-1');
    assert.equal(first.status, 202);
    // The same meaning with the keys in another order is the same body.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await icbc.submit('freeze', reordered, 'idem-1');
    assert.equal(again.status, 200);
    assert.equal(idOf(again), idOf(first));
    const env = await answered(icbc, idOf(first));
    assert.equal(env.status, 'frozen');
    const third = await icbc.submit('freeze', body, 'idem-1');
    assert.equal(idOf(third), idOf(first));
    const conflict = await icbc.submit('freeze', { ...body, amountFen: 20_000 }, 'idem-1');
    assert.equal(conflict.status, 409);
    assert.equal(errorOf(conflict).code, 'CONFLICT');
    const state = ZAssetStateSchema.parse(
      await (await admin(`/sim/assets?identifier=${encodeURIComponent(deposit.identifier)}`)).json(),
    );
    assert.equal(
      state.freezes.filter((f: { caseNumber: string }) => f.caseNumber === CASE.caseNumber).length,
      1,
    );
    assert.equal(state.frozenFen, 10_000);
    // Keys are per institution: the same key elsewhere is another request.
    const elsewhere = await client('abc').submit('freeze', body, 'idem-1');
    assert.equal(elsewhere.status, 202);
  });

  it('polls an envelope that matches the schema; 404 for unknown or foreign requests', async () => {
    const r = await icbc.submit(
      'query',
      { subject: { kind: 'person', name: person?.name, idNumber: person?.idNumber }, ...CASE },
      'poll-1',
    );
    const env = await answered(icbc, idOf(r));
    assert.equal(env.institution, 'icbc');
    assert.equal(env.operation, 'query');
    assert.equal(env.result?.status, 'answered');
    assert.ok(env.acceptedAt && env.answeredAt && env.acceptedAt <= env.answeredAt);
    assert.equal((await icbc.poll('icbc-nothing')).status, 404);
    assert.equal((await client('abc').poll(idOf(r))).status, 404);
    assert.equal((await icbc.poll(idOf(r), { key: keys.abc })).status, 401);
  });
});

describe('sim admin API and OpenAPI document', () => {
  it('serves the institution-facing OpenAPI 3.1 document', async () => {
    const doc = ZOpenApiSchema.parse(await (await fetch(`${sim.url}/openapi.json`)).json());
    assert.equal(doc.openapi, '3.1.0');
    for (const op of ['query', 'freeze', 'renew', 'unfreeze', 'seal', 'seize', 'release', 'deduct']) {
      assert.ok(doc.paths[`/v1/${op}`]?.post, op);
    }
    assert.ok(doc.paths['/v1/requests/{requestId}']?.get);
    assert.ok(doc.components.schemas.FreezeRequest?.properties.amountFen);
    assert.ok(doc.components.schemas.Envelope);
  });

  it('needs the admin token; lists institutions with their base URLs; validates knobs', async () => {
    assert.equal((await fetch(`${sim.url}/sim/institutions`)).status, 401);
    assert.equal(
      (await fetch(`${sim.url}/sim/stats`, { headers: { authorization: 'Bearer wrong' } })).status,
      401,
    );
    const list = z
      .array(z.object({ code: z.string(), kind: z.string(), baseUrl: z.string() }))
      .parse(await (await admin('/sim/institutions')).json());
    assert.ok(list.length >= 20);
    assert.equal(list.find((i) => i.code === 'icbc')?.baseUrl, `${sim.url}/institutions/icbc`);
    assert.deepEqual(new Set(list.map((i) => i.kind)).size, 9);
    const bad = await admin('/sim/knobs/icbc', { method: 'PUT', body: JSON.stringify({ errorRate: 3 }) });
    assert.equal(bad.status, 400);
    assert.equal(ZErrorSchema.parse(await bad.json()).error.details?.[0]?.path, 'errorRate');
    assert.equal((await admin('/sim/knobs/nobank', { method: 'PUT', body: '{}' })).status, 404);
    const ok = await admin('/sim/knobs/icbc', {
      method: 'PUT',
      body: JSON.stringify({ latencyMedianMs: 3 }),
    });
    assert.equal(z.record(z.string(), ZKnobsSchema).parse(await ok.json()).icbc?.latencyMedianMs, 3);
    assert.equal(sim.stats().settings.institutions.icbc?.latencyMedianMs, 3);
    assert.equal((await admin('/sim/clock', { method: 'POST', body: '{"offsetMs":"soon"}' })).status, 400);
  });
});
