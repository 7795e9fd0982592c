import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import { DEMO_POPULATION } from '../src/demo/population.ts';
import { chinaDateOf } from '../src/kernel/index.ts';
import {
  institutionKeys,
  type Simulator,
  startSimulator,
  type TEnvelope,
  ZEnvelopeSchema,
} from '../src/sim/index.ts';
import {
  createProtocolClient,
  type ProtocolClient,
  type ProtocolResponse,
  waitFor,
} from '../src/sim/protocol-client.ts';
import type { Asset } from '../src/sim/types.ts';
import { createWorld } from '../src/sim/world/world.ts';

const secret = 'measures-test-secret';
const keys = institutionKeys(secret);
const DAY = 86_400_000;
const world = createWorld({ seed: DEMO_POPULATION.seed });
const court = '杭州市西湖区人民法院';
const caseNo = (n: number) => `（2026）浙0106执${n}号`;

/** Unused assets of the demo world, handed out one per test so tests do not share state. */
const pool = (predicate: (a: Asset) => boolean): Asset[] =>
  [...world.assetsByIdentifier.values()].filter(
    (a) => predicate(a) && a.freezes.length === 0 && a.seals.length === 0,
  );
const deposits = pool((a) => a.assetType === 'deposit' && (a.balanceFen ?? 0) >= 500_000);
const flats = pool((a) => a.assetType === 'realEstate');
const cars = pool((a) => a.assetType === 'vehicle');
const take = (list: Asset[]): Asset => {
  const asset = list.shift();
  assert.ok(asset, 'the demo world has enough assets');
  return asset;
};

let sim: Simulator;
let serial = 0;
let simOffsetMs = 0;
const client = (code: string): ProtocolClient =>
  createProtocolClient(`${sim.url}/institutions/${code}`, code, keys[code] ?? '');
const untilIn = (days: number) => chinaDateOf(Date.now() + simOffsetMs + days * DAY);
const idOf = (r: ProtocolResponse): string =>
  ZEnvelopeSchema.pick({ requestId: true }).parse(r.json).requestId;

