import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { pushWebhooks } from '../src/modules/matching/index.ts';
import { guardedFetch } from '../src/platform/net/guarded-fetch.ts';
import { allowPrivateHosts, OutboundRefusedError } from '../src/platform/net/outbound-guard.ts';
import { anAdult, fileCaseWith, listAndApprove } from './credit-support.ts';
import { fileCase, type Harness, pickRespondents, startHarness, waitForBatch } from './inquiry-harness.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * URLs an administrator sets — a unit's webhook, an institution's base URL — lead only to public
 * addresses unless allow-listed: refused with a 400 naming the field when registered, and refused
 * again, on the address actually connected to, when the server calls them.
 *
 * The allow-list is process-wide and only grows: the describes run in order, and the last one (the
 * inquiry harness) allow-lists 127.0.0.1 as every inquiry test does.
 */

/** A server on a loopback address that counts the requests reaching it. */
async function countingServer(
  host: string,
  status = 204,
): Promise<{ server: Server; port: number; hits(): number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    req.resume();
    req.on('end', () => {
      res.statusCode = status;
      if (status === 302) res.setHeader('location', 'http://169.254.169.254/latest/meta-data');
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, port, hits: () => hits };
}

const insideUrls = [
  'http://127.0.0.1:9/hook',
  'http://localhost:9/hook',
  'http://2130706433/hook',
  'http://[::1]/hook',
  'http://[::ffff:127.0.0.1]/hook',
  'http://[::ffff:a9fe:a9fe]/latest/meta-data',
  'http://169.254.169.254/latest/meta-data',
  'http://10.0.0.5/hook',
  'http://172.20.1.1/hook',
  'http://192.168.1.20/hook',
  'http://100.64.0.1/hook',
  'http://[fd00::1]/hook',
  'http://[fe80::1]/hook',
  'http://0.0.0.0:8080/hook',
  'https://192.0.2.1/hook',
];

describe('registering a URL that leads inside', () => {
  let t: TestApp;
  let admin: string;
  before(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  after(() => t.close());

  const units = async () =>
    (await t.database.sql<{ n: number }[]>`select count(*)::int as n from matching.units`)[0]?.n;

  test('a unit’s webhook URL: 400 naming webhookUrl, nothing registered', async () => {
    const before = await units();
    for (const webhookUrl of insideUrls) {
      const res = await t.request('POST', '/api/v1/admin/units', {
        token: admin,
        body: { name: '内网单位', scene: 'railway', webhookUrl },
      });
      assert.equal(res.status, 400, `${webhookUrl}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'INVALID_INPUT');
      assert.equal(res.body.error.details[0].path, 'webhookUrl', webhookUrl);
    }
    assert.equal(await units(), before);
    const outside = await t.request('POST', '/api/v1/admin/units', {
      token: admin,
      body: { name: '铁路', scene: 'railway', webhookUrl: 'https://8.8.8.8/hook' },
    });
    assert.equal(outside.status, 201, JSON.stringify(outside.body));
  });

  test('an institution’s base URL: 400 naming baseUrl, on registration and on change', async () => {
    const body = {
      code: 'intranetbank',
      name: '内网银行',
      kind: 'bank',
      channel: 'local',
      baseUrl: 'http://192.168.3.4/bank',
      signingKey: 'k'.repeat(32),
      assetTypes: ['deposit'],
      operations: ['query'],
    };
    for (const baseUrl of ['http://192.168.3.4/bank', 'http://localhost:8090/institutions/icbc']) {
      const res = await t.request('POST', '/api/v1/inquiry/institutions', {
        token: admin,
        body: { ...body, baseUrl },
      });
      assert.equal(res.status, 400, baseUrl);
      assert.equal(res.body.error.details[0].path, 'baseUrl');
    }
    const registered = await t.request('POST', '/api/v1/inquiry/institutions', {
      token: admin,
      body: { ...body, code: 'outsidebank', baseUrl: 'https://8.8.4.4/bank' },
    });
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    const changed = await t.request('PATCH', '/api/v1/inquiry/institutions/outsidebank', {
      token: admin,
      body: { baseUrl: 'http://[::ffff:10.1.1.1]/bank' },
    });
    assert.equal(changed.status, 400);
    assert.equal(changed.body.error.details[0].path, 'baseUrl');
    const [row] = await t.database.sql<{ base_url: string }[]>`
      select base_url from inquiry.institutions where code = 'outsidebank'`;
    assert.equal(row?.base_url, 'https://8.8.4.4/bank');
  });

  test('an allow-listed address and port may be registered; the next port may not', async () => {
    allowPrivateHosts(['127.0.0.1:9']);
    const allowed = await t.request('POST', '/api/v1/admin/units', {
      token: admin,
      body: { name: '本机网关', scene: 'airline', webhookUrl: 'http://127.0.0.1:9/hook' },
    });
    assert.equal(allowed.status, 201, JSON.stringify(allowed.body));
    const other = await t.request('POST', '/api/v1/admin/units', {
      token: admin,
      body: { name: '本机网关', scene: 'airline', webhookUrl: 'http://127.0.0.1:10/hook' },
    });
    assert.equal(other.status, 400);
  });
});

describe('calling a URL: checked on the address connected to', () => {
  test('a loopback address, literal or behind a host name, is never connected to', async () => {
    const target = await countingServer('127.0.0.2');
    try {
      for (const url of [`http://127.0.0.2:${target.port}/`, `http://localhost:${target.port}/`]) {
        await assert.rejects(guardedFetch(url), OutboundRefusedError, url);
      }
      assert.equal(target.hits(), 0);
      allowPrivateHosts([`127.0.0.2:${target.port}`]);
      const res = await guardedFetch(`http://127.0.0.2:${target.port}/`, { method: 'POST', body: '{}' });
      assert.equal(res.status, 204);
      assert.equal(target.hits(), 1);
    } finally {
      target.server.close();
    }
  });

  test('redirects are not followed: they could lead anywhere', async () => {
    const target = await countingServer('127.0.0.3', 302);
    try {
      allowPrivateHosts([`127.0.0.3:${target.port}`]);
      const res = await guardedFetch(`http://127.0.0.3:${target.port}/`);
      assert.equal(res.status, 302);
      await res.arrayBuffer();
      assert.equal(target.hits(), 1);
    } finally {
      target.server.close();
    }
  });

  test('a webhook whose URL now leads inside is not called; the push fails with the reason', async () => {
    const t = await startTestApp();
    const target = await countingServer('127.0.0.4');
    try {
      const admin = await t.login('admin');
      const unit = await t.request('POST', '/api/v1/admin/units', {
        token: admin,
        body: { name: '铁路', scene: 'railway', webhookUrl: 'https://8.8.8.8/hook' },
      });
      assert.equal(unit.status, 201);
      // As if the unit's host name had been re-pointed (DNS rebinding) after it was registered.
      await t.database.sql`update matching.units set webhook_url = ${`http://127.0.0.4:${target.port}/hook`}
        where id = ${unit.body.id}`;
      const judge = await t.login('xihu.judge');
      const c = await fileCaseWith(t, judge, [anAdult()]);
      await listAndApprove(t, c.id, c.respondents[0]?.id ?? '');
      assert.equal(await pushWebhooks(t.database.db), 0);
      assert.equal(target.hits(), 0);
      const [cursor] = await t.database.sql<{ attempts: number; last_error: string }[]>`
        select attempts, last_error from matching.webhook_cursors where unit_id = ${unit.body.id}`;
      assert.equal(cursor?.attempts, 1);
      assert.match(cursor?.last_error ?? '', /non-public address \(loopback 127\.0\.0\.4\)/);
    } finally {
      target.server.close();
      await t.close();
    }
  });
});

describe('inquiry requests: checked as they are sent', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ codes: ['icbc'] });
  });
  after(() => h.close());

  test('an institution whose URL now leads inside gets no request; it fails with the reason', async () => {
    const target = await countingServer('127.0.0.5');
    try {
      await h.t.database.db.execute(sql`update inquiry.institutions
        set base_url = ${`http://127.0.0.5:${target.port}/institutions/icbc`} where code = 'icbc'`);
      const caseId = await fileCase(h, [pickRespondents().rich]);
      const launched = await h.t.request('POST', `/api/v1/cases/${caseId}/inquiries`, {
        token: h.token,
        body: { purpose: '地址校验 / address check' },
      });
      assert.equal(launched.status, 202, JSON.stringify(launched.body));
      const progress = await waitForBatch(h, launched.body.batchId);
      assert.equal(progress.byState.failed, progress.total);
      assert.equal(target.hits(), 0);
      const rows = await h.t.database.db.execute<{ last_error: string }>(
        sql`select last_error from inquiry.requests where batch_id = ${launched.body.batchId}::uuid`,
      );
      for (const r of rows) assert.match(r.last_error, /non-public address \(loopback 127\.0\.0\.5\)/);
    } finally {
      target.server.close();
    }
  });
});
