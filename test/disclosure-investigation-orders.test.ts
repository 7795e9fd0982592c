import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addCalendarDays } from '../src/kernel/index.ts';
import { clock } from '../src/platform/clock.ts';
import {
  aGrantedOrder,
  anOrder,
  anOrderBody,
  aPngBase64,
  aPortalCase,
  aPortalLawyer,
  type CourtSide,
  portalHeader,
} from './route-fixtures/disclosure-reward-fixtures.ts';
import { changedTables, takeSnapshot } from './route-fixtures/index.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Lawyers' investigation orders (律师调查令; DOMAIN §9): only the applicant's lawyer applies, never
 * for state secrets, trade secrets or privacy; the judge decides within 3 days; a granted order is
 * valid 15 days (at most 30) and its code is checked at the public endpoint exactly as the API
 * contract says; the lawyer uploads results to the case. Every refusal writes nothing.
 */
let t: TestApp;
let side: CourtSide;
const tokens = new Map<string, string>();
const day = 86_400_000;

before(async () => {
  t = await startTestApp();
  for (const username of ['admin', 'xihu.judge', 'xihu.assistant', 'xihu.judge2', 'shangcheng.judge']) {
    tokens.set(username, await t.login(username));
  }
  side = {
    t,
    token(username) {
      const token = tokens.get(username);
      if (!token) throw new Error(`no session for ${username}`);
      return token;
    },
  };
});
after(async () => t?.close());

type Answer = { status: number; body: { error?: { details: { path: string }[] } } };

function refusedNaming(res: Answer, status: number, path: string) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.ok(
    res.body.error?.details.some((d) => d.path === path),
    `expected ${status} naming ${path}: ${JSON.stringify(res.body)}`,
  );
}

async function refusedWithoutWriting(status: number, refuse: () => Promise<Answer>, path?: string) {
  const before = await takeSnapshot(t);
  const res = await refuse();
  if (path) refusedNaming(res, status, path);
  else assert.equal(res.status, status, JSON.stringify(res.body));
  assert.deepEqual(changedTables(before, await takeSnapshot(t)), []);
}

const asPortal = (token: string) => ({ headers: { [portalHeader]: token } });

function apply(caseId: string, token: string, body: Record<string, unknown> = anOrderBody) {
  return t.request('POST', `/api/v1/party/cases/${caseId}/investigation-orders`, {
    ...asPortal(token),
    body,
  });
}

function decide(orderId: string, username: string, grant = true) {
  return t.request('POST', `/api/v1/investigation-orders/${orderId}/decision`, {
    token: side.token(username),
    body: { grant, reason: grant ? '申请符合条件，准予签发' : '调查范围不明确，不予签发' },
  });
}

function check(code: string, remoteAddress = '127.0.0.1') {
  return t.app
    .inject({
      method: 'GET',
      url: `/api/v1/public/investigation-orders/${encodeURIComponent(code)}`,
      remoteAddress,
    })
    .then((res) => ({ status: res.statusCode, body: JSON.parse(res.body) }));
}

function upload(orderId: string, token: string, body: Record<string, unknown>) {
  return t.request('POST', `/api/v1/party/investigation-orders/${orderId}/results`, {
    ...asPortal(token),
    body,
  });
}

async function caseNumberOf(caseId: string): Promise<string> {
  const [row] = await t.database.sql`select case_number from cases.cases where id = ${caseId}`;
  return String(row?.case_number);
}