/** Submits and waits for the answer; returns the result. */
async function run(code: string, operation: string, body: Record<string, unknown>, key = `m-${++serial}`) {
  const c = client(code);
  const r = await c.submit(operation, { court, ...body }, key);
  assert.ok(r.status === 202 || r.status === 200, r.text);
  const env = await answered(c, idOf(r));
  return env.result ?? { status: 'none' };
}
async function answered(c: ProtocolClient, requestId: string): Promise<TEnvelope> {
  return waitFor(async () => {
    const env = ZEnvelopeSchema.parse((await c.poll(requestId)).json);
    return env.status === 'accepted' ? undefined : env;
  }, `answer to ${requestId}`);
}
const ZAssetState = z.object({
  balanceFen: z.number().optional(),
  frozenFen: z.number().optional(),
  transfers: z.array(z.object({ freezeId: z.string(), amountFen: z.number() })),
  seals: z.array(
    z.object({ sealId: z.string(), caseNumber: z.string(), status: z.string(), queuePosition: z.number() }),
  ),
});
async function stateOf(asset: Asset) {
  const res = await fetch(`${sim.url}/sim/assets?identifier=${encodeURIComponent(asset.identifier)}`, {
    headers: { authorization: `Bearer ${sim.adminToken}` },
  });
  return ZAssetState.parse(await res.json());
}
async function moveClock(days: number): Promise<void> {
  simOffsetMs += days * DAY;
  const res = await fetch(`${sim.url}/sim/clock`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sim.adminToken}` },
    body: JSON.stringify({ offsetMs: simOffsetMs }),
  });
  assert.equal(res.status, 200);
}

before(async () => {
  sim = await startSimulator({ secret, knobs: { latencyMedianMs: 1, latencyP99Ms: 5 } });
});
after(() => sim.close());

describe('sim measures over HTTP', () => {
  it('freezes no more than is unfrozen: partially frozen with the real amount, then rejected', async () => {
    const acct = take(deposits);
    const bank = acct.holders[0] ?? '';
    const balance = acct.balanceFen ?? 0;
    const first = await run(bank, 'freeze', {
      identifier: acct.identifier,
      amountFen: balance - 1_000,
      until: untilIn(100),
      caseNumber: caseNo(1),
    });
    assert.equal(first.status, 'frozen');
    const second = await run(bank, 'freeze', {
      identifier: acct.identifier,
      amountFen: 5_000,
      until: untilIn(100),
      caseNumber: caseNo(2),
    });
    assert.equal(second.status, 'partiallyFrozen');
    assert.equal(second.amountFen, 1_000);
    const third = await run(bank, 'freeze', {
      identifier: acct.identifier,
      wholeAccount: true,
      until: untilIn(100),
      caseNumber: caseNo(3),
    });
    assert.equal(third.status, 'rejected');
    assert.equal(third.reasonCode, 'nothingAvailable');
    assert.equal((await stateOf(acct)).frozenFen, balance);
    // Unfreezing gives the amount back to later freezes.
    assert.equal(
      (await run(bank, 'unfreeze', { freezeId: String(second.freezeId), caseNumber: caseNo(2) })).amountFen,
      1_000,
    );
    const fourth = await run(bank, 'freeze', {
      identifier: acct.identifier,
      wholeAccount: true,
      until: untilIn(100),
      caseNumber: caseNo(4),
    });
    assert.equal(fourth.amountFen, 1_000);
  });

  it('deducts once per idempotency key, even when the same deduction is sent many times at once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 400_000 }), { minLength: 6, maxLength: 6 }),
        async (keyPicks, amounts) => {
          const acct = take(deposits);
          const bank = acct.holders[0] ?? '';
          const balance = acct.balanceFen ?? 0;
          const frozen = await run(bank, 'freeze', {
            identifier: acct.identifier,
            wholeAccount: true,
            until: untilIn(60),
            caseNumber: caseNo(10),
          });
          const freezeId = String(frozen.freezeId);
          const c = client(bank);
          const run0 = ++serial;
          const submitted = await Promise.all(
            keyPicks.map((k) =>
              c.submit(
                'deduct',
                { freezeId, amountFen: amounts[k], courtAccount: '浙0106执行款专户', caseNumber: caseNo(10) },
                `d-${run0}-${k}`,
              ),
            ),
          );
          const idByKey = new Map<number, string>();
          for (const [i, k] of keyPicks.entries()) {
            const r = submitted[i];
            assert.ok(r);
            const id = idOf(r);
            assert.equal(idByKey.get(k) ?? id, id, 'one request per key');
            idByKey.set(k, id);
          }
          let deducted = 0;
          let transfers = 0;
          for (const [k, id] of idByKey) {
            const result = (await answered(c, id)).result;
            if (result?.status === 'deducted') {
              deducted += amounts[k] ?? 0;
              transfers++;
            } else {
              assert.equal(result?.reasonCode, 'exceedsFrozen');
            }
          }
          const state = await stateOf(acct);
          assert.equal(state.balanceFen, balance - deducted);
          assert.equal(state.transfers.filter((t) => t.freezeId === freezeId).length, transfers);
          assert.ok(deducted <= balance);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('queues a later seal behind an earlier one (轮候查封); a release moves the queue', async () => {
    const flat = take(flats);
    const promotions = sim.stats().promotions;
    const a = await run('mnr', 'seal', {
      identifier: flat.identifier,
      until: untilIn(300),
      caseNumber: caseNo(20),
    });
    const b = await run('mnr', 'seal', {
      identifier: flat.identifier,
      until: untilIn(300),
      caseNumber: caseNo(21),
    });
    assert.deepEqual([a.status, a.queuePosition, b.status, b.queuePosition], ['sealed', 1, 'queued', 2]);
    // The local registry holds the same record and shows the same queue.
    const local = flat.holders.find((h) => h !== 'mnr') ?? 'mnr';
    const seen = await run(local, 'query', { subject: subjectOf(flat), caseNumber: caseNo(21) });
    const shown = assetIn(seen, flat.identifier);
    assert.deepEqual(
      shown.encumbrances.map((e) => [e.caseNumber, e.queuePosition]),
      [
        [caseNo(20), 1],
        [caseNo(21), 2],
      ],
    );
    assert.equal(
      (await run('mnr', 'release', { sealId: String(a.sealId), caseNumber: caseNo(20) })).status,
      'released',
    );
    const after = await stateOf(flat);
    assert.deepEqual(
      after.seals.filter((s) => s.status === 'active').map((s) => [s.caseNumber, s.queuePosition]),
      [[caseNo(21), 1]],
    );
    assert.equal(sim.stats().promotions, promotions + 1);
  });

  it('seizes a vehicle at the vehicle administration and refuses a period beyond 2 years (CPL-I art. 485)', async () => {
    const car = take(cars);
    const tooLong = await run('vma', 'seize', {
      identifier: car.identifier,
      until: untilIn(2 * 366 + 1),
      caseNumber: caseNo(30),
    });
    assert.equal(tooLong.reasonCode, 'periodTooLong');
    const seized = await run('vma', 'seize', {
      identifier: car.identifier,
      until: untilIn(700),
      caseNumber: caseNo(30),
    });
    assert.equal(seized.status, 'sealed');
  });

  it('lets measures lapse on the simulated clock unless renewed; a lapsed seal moves the queue', async () => {
    const acct = take(deposits);
    const bank = acct.holders[0] ?? '';
    const flat = take(flats);
    const short = await run(bank, 'freeze', {
      identifier: acct.identifier,
      amountFen: 1_000,
      until: untilIn(10),
      caseNumber: caseNo(40),
    });
    const renewedOne = await run(bank, 'freeze', {
      identifier: acct.identifier,
      amountFen: 2_000,
      until: untilIn(10),
      caseNumber: caseNo(41),
    });
    const renewed = await run(bank, 'renew', {
      freezeId: String(renewedOne.freezeId),
      until: untilIn(200),
      caseNumber: caseNo(41),
    });
    assert.equal(renewed.status, 'renewed');
    const first = await run('mnr', 'seal', {
      identifier: flat.identifier,
      until: untilIn(10),
      caseNumber: caseNo(42),
    });
    const second = await run('mnr', 'seal', {
      identifier: flat.identifier,
      until: untilIn(500),
      caseNumber: caseNo(43),
    });
    assert.equal(second.queuePosition, 2);
    await moveClock(30);
    const account = assetIn(
      await run(bank, 'query', { subject: subjectOf(acct), caseNumber: caseNo(40) }),
      acct.identifier,
    );
    assert.equal(account.frozenFen, 2_000);
    assert.deepEqual(
      account.encumbrances.map((e) => e.caseNumber),
      [caseNo(41)],
    );
    const lapsed = await run(bank, 'unfreeze', { freezeId: String(short.freezeId) });
    assert.equal(lapsed.reasonCode, 'notInForce');
    assert.equal(lapsed.freezeStatus, 'lapsed');
    const registry = assetIn(
      await run('mnr', 'query', { subject: subjectOf(flat), caseNumber: caseNo(43) }),
      flat.identifier,
    );
    assert.deepEqual(
      registry.encumbrances.map((e) => [e.caseNumber, e.queuePosition]),
      [[caseNo(43), 1]],
    );
    assert.equal((await run('mnr', 'release', { sealId: String(first.sealId) })).reasonCode, 'notInForce');
    await moveClock(-30);
  });
});

const ZShownAsset = z.object({
  identifier: z.string(),
  frozenFen: z.number().optional(),
  encumbrances: z.array(z.object({ caseNumber: z.string(), queuePosition: z.number().optional() })),
});
function assetIn(result: Record<string, unknown>, identifier: string) {
  const assets = z.array(ZShownAsset).parse(result.assets);
  const found = assets.find((a) => a.identifier === identifier);
  assert.ok(found, `${identifier} in the answer`);
  return found;
}
function subjectOf(asset: Asset) {
  const person = world.personsByIdNumber.get(asset.ownerKey);
  return person
    ? { kind: 'person', name: person.name, idNumber: person.idNumber }
    : { kind: 'company', name: asset.ownerName, creditCode: asset.ownerKey };
}
