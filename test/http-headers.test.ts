import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logging.ts';
import { precompressDir } from '../web/precompress.ts';
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

test('the web app: hashed assets compressed as the browser accepts and cached for good; the page revalidated', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'zhixing-web-'));
  const script = `export const greeting = ${JSON.stringify('执行'.repeat(2000))};\n`;
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Zhixing</title>');
  writeFileSync(path.join(root, 'assets', 'app-3f9a1c2d.js'), script);
  writeFileSync(path.join(root, 'field-sw.js'), script);
  precompressDir(root);
  const config = loadConfig({ ZHIXING_LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, database: t.database, logger: createLogger('silent'), webRoot: root });
  try {
    const br = await app.inject({
      method: 'GET',
      url: '/assets/app-3f9a1c2d.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    assert.equal(br.statusCode, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers['content-type']), /javascript/);
    assert.match(String(br.headers['cache-control']), /immutable/);
    assert.match(String(br.headers['cache-control']), /max-age=31536000/);
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), script);
    assert.ok(br.rawPayload.length < Buffer.byteLength(script) / 10, 'compressed');

    const gz = await app.inject({
      method: 'GET',
      url: '/assets/app-3f9a1c2d.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.rawPayload).toString(), script);

    const plain = await app.inject({ method: 'GET', url: '/assets/app-3f9a1c2d.js' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, script);

    // Files not named by their content are revalidated: the service worker and the page.
    const worker = await app.inject({
      method: 'GET',
      url: '/field-sw.js',
      headers: { 'accept-encoding': 'br' },
    });
    assert.equal(worker.statusCode, 200);
    assert.doesNotMatch(String(worker.headers['cache-control']), /immutable/);
    const page = await app.inject({ method: 'GET', url: '/cases/123' });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-cache');
  } finally {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  }
});
