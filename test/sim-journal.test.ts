import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { z } from 'zod';
import { DEMO_POPULATION } from '../src/demo/population.ts';
import { chinaDateOf } from '../src/kernel/index.ts';
import { institutionKeys, startSimulator, ZEnvelopeSchema } from '../src/sim/index.ts';
import {
  createProtocolClient,
  type ProtocolClient,
  type ProtocolResponse,
  startCallbackReceiver,
  waitFor,
} from '../src/sim/protocol-client.ts';
import type { Asset } from '../src/sim/types.ts';
import { createWorld } from '../src/sim/world/world.ts';

const secret = 'journal-test-secret';
const keys = institutionKeys(secret);
const dir = mkdtempSync(path.join(os.tmpdir(), 'sim-journal-http-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const world = createWorld({ seed: DEMO_POPULATION.seed });
const deposits = [...world.assetsByIdentifier.values()].filter(
  (a) => a.assetType === 'deposit' && (a.balanceFen ?? 0) >= 200_000 && a.freezes.length === 0,
);
const depositAt = (bank: string): Asset => {
  const found = deposits.find((a) => a.holders[0] === bank);
  assert.ok(found, `a deposit at ${bank}`);
  return found;
};
const CASE = { caseNumber: '（2026）浙0106执300号', court: '杭州市西湖区人民法院' };
const until = chinaDateOf(Date.now() + 100 * 86_400_000);
const FAST = { latencyMedianMs: 1, latencyP99Ms: 5 };

const client = (url: string, code: string): ProtocolClient =>
  createProtocolClient(`${url}/institutions/${code}`, code, keys[code] ?? '');
const idOf = (r: ProtocolResponse): string =>
  ZEnvelopeSchema.pick({ requestId: true }).parse(r.json).requestId;
const answered = (c: ProtocolClient, requestId: string) =>
  waitFor(async () => {
    const r = await c.poll(requestId);
    const env = ZEnvelopeSchema.parse(r.json);
    return env.status === 'accepted' ? undefined : { env, text: r.text };
  }, `answer to ${requestId}`);
const ZAssetState = z.object({
  balanceFen: z.number(),
  frozenFen: z.number(),
  freezes: z.array(z.object({ freezeId: z.string(), status: z.string(), amountFen: z.number() })),
  transfers: z.array(z.object({ transferId: z.string(), amountFen: z.number() })),
});
async function stateOf(url: string, token: string, asset: Asset) {
  const res = await fetch(`${url}/sim/assets?identifier=${encodeURIComponent(asset.identifier)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ZAssetState.parse(await res.json());
}

describe('sim journal: restart restores the state', () => {
  it('after a restart: same answers, same measures, idempotency keys still dedupe, pending requests answered', async () => {
    const journalPath = path.join(dir, 'inprocess', 'journal.jsonl');
    const receiver = await startCallbackReceiver(keys);
    const first = await startSimulator({
      secret,
      journalPath,
      knobs: FAST,
      adminToken: 'admin-token-for-tests',
    });
    const icbcDeposit = depositAt('icbc');
    const icbc = client(first.url, 'icbc');
    const frozen = await icbc.submit(
      'freeze',
      { identifier: icbcDeposit.identifier, amountFen: 100_000, until, ...CASE },
      'j-1',
    );
    const freezeAnswer = await answered(icbc, idOf(frozen));
    const freezeId = String(freezeAnswer.env.result?.freezeId);
    const deduct = { freezeId, amountFen: 40_000, courtAccount: '浙0106执行款专户', ...CASE };
    const deducted = await icbc.submit('deduct', deduct, 'j-2');
    const deductAnswer = await answered(icbc, idOf(deducted));
    assert.equal(deductAnswer.env.status, 'deducted');
    const before = await stateOf(first.url, first.adminToken, icbcDeposit);
    // A request accepted but not answered when the simulator stops.
    const abcDeposit = depositAt('abc');
    first.setKnobs('abc', { latencyMedianMs: 600_000, latencyP99Ms: 600_000 });
    const waiting = await client(first.url, 'abc').submit(
      'freeze',
      { identifier: abcDeposit.identifier, wholeAccount: true, until, ...CASE, callbackUrl: receiver.url },
      'j-3',
    );
    assert.equal(waiting.status, 202);
    const clock = await fetch(`${first.url}/sim/clock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.adminToken}` },
      body: JSON.stringify({ offsetMs: 3_600_000 }),
    });
    assert.equal(clock.status, 200);
    await first.close();

    const second = await startSimulator({
      secret,
      journalPath,
      knobs: FAST,
      adminToken: 'admin-token-for-tests',
    });
    try {
      const icbc2 = client(second.url, 'icbc');
      // The same answers, byte for byte: the world was rebuilt by replaying the same requests.
      assert.equal((await answered(icbc2, idOf(frozen))).text, freezeAnswer.text);
      assert.equal((await answered(icbc2, idOf(deducted))).text, deductAnswer.text);
      assert.deepEqual(await stateOf(second.url, second.adminToken, icbcDeposit), before);
      // The deduction sent again is the same request: no second transfer.
      const again = await icbc2.submit('deduct', deduct, 'j-2');
      assert.equal(again.status, 200);
      assert.equal(idOf(again), idOf(deducted));
      assert.equal((await icbc2.submit('deduct', { ...deduct, amountFen: 1 }, 'j-2')).status, 409);
      assert.equal((await stateOf(second.url, second.adminToken, icbcDeposit)).transfers.length, 1);
      // The waiting request is answered now, and its callback delivered.
      const late = await answered(client(second.url, 'abc'), idOf(waiting));
      assert.equal(late.env.status, 'frozen');
      const callback = await waitFor(
        () => receiver.received.find((c) => c.callbackId === `cb-${idOf(waiting)}`),
        'callback',
      );
      assert.equal(callback.body, late.text);
      assert.equal(second.stats().clock.offsetMs, 3_600_000);
    } finally {
      await second.close();
      await receiver.close();
    }
    await assert.rejects(startSimulator({ secret, journalPath, seed: 12345 }), /seed/);
  });

  it('draws the world for the day its journal began', async () => {
    const journalPath = path.join(dir, 'dated', 'journal.jsonl');
    mkdirSync(path.dirname(journalPath), { recursive: true });
    writeFileSync(
      journalPath,
      `${JSON.stringify({ t: 'header', seed: DEMO_POPULATION.seed, version: 1, referenceDate: '2024-05-01' })}\n`,
    );
    const sim = await startSimulator({ secret, journalPath });
    try {
      assert.deepEqual(sim.stats().world, { seed: DEMO_POPULATION.seed, referenceDate: '2024-05-01' });
    } finally {
      await sim.close();
    }
  });

  it('the `zhixing sim` process killed with SIGKILL mid-stream comes back with nothing lost or doubled', async () => {
    const dataDir = path.join(dir, 'cli');
    const token = 'cli-admin-token-0123456789';
    const acct = depositAt('ccb');
    const balance = acct.balanceFen ?? 0;
    const share = Math.floor(balance / 20);
    const bodyOf = (i: number) => ({
      identifier: acct.identifier,
      amountFen: share,
      until,
      ...CASE,
      caseNumber: `（2026）浙0106执${400 + i}号`,
    });

    const firstRun = await startCli(dataDir, token);
    const ccb = client(firstRun.url, 'ccb');
    const ids = new Map<number, string>();
    ids.set(0, idOf(await ccb.submit('freeze', bodyOf(0), 'cli-0')));
    await answered(ccb, ids.get(0) ?? '');
    // The rest are accepted but still in process when the process is killed.
    const slow = await fetch(`${firstRun.url}/sim/knobs/ccb`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ latencyMedianMs: 600_000, latencyP99Ms: 600_000 }),
    });
    assert.equal(slow.status, 200);
    for (let i = 1; i < 10; i++) ids.set(i, idOf(await ccb.submit('freeze', bodyOf(i), `cli-${i}`)));
    assert.equal(ZEnvelopeSchema.parse((await ccb.poll(ids.get(9) ?? '')).json).status, 'accepted');
    firstRun.child.kill('SIGKILL');
    await new Promise((resolve) => firstRun.child.once('exit', resolve));

    const secondRun = await startCli(dataDir, token);
    try {
      const ccb2 = client(secondRun.url, 'ccb');
      for (let i = 0; i < 12; i++) {
        const r = await ccb2.submit('freeze', bodyOf(i), `cli-${i}`);
        if (i < 10) {
          assert.equal(r.status, 200, `cli-${i} is still known`);
          assert.equal(idOf(r), ids.get(i));
        } else {
          assert.equal(r.status, 202);
          ids.set(i, idOf(r));
        }
      }
      for (const id of ids.values()) assert.equal((await answered(ccb2, id)).env.status, 'frozen');
      const state = await stateOf(secondRun.url, token, acct);
      const expected = [...ids.values()].map((id) => `fz-${id}`).sort();
      assert.deepEqual(state.freezes.map((f) => f.freezeId).sort(), expected);
      assert.ok(state.freezes.every((f) => f.status === 'active' && f.amountFen === share));
      assert.equal(state.frozenFen, 12 * share);
    } finally {
      secondRun.child.kill('SIGTERM');
      await new Promise((resolve) => secondRun.child.once('exit', resolve));
    }
  });
});

async function startCli(dataDir: string, token: string): Promise<{ child: ChildProcess; url: string }> {
  const main = path.join(import.meta.dirname, '..', 'src', 'main.ts');
  const child = spawn(process.execPath, [main, 'sim'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      ZHIXING_SIM_PORT: '0',
      ZHIXING_DATA_DIR: dataDir,
      ZHIXING_SIM_SECRET: secret,
      ZHIXING_SIM_ADMIN_TOKEN: token,
      ZHIXING_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = await waitFor(
    () => /at (http:\/\/127\.0\.0\.1:\d+)\/institutions/.exec(output)?.[1],
    'the simulator banner',
    2400,
  );
  return { child, url };
}
