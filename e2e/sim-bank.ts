import assert from 'node:assert/strict';
import { baseUrl } from './support.ts';

/**
 * The simulated court bank's admin handle (`POST /sim/bank/transfers`): somebody pays money in.
 * The simulator runs inside `zhixing start`; its admin token is ZHIXING_SIM_ADMIN_TOKEN (run-e2e
 * passes its environment to both the server and the journeys), and its address is
 * ZHIXING_E2E_SIM_URL or else read from the institutions registry, where the demo registered the
 * simulator's institutions under their URLs.
 */
export type SimBank = { url: string; token: string };

export function simAdminToken(): string | undefined {
  return process.env.ZHIXING_SIM_ADMIN_TOKEN;
}

async function apiToken(username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'zhixing-demo' }),
  });
  assert.equal(res.status, 200, `sign-in of ${username}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** The simulator's origin, as the administrator's institutions registry names it. */
async function discoverSimUrl(): Promise<string> {
  const token = await apiToken('admin');
  const res = await fetch(`${baseUrl}/api/v1/inquiry/institutions`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200, `institutions: ${res.status}`);
  const { items } = (await res.json()) as { items: { baseUrl: string }[] };
  const first = items.find((i) => i.baseUrl.startsWith('http'));
  assert.ok(first, 'the demo registered the simulator’s institutions');
  return new URL(first.baseUrl).origin;
}

export async function connectSimBank(token: string): Promise<SimBank> {
  return { url: process.env.ZHIXING_E2E_SIM_URL ?? (await discoverSimUrl()), token };
}

export type Transfer = {
  toAccount: string;
  amountFen: number;
  payerName: string;
  serial: string;
  payerAccount?: string;
};

/**
 * Pays money in at the bank. The bank learns the court's accounts from Zhixing's subscription
 * (a job at start): until then it answers 404 for them, so this retries for a while.
 */
export async function payIn(bank: SimBank, transfer: Transfer): Promise<{ serial: string }> {
  let last = '';
  for (let attempt = 0; attempt < 60; attempt++) {
    const res = await fetch(`${bank.url}/sim/bank/transfers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bank.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(transfer),
    });
    if (res.status === 202) return (await res.json()) as { serial: string };
    last = `${res.status} ${await res.text()}`;
    if (res.status !== 404) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the simulated bank refused the transfer: ${last}`);
}
