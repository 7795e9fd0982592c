import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logging.ts';
import { startTestApp, type TestApp } from './support.ts';

/** Security headers come from @fastify/helmet on every answer: API, errors and the web app alike. */
let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test('every answer carries the security headers; none frames the app', async () => {
  for (const url of ['/healthz', '/api/v1/clock', '/api/v1/cases', '/api/v1/no-such-route']) {
    const res = await t.request('GET', url);
    const csp = String(res.headers['content-security-policy'] ?? '');
    assert.match(csp, /default-src 'self'/, url);
    assert.match(csp, /frame-ancestors 'none'/, url);
    assert.match(csp, /script-src 'self'(;|$)/, url);
    assert.equal(res.headers['x-frame-options'], 'DENY', url);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
    assert.equal(res.headers['referrer-policy'], 'same-origin', url);
    assert.equal(res.headers['strict-transport-security'], undefined, `${url}: plain HTTP asks for no HSTS`);
  }
});

test('behind HTTPS (secure cookies) browsers are told to keep to HTTPS', async () => {
  const config = loadConfig({ ZHIXING_SECURE_COOKIES: '1', ZHIXING_LOG_LEVEL: 'silent' });
  const app = await buildApp({
    config,
    database: t.database,
    logger: createLogger('silent'),
    serveWeb: false,
  });
  try {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    assert.match(String(res.headers['strict-transport-security']), /max-age=31536000/);
    assert.match(String(res.headers['content-security-policy']), /upgrade-insecure-requests/);
  } finally {
    await app.close();
  }
});
