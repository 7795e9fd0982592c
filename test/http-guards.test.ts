import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { App } from '../src/platform/http/server.ts';
import { createHttpServer } from '../src/platform/http/server.ts';
import { createLogger } from '../src/platform/logging.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * The HTTP guards of the security review (OWASP ASVS L2): client addresses only from trusted
 * proxies, no caching of personal data, a content policy on the web app, /metrics behind a token,
 * idle sessions ended, grid workers kept from the court's staff list, and bad bytes refused in
 * the error envelope. (Administrator-set URLs: test/outbound-urls.test.ts.)
 */
let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

async function appWith(env: Record<string, string>): Promise<App> {
  const config = loadConfig({ ZHIXING_DEMO: '1', ZHIXING_LOG_LEVEL: 'silent', ...env });
  const app = await buildApp({
    config,
    database: t.database,
    logger: createLogger('silent'),
    serveWeb: false,
  });
  await app.ready();
  return app;
}

function search(app: App, remoteAddress: string, forwardedFor?: string) {
  return app.inject({
    method: 'GET',
    url: '/api/v1/public/dishonest?q=%E5%BC%A0%E4%B8%89',
    remoteAddress,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });
}

/**
 * Sends up to 61 searches (the limit is 30 a minute) and returns how many got through before the
 * first refusal, or null if none was refused: two windows of one minute hold at most 60.
 */
async function throughBeforeRefusal(send: (i: number) => ReturnType<typeof search>): Promise<number | null> {
  for (let i = 0; i < 61; i++) {
    const res = await send(i);
    if (res.statusCode === 429) return i;
    assert.equal(res.statusCode, 200, res.body);
  }
  return null;
}

describe('client addresses (X-Forwarded-For)', () => {
  test('without a trusted proxy the header changes nothing: one peer is one client', async () => {
    const through = await throughBeforeRefusal((i) => search(t.app, '198.51.100.7', `203.0.113.${i + 1}`));
    assert.notEqual(through, null, 'a fresh X-Forwarded-For for every request escaped the per-address limit');
  });

  test('behind a configured proxy its X-Forwarded-For names the client; nobody else’s does', async () => {
    const app = await appWith({ ZHIXING_TRUSTED_PROXIES: '127.0.0.1, 10.20.0.0/16' });
    try {
      // Through the proxy (inject's default peer, 127.0.0.1): each client has a limit of its own.
      assert.notEqual(await throughBeforeRefusal(() => search(app, '127.0.0.1', '192.0.2.10')), null);
      assert.equal((await search(app, '127.0.0.1', '192.0.2.11')).statusCode, 200, 'another client');
      assert.equal((await search(app, '10.20.3.4', '192.0.2.12')).statusCode, 200, 'a proxy of the range');
      // A peer that is no proxy cannot choose its address.
      const direct = await throughBeforeRefusal((i) => search(app, '198.51.100.8', `192.0.2.${100 + i}`));
      assert.notEqual(direct, null);
    } finally {
      await app.close();
    }
  });

  test('a list entry that is no address stops the configuration', () => {
    assert.throws(() => loadConfig({ ZHIXING_TRUSTED_PROXIES: 'proxy.local' }), /ZHIXING_TRUSTED_PROXIES/);
  });
});

