import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;

before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test('sign-in returns a token and the user; wrong credentials are 401', async () => {
  const ok = await t.request('POST', '/api/v1/auth/login', {
    body: { username: 'xihu.judge', password: 'zhixing-demo' },
  });
  assert.equal(ok.status, 200);
  assert.match(ok.body.token, /^zx_/);
  assert.equal(ok.body.user.username, 'xihu.judge');
  assert.equal(ok.body.user.court.courtCode, '浙0106');
  assert.deepEqual(ok.body.user.roles, ['judge']);
  const cookie = String(ok.headers['set-cookie']);
  assert.match(cookie, /zx_session=/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  const wrong = await t.request('POST', '/api/v1/auth/login', {
    body: { username: 'xihu.judge', password: 'nope' },
  });
  assert.equal(wrong.status, 401);
  const nobody = await t.request('POST', '/api/v1/auth/login', {
    body: { username: 'nobody', password: 'nope' },
  });
  assert.equal(nobody.status, 401);
  const malformed = await t.request('POST', '/api/v1/auth/login', { body: { username: 3 } });
  assert.equal(malformed.status, 400);
});

test('repeated failed sign-ins for one account are throttled', async () => {
  for (let i = 0; i < 5; i++) {
    const r = await t.request('POST', '/api/v1/auth/login', {
      body: { username: 'xihu.clerk', password: `wrong-${i}` },
    });
    assert.equal(r.status, 401);
  }
  const blocked = await t.request('POST', '/api/v1/auth/login', {
    body: { username: 'xihu.clerk', password: 'zhixing-demo' },
  });
  assert.equal(blocked.status, 429);
  const other = await t.request('POST', '/api/v1/auth/login', {
    body: { username: 'xihu.bailiff', password: 'zhixing-demo' },
  });
  assert.equal(other.status, 200);
});

test('the cookie signs in the web app; cookie writes need the CSRF header', async () => {
  const login = await t.request('POST', '/api/v1/auth/login', {
    body: { username: 'xihu.judge', password: 'zhixing-demo' },
  });
  const cookie = `zx_session=${login.body.token}`;
  const me = await t.request('GET', '/api/v1/auth/me', { headers: { cookie } });
  assert.equal(me.status, 200);
  assert.equal(me.body.user.displayName, '林立');
  const noCsrf = await t.request('POST', '/api/v1/cases', { headers: { cookie }, body: {} });
  assert.equal(noCsrf.status, 403);
  const withCsrf = await t.request('POST', '/api/v1/cases', {
    headers: { cookie, 'x-zhixing-csrf': '1' },
    body: {},
  });
  assert.equal(withCsrf.status, 400);
  const out = await t.request('POST', '/api/v1/auth/logout', { headers: { cookie, 'x-zhixing-csrf': '1' } });
  assert.equal(out.status, 204);
  assert.equal((await t.request('GET', '/api/v1/auth/me', { headers: { cookie } })).status, 401);
});

test('outside demo mode the demo password signs nobody in', async () => {
  const strict = await startTestApp({ isDemo: false });
  try {
    const r = await strict.request('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: 'zhixing-demo' },
    });
    assert.equal(r.status, 401);
  } finally {
    await strict.close();
  }
});

test('health, metrics, API docs and unknown routes', async () => {
  assert.deepEqual((await t.request('GET', '/healthz')).body, { status: 'ok' });
  // Off without ZHIXING_METRICS_TOKEN; with it, see test/http-guards.test.ts.
  assert.equal((await t.request('GET', '/metrics')).status, 404);
  const docs = await t.request('GET', '/api/docs/json');
  assert.equal(docs.body.openapi, '3.1.0');
  assert.ok(docs.body.paths['/api/v1/cases']);
  const missing = await t.request('GET', '/api/v1/nothing');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.code, 'NOT_FOUND');
});

test('admins manage courts, users and teams within their scope', async () => {
  const admin = await t.login('admin');
  const courts = await t.request('GET', '/api/v1/courts', { token: admin });
  const hz = courts.body.items.find((c: { courtCode: string }) => c.courtCode === '浙01');
  const created = await t.request('POST', '/api/v1/courts', {
    token: admin,
    body: {
      name: '杭州市拱墅区人民法院',
      courtCode: '浙0105',
      level: 'basic',
      divisionCode: '330105',
      parentId: hz.id,
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const badLevel = await t.request('POST', '/api/v1/courts', {
    token: admin,
    body: { name: '错误法院', courtCode: '浙09', level: 'basic', divisionCode: '330900', parentId: hz.id },
  });
  assert.equal(badLevel.status, 400);
  const dup = await t.request('POST', '/api/v1/courts', {
    token: admin,
    body: { name: '重复', courtCode: '浙0105', level: 'basic', divisionCode: '330105', parentId: hz.id },
  });
  assert.equal(dup.status, 409);
  const user = await t.request('POST', '/api/v1/users', {
    token: admin,
    body: {
      username: 'gongshu.judge',
      displayName: '钱塘',
      password: 'a-long-password-1',
      courtId: created.body.id,
      roles: ['judge'],
    },
  });
  assert.equal(user.status, 201, JSON.stringify(user.body));
  const team = await t.request('POST', '/api/v1/teams', {
    token: admin,
    body: { name: '拱墅执行一组', courtId: created.body.id, judgeId: user.body.id },
  });
  assert.equal(team.status, 201, JSON.stringify(team.body));
  const judge = await t.login('xihu.judge');
  const notAdmin = await t.request('POST', '/api/v1/users', {
    token: judge,
    body: {
      username: 'x.y',
      displayName: 'x',
      password: 'a-long-password-1',
      courtId: created.body.id,
      roles: ['judge'],
    },
  });
  assert.equal(notAdmin.status, 403);
});