describe('applying', () => {
  test('the applicant’s lawyer applies; the judge must decide within 3 days, a task on the workbench', async () => {
    const onCase = await aPortalCase(side);
    const res = await apply(onCase.caseId, onCase.lawyer.token);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.dueOn, addCalendarDays(clock.today(), 3));
    const [task] = await t.database.sql`select r.kind, r.due_on::text as due_on, r.state
      from disclosure.requests r join disclosure.investigation_orders o on o.request_id = r.id where o.id = ${res.body.id}`;
    assert.deepEqual({ ...task }, { kind: 'investigationOrder', due_on: res.body.dueOn, state: 'open' });
  });

  test('only a lawyer: the applicant and the respondent themselves get 403; another lawyer’s case 404', async () => {
    const onCase = await aPortalCase(side);
    const stranger = await aPortalLawyer(side, '王律师');
    await refusedWithoutWriting(403, () => apply(onCase.caseId, onCase.applicantToken));
    await refusedWithoutWriting(403, () => apply(onCase.caseId, onCase.respondentToken));
    await refusedWithoutWriting(404, () => apply(onCase.caseId, stranger.token));
    await refusedWithoutWriting(401, () =>
      t.request('POST', `/api/v1/party/cases/${onCase.caseId}/investigation-orders`, { body: anOrderBody }),
    );
  });

  test('never for state secrets, trade secrets or privacy: 400 naming scope, nothing written', async () => {
    const onCase = await aPortalCase(side);
    for (const scope of [
      '被执行人参与的涉及国家秘密的项目合同',
      '该公司的商业秘密及客户名单',
      '被执行人的病历及就诊记录',
      '被执行人的个人 隐私',
    ]) {
      await refusedWithoutWriting(
        400,
        () => apply(onCase.caseId, onCase.lawyer.token, { ...anOrderBody, scope }),
        'scope',
      );
    }
  });

  test('valid 15 days unless asked otherwise, at most 30: 31 is refused naming validDays', async () => {
    const onCase = await aPortalCase(side);
    for (const validDays of [31, 0, 1.5]) {
      await refusedWithoutWriting(
        400,
        () => apply(onCase.caseId, onCase.lawyer.token, { ...anOrderBody, validDays }),
        'validDays',
      );
    }
    const { validDays: _, ...withoutDays } = anOrderBody;
    const byDefault = await apply(onCase.caseId, onCase.lawyer.token, withoutDays);
    assert.equal(byDefault.status, 201, JSON.stringify(byDefault.body));
    const longest = await apply(onCase.caseId, onCase.lawyer.token, { ...anOrderBody, validDays: 30 });
    assert.equal(longest.status, 201);
    const today = clock.today();
    const granted = await decide(byDefault.body.id, 'xihu.judge');
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
    assert.deepEqual(
      [granted.body.validDays, granted.body.validFrom, granted.body.validUntil],
      [15, today, addCalendarDays(today, 14)],
    );
    const grantedLongest = await decide(longest.body.id, 'xihu.judge');
    assert.deepEqual(
      [grantedLongest.body.validDays, grantedLongest.body.validUntil],
      [30, addCalendarDays(today, 29)],
    );
  });
});

describe('deciding', () => {
  test('the judge grants once, with an unguessable code; the task is answered', async () => {
    const order = await anOrder(side);
    const res = await decide(order.orderId, 'xihu.judge');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.state, 'granted');
    assert.equal(res.body.isValid, true);
    assert.match(res.body.code, /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    const [task] = await t.database.sql`select r.state, r.outcome from disclosure.requests r
      join disclosure.investigation_orders o on o.request_id = r.id where o.id = ${order.orderId}`;
    assert.deepEqual({ ...task }, { state: 'answered', outcome: 'accepted' });
    await refusedWithoutWriting(409, () => decide(order.orderId, 'xihu.judge'));
    // Codes differ from order to order.
    const another = await aGrantedOrder(side);
    assert.notEqual(another.code, res.body.code);
  });

  test('others on the court 403, another court’s judge 404 — writing nothing; a refused order has no code', async () => {
    const order = await anOrder(side);
    await refusedWithoutWriting(403, () => decide(order.orderId, 'xihu.assistant'));
    await refusedWithoutWriting(403, () => decide(order.orderId, 'xihu.judge2'));
    await refusedWithoutWriting(404, () => decide(order.orderId, 'shangcheng.judge'));
    const refused = await decide(order.orderId, 'xihu.judge', false);
    assert.deepEqual([refused.status, refused.body.state, refused.body.code], [200, 'refused', null]);
  });
});

describe('the public check (API contract)', () => {
  test('GET /api/v1/public/investigation-orders/{code} → 200 {valid, caseNumber, validUntil, scope}, without any credential', async () => {
    const order = await aGrantedOrder(side);
    const res = await check(order.code);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, {
      valid: true,
      caseNumber: await caseNumberOf(order.caseId),
      validUntil: addCalendarDays(clock.today(), 14),
      scope: anOrderBody.scope,
    });
    // As typed at a bank's counter: lower case, without hyphens.
    assert.deepEqual(await check(order.code.replaceAll('-', '').toLowerCase()), res);
  });

  test('an unknown code is 404, as is a malformed one', async () => {
    for (const code of ['AAAA-BBBB-CCCC-DDDD', 'ABCD', '不是验证码']) {
      assert.equal((await check(code)).status, 404, code);
    }
  });

  test('a revoked order answers valid=false', async () => {
    const order = await aGrantedOrder(side);
    const revoke = (username: string) =>
      t.request('POST', `/api/v1/investigation-orders/${order.orderId}/revocation`, {
        token: side.token(username),
        body: { reason: '律师已解除委托' },
      });
    await refusedWithoutWriting(403, () => revoke('xihu.assistant'));
    assert.equal((await revoke('xihu.judge')).status, 200);
    await refusedWithoutWriting(409, () => revoke('xihu.judge'));
    const res = await check(order.code);
    assert.deepEqual([res.status, res.body.valid], [200, false]);
  });

  test('limited per address: the 31st check in a minute from one address is 429', async () => {
    const order = await aGrantedOrder(side);
    for (let i = 0; i < 30; i += 1) assert.equal((await check(order.code, '10.77.0.1')).status, 200);
    assert.equal((await check(order.code, '10.77.0.1')).status, 429);
    assert.equal((await check(order.code, '10.77.0.2')).status, 200);
  });
});