describe('caching, content policy and metrics', () => {
  test('API answers are not to be stored: GET /api/v1/auth/me, its 401, and unknown API routes', async () => {
    const judge = await t.login('xihu.judge');
    const me = await t.request('GET', '/api/v1/auth/me', { token: judge });
    assert.equal(me.status, 200);
    assert.equal(me.headers['cache-control'], 'no-store');
    assert.equal((await t.request('GET', '/api/v1/auth/me')).headers['cache-control'], 'no-store');
    assert.equal(
      (await t.request('GET', '/api/v1/cases', { token: judge })).headers['cache-control'],
      'no-store',
    );
    assert.equal((await t.request('GET', '/api/v1/nothing')).headers['cache-control'], 'no-store');
  });

  test('the web app’s pages carry the Content-Security-Policy', async () => {
    const webRoot = mkdtempSync(path.join(os.tmpdir(), 'zhixing-web-'));
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
    const app = await createHttpServer({
      logger: createLogger('silent'),
      isDatabaseUp: async () => true,
      webRoot,
    });
    try {
      for (const url of ['/', '/workbench', '/portal', '/workbench/cases/1']) {
        const res = await app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 200, url);
        assert.match(String(res.headers['content-type']), /text\/html/, url);
        const csp = String(res.headers['content-security-policy']);
        assert.match(csp, /default-src 'self'/, url);
        assert.match(csp, /script-src 'self'(;|$)/, url);
        assert.match(csp, /object-src 'none'/, url);
        assert.match(csp, /frame-ancestors 'none'/, url);
        assert.equal(res.headers['cache-control'], 'no-cache', url);
      }
    } finally {
      await app.close();
      rmSync(webRoot, { recursive: true, force: true });
    }
  });

  test('/metrics is not served without ZHIXING_METRICS_TOKEN, and asks for the token when it is', async () => {
    assert.equal((await t.request('GET', '/metrics')).status, 404);
    const token = 'metrics-token-for-prometheus-0123';
    const app = await appWith({ ZHIXING_METRICS_TOKEN: token });
    try {
      const anonymous = await app.inject({ method: 'GET', url: '/metrics' });
      assert.equal(anonymous.statusCode, 401);
      assert.equal(JSON.parse(anonymous.body).error.code, 'UNAUTHENTICATED');
      const wrong = await app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: 'Bearer nope' },
      });
      assert.equal(wrong.statusCode, 401);
      const judge = await t.login('xihu.judge');
      const user = await app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${judge}` },
      });
      assert.equal(user.statusCode, 401, 'a user’s session is not the metrics token');
      const prometheus = await app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(prometheus.statusCode, 200);
      assert.match(prometheus.body, /zhixing_http_request_duration_seconds/);
    } finally {
      await app.close();
    }
  });
});

describe('idle sessions', () => {
  const lastSeen = async (token: string) => {
    const [row] = await t.database.sql<{ idle: number; revoked: boolean }[]>`
      select extract(epoch from now() - last_seen_at)::float8 as idle, revoked_at is not null as revoked
      from identity.sessions where token_hash = encode(sha256(convert_to(${token}, 'UTF8')), 'hex')`;
    assert.ok(row, 'the session exists');
    return row;
  };
  const setIdle = (token: string, minutes: number) => t.database.sql`
    update identity.sessions set last_seen_at = now() - make_interval(secs => ${minutes * 60})
    where token_hash = encode(sha256(convert_to(${token}, 'UTF8')), 'hex')`;
  const signIn = async (username: string) => {
    const res = await t.request('POST', '/api/v1/auth/login', {
      body: { username, password: 'zhixing-demo' },
    });
    assert.equal(res.status, 200);
    return String(res.body.token);
  };

  test('a session unused for longer than the idle timeout (30 minutes) is refused and revoked', async () => {
    const token = await signIn('xihu.assistant');
    assert.equal((await t.request('GET', '/api/v1/auth/me', { token })).status, 200);
    await setIdle(token, 31);
    assert.equal((await t.request('GET', '/api/v1/auth/me', { token })).status, 401);
    assert.equal((await lastSeen(token)).revoked, true);
    // Revoked for good: the session does not come back even if it looked fresh again.
    await setIdle(token, 0);
    assert.equal((await t.request('GET', '/api/v1/auth/me', { token })).status, 401);
  });

  test('using a session slides its idle deadline, written at most about once a minute', async () => {
    const token = await signIn('xihu.bailiff');
    await setIdle(token, 29);
    assert.equal((await t.request('GET', '/api/v1/auth/me', { token })).status, 200);
    assert.ok((await lastSeen(token)).idle < 60, 'the use was recorded');
    await setIdle(token, 29);
    assert.equal((await t.request('GET', '/api/v1/auth/me', { token })).status, 200, 'still alive');
    // A use within the minute is not written again.
    await setIdle(token, 0.5);
    assert.equal((await t.request('GET', '/api/v1/auth/me', { token })).status, 200);
    assert.ok((await lastSeen(token)).idle >= 29, 'no write on every request');
  });

  test('the timeout is configurable (ZHIXING_SESSION_IDLE_MINUTES)', async () => {
    const app = await appWith({ ZHIXING_SESSION_IDLE_MINUTES: '5' });
    try {
      const token = await signIn('xihu.clerk');
      await setIdle(token, 6);
      const res = await app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(res.statusCode, 401);
    } finally {
      await app.close();
    }
  });
});

describe('court staff lists', () => {
  test('a grid worker lists no court staff and no team; court staff keep theirs', async () => {
    const grid = await t.login('xihu.grid');
    const judge = await t.login('xihu.judge');
    for (const url of ['/api/v1/users', '/api/v1/teams']) {
      const staff = await t.request('GET', url, { token: judge });
      assert.equal(staff.status, 200, url);
      assert.ok(staff.body.items.length > 0, url);
      const outside = await t.request('GET', url, { token: grid });
      assert.equal(outside.status, 200, url);
      assert.deepEqual(outside.body.items, [], `${url}: a grid worker sees nobody`);
    }
    const users = await t.request('GET', '/api/v1/users', { token: judge });
    assert.ok(users.body.items.some((u: { username: string }) => u.username === 'xihu.assistant'));
  });
});

describe('bad bytes and requests Fastify refuses itself', () => {
  const isEnvelope = (
    body: { error?: { code?: unknown; message?: unknown; details?: unknown } },
    code: string,
  ) => {
    assert.equal(body.error?.code, code, JSON.stringify(body));
    assert.equal(typeof body.error?.message, 'string');
    assert.ok(Array.isArray(body.error?.details));
  };

  test('a JSON body that is not UTF-8 is a 400 naming the body', async () => {
    const payload = Buffer.concat([
      Buffer.from('{"username":"xihu.judge","password":"zhixing-demo'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('"}'),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    assert.equal(res.statusCode, 400, res.body);
    const body = JSON.parse(res.body);
    isEnvelope(body, 'INVALID_INPUT');
    assert.equal(body.error.details[0].path, 'body');
    // Malformed JSON and an empty body keep their own answers.
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    assert.equal(malformed.statusCode, 400);
    isEnvelope(JSON.parse(malformed.body), 'INVALID_INPUT');
  });

  test('broken percent-encoding in the path is a 400 in the envelope', async () => {
    for (const url of ['/api/v1/cases/%E0%A4%A', '/api/v1/cases/%FF', '/api/v1/cases/%E0%A4%A/parties']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 400, url);
      isEnvelope(JSON.parse(res.body), 'INVALID_INPUT');
    }
  });

  test('a path segment longer than any id is not found; a URL past 8 KB is a 414 naming the field', async () => {
    const judge = await t.login('xihu.judge');
    const segment = await t.request('GET', `/api/v1/cases/${'a'.repeat(500)}`, { token: judge });
    assert.equal(segment.status, 404);
    isEnvelope(segment.body, 'NOT_FOUND');
    const query = await t.request('GET', `/api/v1/cases?q=${'长'.repeat(1000)}`, { token: judge });
    assert.equal(query.status, 414);
    isEnvelope(query.body, 'URI_TOO_LONG');
    assert.equal(query.body.error.details[0].path, 'q');
  });

  test('over a real socket: URLs and headers past Node’s limit get 414 and 431 in the envelope', async () => {
    const app = await appWith({});
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const raw = (request: string) =>
      new Promise<string>((resolve) => {
        let answer = '';
        const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
        socket.on('data', (chunk) => {
          answer += chunk.toString('utf8');
        });
        socket.on('close', () => resolve(answer));
        socket.on('error', () => resolve(answer));
      });
    const parse = (answer: string) => {
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      return { status: Number(head.split(' ')[1]), head: head.toLowerCase(), body: JSON.parse(body) };
    };
    try {
      const longUrl = parse(
        await raw(`GET /api/v1/cases?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
      );
      assert.equal(longUrl.status, 414);
      isEnvelope(longUrl.body, 'URI_TOO_LONG');
      const bigHeader = parse(
        await raw(`GET /api/v1/clock HTTP/1.1\r\nHost: x\r\nX-Filler: ${'b'.repeat(20_000)}\r\n\r\n`),
      );
      assert.equal(bigHeader.status, 431);
      isEnvelope(bigHeader.body, 'HEADERS_TOO_LARGE');
      assert.match(bigHeader.head, /content-type: application\/json/);
      const garbage = parse(await raw('NOT A REQUEST\r\n\r\n'));
      assert.equal(garbage.status, 400);
      isEnvelope(garbage.body, 'INVALID_INPUT');
      const badPath = parse(
        await raw('GET /api/v1/cases/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      );
      assert.equal(badPath.status, 400);
      isEnvelope(badPath.body, 'INVALID_INPUT');
    } finally {
      await app.close();
    }
  });
});
