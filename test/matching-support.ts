import assert from 'node:assert/strict';
import { matchingServiceOf } from '../src/modules/matching/index.ts';
import { allowPrivateHosts, hostAndPort } from '../src/platform/net/outbound-guard.ts';
import type { TestApp } from './support.ts';

/** Helpers shared by the matching tests: a registered unit and its key, matching on a current index. */
export async function createUnit(t: TestApp, scene: string, extra: Record<string, unknown> = {}) {
  // A test's webhook receiver listens on loopback: exactly its address and port are allow-listed.
  if (typeof extra.webhookUrl === 'string') allowPrivateHosts([hostAndPort(new URL(extra.webhookUrl))]);
  const admin = await t.login('admin');
  const res = await t.request('POST', '/api/v1/admin/units', {
    token: admin,
    body: { name: `${scene} 单位`, scene, ...extra },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return {
    id: String(res.body.id),
    apiKey: String(res.body.apiKey),
    webhookSecret: res.body.webhookSecret as string | undefined,
  };
}

/** Lets the matching index of `t.app` apply every committed change now (it polls by itself too). */
export async function catchUp(t: TestApp): Promise<void> {
  const service = matchingServiceOf(t.app);
  assert.ok(service);
  await service.ready();
  await service.catchUp();
}

export async function match(t: TestApp, apiKey: string, subjects: unknown[]) {
  await catchUp(t);
  return t.request('POST', '/api/v1/match', {
    headers: { authorization: `Bearer ${apiKey}` },
    body: { subjects },
  });
}
