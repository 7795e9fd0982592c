import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../src/app.ts';
import { makeCreditCode, makeIdNumber } from '../src/kernel/index.ts';
import {
  matchingServiceOf,
  pushWebhooks,
  signatureHeader,
  signWebhook,
  timestampHeader,
} from '../src/modules/matching/index.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logging.ts';
import { aCompany, anAdult, fileCaseWith, listAndApprove } from './credit-support.ts';
import { createUnit, match } from './matching-support.ts';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;
let judge: string;
let president: string;

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
  president = await t.login('xihu.president');
});
after(() => t.close());

describe('fuzzy name matching (name-only subjects)', () => {
  test('an organisation’s name in other spellings matches above the threshold, never as an exact hit', async () => {
    const company = aCompany({
      name: '杭州华新科技有限公司',
      creditCode: makeCreditCode('91', '330106', 'MA2H3K4L'),
    });
    const c = await fileCaseWith(t, judge, [company]);
    await listAndApprove(t, c.id, c.respondents[0]?.id ?? '');
    const unit = await createUnit(t, 'tendering');
    const res = await match(t, unit.apiKey, [
      { name: '杭州华新科技有限公司' },
      { name: '杭州華新科技有限責任公司' },
      { name: '杭州 华新 科技（有限公司）' },
      { name: '杭州华新科技股份有限公司' },
      { name: '杭州华欣科技有限公司' },
      { creditCode: company.creditCode },
    ]);
    const [same, traditional, spaced, otherForm, otherName, exact] = res.body.results;
    assert.equal(same.restricted, true);
    assert.equal(same.match, 'fuzzy');
    assert.equal(same.score, 1);
    assert.equal(traditional.restricted, true);
    assert.equal(traditional.score, 0.98);
    assert.equal(spaced.restricted, true);
    assert.equal(otherForm.score, 0.92);
    assert.equal(otherName.restricted, false);
    assert.equal(exact.match, 'exact');
    assert.equal(traditional.matchedName, '杭州华新科技有限公司');
  });

  test('a person’s name alone is not an identity: candidates below the threshold; romanised names reach pinyin', async () => {
    const person = anAdult('330106', { name: '欧阳明华' });
    const c = await fileCaseWith(t, judge, [person]);
    await listAndApprove(t, c.id, c.respondents[0]?.id ?? '');
    const unit = await createUnit(t, 'railway');
    const res = await match(t, unit.apiKey, [
      { name: '歐陽明華' },
      { name: 'OUYANG MINGHUA' },
      { name: 'Minghua Ouyang' },
    ]);
    for (const r of res.body.results) {
      assert.equal(r.restricted, false);
      assert.equal(r.candidates[0].name, '欧阳明华');
      assert.ok(r.candidates[0].score < 0.9);
    }
  });
});