describe('results', () => {
  test('the lawyer uploads what the order found; the team and the lawyer see it on the case', async () => {
    const order = await aGrantedOrder(side);
    const res = await upload(order.orderId, order.lawyer.token, {
      text: '该行回复：被执行人账户余额 12,345.60 元。',
      attachments: [{ name: '银行回执.png', contentType: 'image/png', dataBase64: aPngBase64 }],
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const team = await t.request('GET', `/api/v1/cases/${order.caseId}/investigation-orders`, {
      token: side.token('xihu.assistant'),
    });
    assert.equal(team.status, 200);
    const [seen] = team.body.items;
    assert.equal(seen.id, order.orderId);
    assert.deepEqual(
      seen.results.map((r: { id: string; attachments: { name: string; size: number }[] }) => [
        r.id,
        r.attachments.map((a) => [a.name, a.size]),
      ]),
      [[res.body.id, [['银行回执.png', Buffer.from(aPngBase64, 'base64').length]]]],
    );
    const own = await t.request(
      'GET',
      `/api/v1/party/cases/${order.caseId}/investigation-orders`,
      asPortal(order.lawyer.token),
    );
    assert.equal(own.status, 200);
    assert.deepEqual(
      own.body.items.map((o: { id: string; code: string; results: unknown[] }) => [
        o.id,
        o.code,
        o.results.length,
      ]),
      [[order.orderId, order.code, 1]],
    );
    assert.equal(
      (
        await t.request('GET', `/api/v1/cases/${order.caseId}/investigation-orders`, {
          token: side.token('shangcheng.judge'),
        })
      ).status,
      404,
    );
  });

  test('refused, writing nothing: a party (403), another lawyer (404), an order not granted (409), a file not what it says (400)', async () => {
    const order = await aGrantedOrder(side);
    const pending = await anOrder(side);
    const stranger = await aPortalLawyer(side, '王律师');
    const body = { text: '调查结果' };
    await refusedWithoutWriting(403, () => upload(order.orderId, order.applicantToken, body));
    await refusedWithoutWriting(404, () => upload(order.orderId, stranger.token, body));
    await refusedWithoutWriting(409, () => upload(pending.orderId, pending.lawyer.token, body));
    await refusedWithoutWriting(
      400,
      () =>
        upload(order.orderId, order.lawyer.token, {
          text: '调查结果',
          attachments: [{ name: '回执.pdf', contentType: 'application/pdf', dataBase64: aPngBase64 }],
        }),
      'attachments.0.dataBase64',
    );
    assert.equal(
      (
        await t.request(
          'GET',
          `/api/v1/party/cases/${order.caseId}/investigation-orders`,
          asPortal(order.applicantToken),
        )
      ).status,
      403,
    );
  });
});

// Last: the clock only moves forward.
describe('validity', () => {
  test('valid through its 15th day; valid=false from the 16th (DOMAIN §9)', async () => {
    const order = await aGrantedOrder(side);
    assert.equal(order.validUntil, addCalendarDays(clock.today(), 14));
    await t.setClockOffset(clock.offsetMs() + 14 * day);
    assert.equal(clock.today(), order.validUntil);
    assert.deepEqual((await check(order.code)).body, {
      valid: true,
      caseNumber: await caseNumberOf(order.caseId),
      validUntil: order.validUntil,
      scope: anOrderBody.scope,
    });
    await t.setClockOffset(clock.offsetMs() + day);
    const expired = await check(order.code);
    assert.deepEqual(
      [expired.status, expired.body.valid, expired.body.validUntil],
      [200, false, order.validUntil],
    );
  });
});
