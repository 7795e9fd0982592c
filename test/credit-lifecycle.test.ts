import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addWorkingDays } from '../src/kernel/index.ts';
import { expireTerms } from '../src/modules/credit/index.ts';
import { requeryCompleted } from '../src/modules/inquiry/index.ts';
import { clock } from '../src/platform/clock.ts';
import { publishEvent } from '../src/platform/events.ts';
import { anAdult, deliverEvents, fileCaseWith, listAndApprove } from './credit-support.ts';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;
let judge: string;

before(async () => {
  t = await startTestApp();
  judge = await t.login('xihu.judge');
});
after(() => t.close());

async function creditOf(caseId: string) {
  const res = await t.request('GET', `/api/v1/cases/${caseId}/credit`, { token: judge });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.respondents[0];
}

async function record(caseId: string, kind: string, note = '') {
  const res = await t.request('POST', `/api/v1/cases/${caseId}/nodes`, {
    token: judge,
    body: { kind, note },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
}

describe('deletion driven by events (失信规定 art. 10)', () => {
  test('a signed listing goes on the case timeline once, on the day it was signed', async () => {
    const c = await fileCaseWith(t, judge, [anAdult()]);
    await listAndApprove(t, c.id, c.respondents[0]?.id ?? '');
    await deliverEvents(t);
    await deliverEvents(t);
    const detail = await t.request('GET', `/api/v1/cases/${c.id}`, { token: judge });
    const listed = detail.body.nodes.filter((n: { kind: string }) => n.kind === 'dishonestListed');
    assert.equal(listed.length, 1, JSON.stringify(detail.body.nodes.map((n: { kind: string }) => n.kind)));
    assert.match(
      listed[0].note,
      new RegExp(`${c.respondents[0]?.name}纳入失信被执行人名单，自\\d{4}-\\d{2}-\\d{2}起公布`),
    );
    assert.equal(listed[0].occurredOn, (await creditOf(c.id)).entries[0].decidedOn);
  });

  test('closing as fulfilled deletes the entry and lifts the restriction: credit repair', async () => {
    const c = await fileCaseWith(t, judge, [anAdult()]);
    await listAndApprove(t, c.id, c.respondents[0]?.id ?? '');
    await record(c.id, 'paymentReceived');
    const closed = await t.request('POST', `/api/v1/cases/${c.id}/close`, {
      token: judge,
      body: { closingType: 'fulfilled', reason: '已全部履行' },
    });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    await deliverEvents(t);
    const r = await creditOf(c.id);
    assert.equal(r.entries[0].state, 'deleted');
    assert.equal(r.entries[0].deletionGround, 'fullyPerformed');
    assert.equal(r.entries[0].isCreditRepair, true);
    // 失信规定 art. 10: within 3 working days of the ground occurring
    assert.equal(r.entries[0].deletionDueOn, addWorkingDays(closed.body.closedOn, 3));
    assert.equal(r.restrictions[0].state, 'lifted');
    assert.equal(r.restrictions[0].liftGround, 'performed');
    assert.deepEqual(
      r.entries[0].history.map((h: { action: string }) => h.action),
      ['requested', 'listed', 'creditRepair'],
    );
  });

  test('closing after a settlement as fulfilled is deletion on art. 10(2); terminated and not enforced delete too', async () => {
    const settled = await fileCaseWith(t, judge, [anAdult()]);
    await record(settled.id, 'settlementReached');
    await listAndApprove(t, settled.id, settled.respondents[0]?.id ?? '', {
      ground: 6,
      facts: '拒不履行和解协议',
    });
    await t.request('POST', `/api/v1/cases/${settled.id}/close`, {
      token: judge,
      body: { closingType: 'fulfilled', reason: '和解协议已履行' },
    });
    for (const [closingType, ground] of [
      ['terminated', 'enforcementTerminated'],
      ['notEnforced', 'notEnforced'],
    ]) {
      const c = await fileCaseWith(t, judge, [anAdult()]);
      await listAndApprove(t, c.id, c.respondents[0]?.id ?? '');
      const closed = await t.request('POST', `/api/v1/cases/${c.id}/close`, {
        token: judge,
        body: { closingType, reason: '裁定' },
      });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      await deliverEvents(t);
      assert.equal((await creditOf(c.id)).entries[0].deletionGround, ground);
    }
    assert.equal((await creditOf(settled.id)).entries[0].deletionGround, 'settlementPerformed');
  });

  test('a suspension for retrial deletes (art. 10(5)); a suspension for another reason does not', async () => {
    const retrial = await fileCaseWith(t, judge, [anAdult()]);
    await listAndApprove(t, retrial.id, retrial.respondents[0]?.id ?? '');
    await record(retrial.id, 'suspended', '本案进入审判监督程序，裁定中止执行');
    const deferred = await fileCaseWith(t, judge, [anAdult()]);
    await listAndApprove(t, deferred.id, deferred.respondents[0]?.id ?? '');
    await record(deferred.id, 'suspended', '申请执行人同意暂缓执行');
    await deliverEvents(t);
    assert.equal((await creditOf(retrial.id)).entries[0].deletionGround, 'suspendedRetrialOrBankruptcy');
    assert.equal((await creditOf(deferred.id)).entries[0].state, 'listed');
  });

  test('after 终本, two empty re-queries and no lead delete an entry without a fixed term; never a fixed-term one', async () => {
    const open = await fileCaseWith(t, judge, [anAdult(), anAdult()]);
    const [a, b] = open.respondents;
    await listAndApprove(t, open.id, a?.id ?? '', { ground: 1, facts: '有能力拒不履行' });
    await listAndApprove(t, open.id, b?.id ?? '', { ground: 2, facts: '伪造证据' });
    const requery = (respondentPartyId: string, round: number) =>
      publishEvent(
        t.database.db,
        requeryCompleted,
        { caseId: open.id, respondentPartyId, round, hasFoundAssets: false, completedOn: clock.today() },
        { aggregateId: open.id },
      );
    await requery(a?.id ?? '', 1);
    await requery(b?.id ?? '', 1);
    await deliverEvents(t);
    const afterOne = await t.request('GET', `/api/v1/cases/${open.id}/credit`, { token: judge });
    assert.deepEqual(
      afterOne.body.respondents.map((r: { entries: { state: string }[] }) => r.entries[0]?.state),
      ['listed', 'listed'],
    );
    await requery(a?.id ?? '', 2);
    await requery(b?.id ?? '', 2);
    await requery(a?.id ?? '', 2);
    await deliverEvents(t);
    const afterTwo = await t.request('GET', `/api/v1/cases/${open.id}/credit`, { token: judge });
    assert.equal(afterTwo.body.respondents[0].entries[0].deletionGround, 'terminatedRoundNoAssets');
    assert.equal(
      afterTwo.body.respondents[1].entries[0].state,
      'listed',
      'a fixed-term entry runs out its term',
    );
  });

  test('term expiry (job): a fixed term ends, the entry is deleted; ground (1) never expires', async () => {
    const c = await fileCaseWith(t, judge, [anAdult(), anAdult()]);
    await listAndApprove(t, c.id, c.respondents[0]?.id ?? '', { ground: 4, facts: '违反财产报告制度' });
    await listAndApprove(t, c.id, c.respondents[1]?.id ?? '', { ground: 1, facts: '有能力拒不履行' });
    const credit = await t.request('GET', `/api/v1/cases/${c.id}/credit`, { token: judge });
    const expiresOn: string = credit.body.respondents[0].entries[0].expiresOn;
    assert.equal(
      expiresOn.slice(0, 4),
      String(Number(clock.today().slice(0, 4)) + 2),
      '失信规定 art. 2: two years',
    );
    assert.equal(
      await expireTerms(t.database.db, expiresOn),
      0,
      'the last day of the term is still inside it',
    );
    const dayAfter = String((await t.database.sql`select (${expiresOn}::date + 1)::text as d`)[0]?.d);
    const deleted = await expireTerms(t.database.db, dayAfter);
    assert.ok(deleted >= 1);
    const later = await t.request('GET', `/api/v1/cases/${c.id}/credit`, { token: judge });
    assert.equal(later.body.respondents[0].entries[0].deletionGround, 'termExpired');
    assert.equal(later.body.respondents[0].entries[0].deletionDueOn, addWorkingDays(expiresOn, 3));
    assert.equal(later.body.respondents[1].entries[0].state, 'listed');
    assert.equal(await expireTerms(t.database.db, '2099-12-31'), 0, 'idempotent');
  });
});