describe('scenes, private spending, minors', () => {
  test('an organisation’s legal representative is bound; private spending on air travel lifts only that', async () => {
    const rep = makeIdNumber('330102', '1975-05-05', '321');
    const company = aCompany();
    const c = await fileCaseWith(t, judge, [company]);
    const ordered = await t.request('POST', `/api/v1/cases/${c.id}/consumption-restrictions`, {
      token: judge,
      body: {
        respondentId: c.respondents[0]?.id,
        boundPersons: [{ role: 'legalRepresentative', name: '张伟', idNumber: rep }],
      },
    });
    assert.equal(ordered.status, 201, JSON.stringify(ordered.body));
    const airline = await createUnit(t, 'airline');
    const railway = await createUnit(t, 'railway');
    const before = await match(t, airline.apiKey, [{ idNumber: rep }, { creditCode: company.creditCode }]);
    assert.equal(before.body.results[0].restricted, true);
    assert.equal(before.body.results[0].measures[0].role, 'legalRepresentative');
    assert.equal(before.body.results[1].restricted, true);
    const credit = await t.request('GET', `/api/v1/cases/${c.id}/credit`, { token: judge });
    const repSubject = credit.body.respondents[0].restrictions[0].subjects.find(
      (s: { role: string }) => s.role === 'legalRepresentative',
    );
    const debtorSubject = credit.body.respondents[0].restrictions[0].subjects.find(
      (s: { role: string }) => s.role === 'debtor',
    );
    const debtorAsks = await t.request(
      'POST',
      `/api/v1/credit/restricted-persons/${debtorSubject.id}/spending-permissions`,
      {
        token: judge,
        body: { behaviours: [1], validFrom: '2020-01-01', validUntil: '2099-12-31', reason: 'x' },
      },
    );
    assert.equal(debtorAsks.status, 409);
    const allowed = await t.request(
      'POST',
      `/api/v1/credit/restricted-persons/${repSubject.id}/spending-permissions`,
      {
        token: judge,
        body: {
          behaviours: [1],
          validFrom: '2020-01-01',
          validUntil: '2099-12-31',
          reason: '因私出差，自费',
        },
      },
    );
    assert.equal(allowed.status, 201, JSON.stringify(allowed.body));
    assert.equal((await match(t, airline.apiKey, [{ idNumber: rep }])).body.results[0].restricted, false);
    assert.equal((await match(t, railway.apiKey, [{ idNumber: rep }])).body.results[0].restricted, true);
    const released = await t.request('POST', `/api/v1/credit/restricted-persons/${repSubject.id}/release`, {
      token: judge,
      body: { reason: '法定代表人已变更' },
    });
    assert.equal(released.status, 200);
    assert.equal((await match(t, railway.apiKey, [{ idNumber: rep }])).body.results[0].restricted, false);
  });

  test('no restriction is ever shown for a minor', async () => {
    const company = aCompany();
    const c = await fileCaseWith(t, judge, [company]);
    const minor = makeIdNumber('330106', '2015-01-01', '222');
    const res = await t.request('POST', `/api/v1/cases/${c.id}/consumption-restrictions`, {
      token: judge,
      body: {
        respondentId: c.respondents[0]?.id,
        boundPersons: [{ role: 'actualController', name: '小明', idNumber: minor }],
      },
    });
    assert.equal(res.status, 201);
    const unit = await createUnit(t, 'railway');
    const answer = await match(t, unit.apiKey, [{ idNumber: minor }, { name: '小明' }]);
    assert.equal(answer.body.results[0].restricted, false);
    assert.deepEqual(answer.body.results[0].measures, []);
    assert.equal(answer.body.results[1].candidates, undefined);
    const feed = await t.request('GET', '/api/v1/match/changes?since=0&limit=5000', {
      headers: { authorization: `Bearer ${unit.apiKey}` },
    });
    assert.ok(
      !feed.body.changes.some((x: { subject: { idNumber: string } }) => x.subject.idNumber === minor),
    );
  });

  test('exit restriction: recorded with its notice, seen by the exit authority only', async () => {
    const person = anAdult();
    const c = await fileCaseWith(t, judge, [person]);
    const res = await t.request('POST', `/api/v1/cases/${c.id}/exit-restrictions`, {
      token: judge,
      body: { respondentId: c.respondents[0]?.id },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const credit = await t.request('GET', `/api/v1/cases/${c.id}/credit`, { token: judge });
    assert.match(credit.body.respondents[0].exitRestrictions[0].noticeText, /出入境边防检查机关/);
    const border = await createUnit(t, 'border');
    const railway = await createUnit(t, 'railway');
    assert.equal(
      (await match(t, border.apiKey, [{ idNumber: person.idNumber }])).body.results[0].measures[0].measure,
      'exitRestriction',
    );
    assert.equal(
      (await match(t, railway.apiKey, [{ idNumber: person.idNumber }])).body.results[0].restricted,
      false,
    );
  });

  test('a grace period keeps the entry off the portal and out of matches until it ends', async () => {
    const person = anAdult();
    const c = await fileCaseWith(t, judge, [person]);
    await listAndApprove(t, c.id, c.respondents[0]?.id ?? '', { graceMonths: 2 });
    const unit = await createUnit(t, 'tendering');
    assert.equal(
      (await match(t, unit.apiKey, [{ idNumber: person.idNumber }])).body.results[0].restricted,
      false,
    );
    const pub = await t.request('GET', `/api/v1/public/dishonest?q=${person.idNumber}`);
    assert.equal(pub.body.total, 0);
  });
});

describe('webhooks', () => {
  test('signed pushes of the change feed, retried until the unit answers 2xx', async () => {
    const received: { body: string; signature: string; timestamp: string }[] = [];
    let isFailing = true;
    const server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        received.push({
          body,
          signature: String(req.headers[signatureHeader]),
          timestamp: String(req.headers[timestampHeader]),
        });
        res.statusCode = isFailing ? 500 : 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const unit = await createUnit(t, 'railway', { webhookUrl: `http://127.0.0.1:${port}/hook` });
      assert.ok(unit.webhookSecret);
      const person = anAdult();
      const c = await fileCaseWith(t, judge, [person]);
      await listAndApprove(t, c.id, c.respondents[0]?.id ?? '');
      assert.equal(await pushWebhooks(t.database.db), 0);
      const [cursor] = await t.database
        .sql`select attempts, delivered_seq::int as seq from matching.webhook_cursors where unit_id = ${unit.id}`;
      assert.equal(cursor?.attempts, 1);
      assert.equal(cursor?.seq, 0);
      assert.equal(await pushWebhooks(t.database.db), 0, 'backing off: no second call yet');
      isFailing = false;
      await t.database
        .sql`update matching.webhook_cursors set next_attempt_at = now() where unit_id = ${unit.id}`;
      assert.ok((await pushWebhooks(t.database.db)) >= 1);
      const last = received.at(-1);
      assert.ok(last);
      assert.equal(last.signature, signWebhook(unit.webhookSecret ?? '', last.timestamp, last.body));
      const payload = JSON.parse(last.body);
      assert.ok(
        payload.changes.some(
          (x: { subject: { idNumber: string }; kind: string }) =>
            x.subject.idNumber === person.idNumber && x.kind === 'listed',
        ),
      );
      assert.equal(await pushWebhooks(t.database.db), 0, 'nothing new');
    } finally {
      server.close();
    }
  });
});

describe('several instances', () => {
  test('two app instances on one database agree after a change', async () => {
    const config = loadConfig({ ZHIXING_DEMO: '1', ZHIXING_LOG_LEVEL: 'silent' });
    const second = await buildApp({
      config,
      database: t.database,
      logger: createLogger('silent'),
      serveWeb: false,
    });
    await second.ready();
    try {
      const unit = await createUnit(t, 'railway');
      const person = anAdult();
      const c = await fileCaseWith(t, judge, [person]);
      const ask = async (app: typeof second) => {
        await matchingServiceOf(app)?.catchUp();
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/match',
          headers: { authorization: `Bearer ${unit.apiKey}` },
          payload: { subjects: [{ idNumber: person.idNumber }] },
        });
        return JSON.parse(res.body).results[0].restricted;
      };
      assert.deepEqual([await ask(t.app), await ask(second)], [false, false]);
      await t.request('POST', `/api/v1/cases/${c.id}/dishonest`, {
        token: president,
        body: { respondentId: c.respondents[0]?.id, ground: 2, facts: 'x' },
      });
      assert.deepEqual([await ask(t.app), await ask(second)], [true, true]);
    } finally {
      await second.close();
    }
  });
});
