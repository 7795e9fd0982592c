import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { demoPassword } from '../src/modules/identity/index.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Sign-in throttling is counted atomically, per account at an address, per address, and per
 * account from unknown addresses — so parallel guesses are not all checked, and guessing from
 * elsewhere does not lock the real user out of their own address.
 */
let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

async function signIn(username: string, password: string, address: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: address,
    payload: { username, password },
  });
  return { status: res.statusCode, body: res.json() };
}

test('20 parallel wrong passwords for one account: at most 5 are checked (401), the rest 429', async () => {
  const results = await Promise.all(
    Array.from({ length: 20 }, () => signIn('xihu.clerk', 'wrong-password', '198.51.100.7')),
  );
  const statuses = results.map((r) => r.status);
  const refused = statuses.filter((s) => s === 401).length;
  const throttled = statuses.filter((s) => s === 429).length;
  assert.equal(refused + throttled, 20, statuses.join(','));
  assert.ok(refused <= 5, `${refused} passwords were checked`);
  assert.ok(refused >= 1);
  const lockedOut = results.find((r) => r.status === 429);
  assert.equal(lockedOut?.body.error.code, 'TOO_MANY_REQUESTS');
  // Even the right password waits out the lockout at that address.
  assert.equal((await signIn('xihu.clerk', demoPassword, '198.51.100.7')).status, 429);
});

test('guesses from elsewhere do not lock the real user out of their own address', async () => {
  const home = '203.0.113.10';
  assert.equal((await signIn('xihu.bailiff', demoPassword, home)).status, 200);
  for (let i = 0; i < 8; i++) await signIn('xihu.bailiff', `guess-${i}`, '198.51.100.20');
  assert.equal((await signIn('xihu.bailiff', demoPassword, '198.51.100.20')).status, 429);
  assert.equal((await signIn('xihu.bailiff', demoPassword, home)).status, 200);
});

test('guessing spread over many addresses is stopped for them, not for the account’s own address', async () => {
  const home = '203.0.113.11';
  assert.equal((await signIn('xihu.assistant2', demoPassword, home)).status, 200);
  const statuses: number[] = [];
  for (let i = 0; i < 60; i++) {
    statuses.push((await signIn('xihu.assistant2', 'guess', `192.0.2.${i + 1}`)).status);
  }
  // 50 attempts from addresses the account did not know: the first sign-in from home was one.
  assert.ok(
    statuses.slice(0, 49).every((s) => s === 401),
    statuses.join(','),
  );
  assert.ok(
    statuses.slice(49).every((s) => s === 429),
    statuses.join(','),
  );
  assert.equal((await signIn('xihu.assistant2', demoPassword, '192.0.2.200')).status, 429);
  assert.equal((await signIn('xihu.assistant2', demoPassword, home)).status, 200);
});

test('a court behind one address signs in its whole staff: only failures count against the address', async () => {
  const office = '203.0.113.50';
  const staff = ['xihu.judge', 'xihu.assistant', 'xihu.president', 'xihu.judge2', 'xihu.grid'];
  // Forty successful sign-ins from one address in a few minutes — more than its 30 failures.
  for (let i = 0; i < 40; i++) {
    const username = staff[i % staff.length] ?? 'xihu.judge';
    const res = await signIn(username, demoPassword, office);
    assert.equal(res.status, 200, `sign-in ${i + 1} (${username}): ${res.status}`);
  }
  // Failures still count: thirty-odd wrong passwords for many accounts from there are stopped.
  const statuses: number[] = [];
  for (let i = 0; i < 35; i++) statuses.push((await signIn(`nobody${i}`, 'guess', office)).status);
  assert.ok(statuses.includes(429), statuses.join(','));
});

test('each further lockout lasts twice as long', async () => {
  const address = '198.51.100.30';
  for (let i = 0; i < 6; i++) await signIn('xihu.judge2', 'wrong', address);
  const first = await signIn('xihu.judge2', 'wrong', address);
  assert.equal(first.status, 429);
  assert.match(first.body.error.message, /15 分钟/);
  // The lockout and its window end (machine time, moved here in the table rather than waited for).
  await t.database.db.execute(sql`update identity.sign_in_throttle
    set blocked_until = now() - interval '1 second', window_start = now() - interval '16 minutes'
    where throttle_key like ${'account:xihu.judge2@%'}`);
  for (let i = 0; i < 5; i++) assert.equal((await signIn('xihu.judge2', 'wrong', address)).status, 401);
  const second = await signIn('xihu.judge2', 'wrong', address);
  assert.equal(second.status, 429);
  assert.match(second.body.error.message, /30 分钟/);
});
