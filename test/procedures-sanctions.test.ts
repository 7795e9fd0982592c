import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addCalendarDays, calendarDaysBetween, rollForwardToWorkingDay } from '../src/kernel/index.ts';
import { demoPassword, insertUser } from '../src/modules/identity/index.ts';
import { allJobs } from '../src/modules.ts';
import { clock } from '../src/platform/clock.ts';
import { type JobRunner, startJobRunner } from '../src/platform/jobs.ts';
import { createLogger } from '../src/platform/logging.ts';
import { allowPrivateHosts } from '../src/platform/net/outbound-guard.ts';
import { type Simulator, startSimulator } from '../src/sim/index.ts';
import { ZPoliceOverviewSchema } from '../src/sim/police/index.ts';
import { aCaseBody, aCompany, aPerson } from './factories.ts';
import { waitFor } from './inquiry-harness.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Fines, detention and referrals for refusing to perform (CPL arts. 114–119) against the real
 * PostgreSQL, with public security's detention centre played by the simulator over signed HTTP:
 * the limits of art. 118 refused naming the field, approval by a court leader of the case's court
 * only (art. 119), detention handed to public security and released early (CPL-I art. 182), the
 * person's detentions counted, the same act not sanctioned twice (CPL-I art. 184), the review's 3
 * days and the higher court's decision (CPL-I art. 185), the referral's 60 days (拒执罪解释 2024),
 * 404 across courts. Every refusal writes nothing.
 */
const secret = 'sanctions-test-secret';
const logger = createLogger('silent');
const day = 86_400_000;
let sim: Simulator;
let t: TestApp;
let worker: JobRunner;
let judge: string;
let assistant: string;
let clerk: string;
let president: string;
let otherJudge: string;
let otherCourtJudge: string;
let higherPresident: string;

before(async () => {
  allowPrivateHosts(['127.0.0.1']);
  sim = await startSimulator({ secret });
  t = await startTestApp({ env: { ZHIXING_SIM_URL: sim.url, ZHIXING_SIM_SECRET: secret } });
  worker = await startJobRunner({
    database: t.appDatabase,
    logger,
    jobs: allJobs().filter((j) => j.name === 'procedures.send-police-request'),
    expireSeconds: 30,
    pollingIntervalSeconds: 0.5,
    scheduleIntervalSeconds: 2,
    config: t.config,
  });
  // The demo has no court leader at the intermediate court above Xihu: one for the review.
  const [hz] = await t.database.sql<
    { id: string }[]
  >`select id from identity.courts where court_code = '浙01'`;
  assert.ok(hz);
  await insertUser(
    t.database.db,
    {
      username: 'hz.president',
      displayName: '杭中院领导',
      password: demoPassword,
      courtId: hz.id,
      roles: ['courtLeader'],
    },
    { isDemo: true },
  );
  judge = await t.login('xihu.judge');
  assistant = await t.login('xihu.assistant');
  clerk = await t.login('xihu.clerk');
  president = await t.login('xihu.president');
  otherJudge = await t.login('xihu.judge2');
  otherCourtJudge = await t.login('shangcheng.judge');
  higherPresident = await t.login('hz.president');
});

after(async () => {
  await worker?.stop();
  await sim?.close();
  await t?.close();
});

/** The parts of a sanction as the case page reads it (sanction-contracts.ts) that these tests look at. */
type SanctionView = {
  id: string;
  status: string;
  subject: { idNumber: string | null };
  decision: { number: string | null };
  detention: {
    custody: string | null;
    standing: string | null;
    place: string | null;
    startDate: string | null;
    endDate: string | null;
    sequenceLabel: { zh: string };
    order: { state: string; attempts: number };
    refusalReason: string;
    release: { releasedOn: string | null };
  };
  fine: { outstandingFen: number; payments: unknown[]; note: { zh: string } };
  review: { outcome: string | null; decidedBy: string };
  referral: {
    transferredOn: string;
    replyDueOn: string;
    isReplyOverdue: boolean;
    mayProsecutePrivately: boolean;
    reply: string | null;
  };
};

async function fileCase(respondents: unknown[] = [aPerson()]) {
  const res = await t.request('POST', '/api/v1/cases', { token: judge, body: aCaseBody({ respondents }) });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const detail = await t.request('GET', `/api/v1/cases/${res.body.id}`, { token: judge });
  const partyIds: string[] = detail.body.respondents.map((p: { id: string }) => p.id);
  return { id: res.body.id as string, caseNumber: res.body.caseNumber as string, partyIds };
}

let acts = 0;
function anAct(occurredOn = clock.today()) {
  acts += 1;
  return { description: `拒不履行生效判决，转移已查封财产（第${acts}项）。`, occurredOn };
}

async function propose(caseId: string, body: Record<string, unknown>, status = 201, token = judge) {
  const res = await t.request('POST', `/api/v1/cases/${caseId}/sanctions`, { token, body });
  assert.equal(res.status, status, JSON.stringify(res.body));
  return res;
}

async function approve(id: string, token = president, status = 200, decision = 'approve') {
  const res = await t.request('POST', `/api/v1/sanctions/${id}/approve`, { token, body: { decision } });
  assert.equal(res.status, status, JSON.stringify(res.body));
  return res;
}

async function sanctionsOf(caseId: string, token = judge) {
  const res = await t.request('GET', `/api/v1/cases/${caseId}/sanctions`, { token });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const items: SanctionView[] = res.body.items;
  return items;
}

async function sanctionOf(caseId: string, id: string) {
  const found = (await sanctionsOf(caseId)).find((s) => s.id === id);
  assert.ok(found, `sanction ${id}`);
  return found;
}

function fieldOf(body: { error?: { details?: { path: string }[] } }): string | undefined {
  return body.error?.details?.[0]?.path;
}

/** Rows of everything a sanction request may write, for one case. */
async function footprint(caseId: string) {
  const [row] = await t.database.sql<{ n: string }[]>`select concat_ws('/',
    (select count(*) from procedures.sanctions where case_id = ${caseId}),
    (select string_agg(status || coalesce(custody_state, '') || coalesce(release_note, ''), ',' order by id) from procedures.sanctions where case_id = ${caseId}),
    (select count(*) from procedures.fine_payments where case_id = ${caseId}),
    (select count(*) from procedures.sanction_reviews where case_id = ${caseId}),
    (select count(*) from procedures.police_requests r join procedures.sanctions s on s.id = r.sanction_id where s.case_id = ${caseId}),
    (select coalesce(sum(last), 0) from procedures.sanction_numbers),
    (select count(*) from cases.nodes where case_id = ${caseId}),
    (select count(*) from audit.records where object_id = ${caseId}::text)) as n`;
  return row?.n;
}

async function policeOrders() {
  const res = await fetch(`${sim.url}/sim/police`, {
    headers: { authorization: `Bearer ${sim.adminToken}` },
  });
  return ZPoliceOverviewSchema.parse(await res.json()).items;
}

async function setPoliceKnobs(knobs: Record<string, number>) {
  const res = await fetch(`${sim.url}/sim/police/knobs`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${sim.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(knobs),
  });
  assert.equal(res.status, 200);
}

describe('limits (CPL art. 118), refused naming the field, writing nothing', () => {
  test('a natural person is fined at most ¥100,000', async () => {
    const c = await fileCase();
    const before = await footprint(c.id);
    const above = await propose(
      c.id,
      { kind: 'fine', partyId: c.partyIds[0], act: anAct(), amountFen: 10_000_001 },
      400,
    );
    assert.equal(fieldOf(above.body), 'amountFen');
    assert.match(above.body.error.message, /100,000\.00/);
    assert.equal(await footprint(c.id), before);
    await propose(c.id, { kind: 'fine', partyId: c.partyIds[0], act: anAct(), amountFen: 10_000_000 });
  });

  test('a unit is fined from ¥50,000 to ¥1,000,000 (CPL art. 117: an assisting unit that refuses)', async () => {
    const company = aCompany();
    const c = await fileCase([company]);
    const unit = { name: '某银行杭州分行', creditCode: aCompany().creditCode };
    const before = await footprint(c.id);
    const below = await propose(c.id, { kind: 'fine', unit, act: anAct(), amountFen: 4_999_999 }, 400);
    assert.equal(fieldOf(below.body), 'amountFen');
    const above = await propose(
      c.id,
      { kind: 'fine', partyId: c.partyIds[0], act: anAct(), amountFen: 100_000_001 },
      400,
    );
    assert.equal(fieldOf(above.body), 'amountFen');
    const badCode = await propose(
      c.id,
      {
        kind: 'fine',
        unit: { ...unit, creditCode: '91330106MA2B3C4D5X' },
        act: anAct(),
        amountFen: 5_000_000,
      },
      400,
    );
    assert.equal(fieldOf(badCode.body), 'unit.creditCode');
    assert.equal(await footprint(c.id), before);
    await propose(c.id, { kind: 'fine', unit, act: anAct(), amountFen: 5_000_000 });
    await propose(c.id, { kind: 'fine', partyId: c.partyIds[0], act: anAct(), amountFen: 100_000_000 });
  });

  test('detention: at most 15 days, of a natural person only, at a named place', async () => {
    const c = await fileCase([aPerson(), aCompany()]);
    const [person, company] = c.partyIds;
    const before = await footprint(c.id);
    const long = await propose(
      c.id,
      { kind: 'detention', partyId: person, act: anAct(), days: 16, place: '杭州市拘留所' },
      400,
    );
    assert.equal(fieldOf(long.body), 'days');
    assert.match(long.body.error.message, /15/);
    const ofCompany = await propose(
      c.id,
      { kind: 'detention', partyId: company, act: anAct(), days: 5, place: '杭州市拘留所' },
      400,
    );
    assert.equal(fieldOf(ofCompany.body), 'partyId');
    const noPlace = await propose(c.id, { kind: 'detention', partyId: person, act: anAct(), days: 5 }, 400);
    assert.equal(fieldOf(noPlace.body), 'place');
    const withAmount = await propose(
      c.id,
      { kind: 'detention', partyId: person, act: anAct(), days: 5, place: '杭州市拘留所', amountFen: 100 },
      400,
    );
    assert.equal(fieldOf(withAmount.body), 'amountFen');
    const twoSubjects = await propose(
      c.id,
      {
        kind: 'fine',
        partyId: person,
        person: { name: '李四', idNumber: aPerson().idNumber },
        act: anAct(),
        amountFen: 100,
      },
      400,
    );
    assert.equal(fieldOf(twoSubjects.body), 'person');
    const future = await propose(
      c.id,
      { kind: 'fine', partyId: person, act: anAct(addCalendarDays(clock.today(), 1)), amountFen: 100 },
      400,
    );
    assert.equal(fieldOf(future.body), 'act.occurredOn');
    const notHers = await propose(
      c.id,
      { kind: 'fine', partyId: (await fileCase()).partyIds[0], act: anAct(), amountFen: 100 },
      400,
    );
    assert.equal(fieldOf(notHers.body), 'partyId');
    assert.equal(await footprint(c.id), before);
    await propose(c.id, {
      kind: 'detention',
      partyId: person,
      act: anAct(),
      days: 15,
      place: '杭州市拘留所',
    });
  });

  test('only the case judge proposes; another court’s judge does not see the case', async () => {
    const c = await fileCase();
    const body = { kind: 'fine', partyId: c.partyIds[0], act: anAct(), amountFen: 100_000 };
    const before = await footprint(c.id);
    await propose(c.id, body, 403, assistant);
    await propose(c.id, body, 403, otherJudge);
    await propose(c.id, body, 403, president);
    await propose(c.id, body, 404, otherCourtJudge);
    assert.equal(await footprint(c.id), before);
  });
});

describe('approval by a court leader of the case’s court (CPL art. 119)', () => {
  test('the judge, the assistant and the court above may not approve; the president issues the decision', async () => {
    const c = await fileCase();
    const id = (
      await propose(c.id, { kind: 'fine', partyId: c.partyIds[0], act: anAct(), amountFen: 500_000 })
    ).body.id;
    const before = await footprint(c.id);
    await approve(id, judge, 403);
    await approve(id, assistant, 403);
    await approve(id, higherPresident, 403);
    await approve(id, otherCourtJudge, 404);
    assert.equal(await footprint(c.id), before);
    const decided = await approve(id);
    assert.equal(decided.body.status, 'decided');
    assert.match(
      decided.body.decisionNumber,
      new RegExp(`^（${clock.today().slice(0, 4)}）浙0106司惩\\d+号$`),
    );
    await approve(id, president, 409);
    const s = await sanctionOf(c.id, id);
    assert.equal(s.decision.number, decided.body.decisionNumber);
    assert.equal(s.fine.outstandingFen, 500_000);
    const timeline = await t.request('GET', `/api/v1/cases/${c.id}`, { token: judge });
    const nodes: { kind: string; note: string }[] = timeline.body.nodes;
    const node = nodes.find((n) => n.kind === 'obstructionSanctioned');
    assert.ok(node, JSON.stringify(nodes));
    assert.match(node.note, /罚款5,000\.00元/);
  });

  test('a rejected proposal is no decision and bars nothing', async () => {
    const c = await fileCase();
    const act = anAct();
    const id = (await propose(c.id, { kind: 'fine', partyId: c.partyIds[0], act, amountFen: 100_000 })).body
      .id;
    const rejected = await approve(id, president, 200, 'reject');
    assert.equal(rejected.body.status, 'rejected');
    assert.equal(rejected.body.decisionNumber, null);
    await propose(c.id, { kind: 'fine', partyId: c.partyIds[0], act, amountFen: 100_000 });
  });
});

describe('the same act (CPL-I arts. 183–184)', () => {
  test('a second fine or detention for one act is refused; fine and detention together, or a new act, are not', async () => {
    const c = await fileCase();
    const party = c.partyIds[0];
    const act = anAct();
    await propose(c.id, { kind: 'fine', partyId: party, act, amountFen: 200_000 });
    const before = await footprint(c.id);
    // Described with other spacing and punctuation, it is the same act.
    const again = await propose(
      c.id,
      {
        kind: 'fine',
        partyId: party,
        act: { ...act, description: ` ${act.description.replace('，', ' ')}` },
        amountFen: 300_000,
      },
      409,
    );
    assert.match(again.body.error.message, /184/);
    assert.equal(await footprint(c.id), before);
    await propose(c.id, { kind: 'detention', partyId: party, act, days: 5, place: '杭州市拘留所' });
    await propose(c.id, { kind: 'detention', partyId: party, act, days: 3, place: '杭州市拘留所' }, 409);
    await propose(c.id, {
      kind: 'fine',
      partyId: party,
      act: { ...act, occurredOn: addCalendarDays(act.occurredOn, -1) },
      amountFen: 200_000,
    });
  });
});

describe('detention with public security (docs/protocols/public-security.md)', () => {
  test('handed over, admitted for its days, counted per person, released early on the president’s decision', async () => {
    const debtor = aPerson();
    const c = await fileCase([debtor]);
    const id = (
      await propose(c.id, {
        kind: 'detention',
        partyId: c.partyIds[0],
        act: anAct(),
        days: 15,
        place: '杭州市拘留所',
      })
    ).body.id;
    const decided = await approve(id);
    assert.equal(decided.body.sequence, 1);
    const today = clock.today();
    const admitted = await waitFor(async () => {
      const s = await sanctionOf(c.id, id);
      return s.detention.custody === 'admitted' ? s : null;
    }, 'public security to admit the detained');
    assert.equal(admitted.detention.place, '杭州市拘留所');
    assert.equal(admitted.detention.startDate, today);
    assert.equal(admitted.detention.endDate, addCalendarDays(today, 14));
    assert.equal(admitted.detention.standing, 'inCustody');
    assert.equal(admitted.detention.sequenceLabel.zh, '第1次拘留');
    assert.equal(admitted.detention.order.state, 'answered');
    // What public security received: the decision, the person, the days, signed as the court.
    const [order] = (await policeOrders()).filter(
      (o) => o.status === 'admitted' && o.startDate === today && o.endDate === admitted.detention.endDate,
    );
    assert.ok(order);

    const before = await footprint(c.id);
    const byJudge = await t.request('POST', `/api/v1/sanctions/${id}/release`, {
      token: judge,
      body: { note: '具结悔过' },
    });
    assert.equal(byJudge.status, 403);
    const byOutsider = await t.request('POST', `/api/v1/sanctions/${id}/release`, {
      token: otherCourtJudge,
      body: { note: '具结悔过' },
    });
    assert.equal(byOutsider.status, 404);
    assert.equal(await footprint(c.id), before);
    const release = await t.request('POST', `/api/v1/sanctions/${id}/release`, {
      token: president,
      body: { note: '被拘留人认错悔改，具结悔过。' },
    });
    assert.equal(release.status, 202, JSON.stringify(release.body));
    const released = await waitFor(async () => {
      const s = await sanctionOf(c.id, id);
      return s.detention.custody === 'released' ? s : null;
    }, 'public security to release the detained');
    assert.equal(released.detention.release.releasedOn, today);
    assert.equal(released.detention.standing, 'releasedEarly');
    const twice = await t.request('POST', `/api/v1/sanctions/${id}/release`, {
      token: president,
      body: { note: '再次' },
    });
    assert.equal(twice.status, 409);

    // A new act, in another case of the same person: the second detention.
    const other = await fileCase([debtor]);
    const second = (
      await propose(other.id, {
        kind: 'detention',
        partyId: other.partyIds[0],
        act: anAct(),
        days: 5,
        place: '杭州市拘留所',
      })
    ).body.id;
    assert.equal((await approve(second)).body.sequence, 2);
    const secondView = await sanctionOf(other.id, second);
    assert.equal(secondView.detention.sequenceLabel.zh, '第2次拘留');
  });

  test('pending at public security, the order is sent again under its own id until it is answered', async () => {
    await setPoliceKnobs({ latencyMs: 1500 });
    try {
      const c = await fileCase();
      const id = (
        await propose(c.id, {
          kind: 'detention',
          partyId: c.partyIds[0],
          act: anAct(),
          days: 2,
          place: '杭州市拘留所',
        })
      ).body.id;
      await approve(id);
      const admitted = await waitFor(async () => {
        const s = await sanctionOf(c.id, id);
        return s.detention.custody === 'admitted' ? s : null;
      }, 'public security to admit after its delay');
      assert.ok(admitted.detention.order.attempts >= 2, `${admitted.detention.order.attempts} attempts`);
      const [request] = await t.database.sql<{ id: string }[]>`
        select id from procedures.police_requests where sanction_id = ${id}`;
      assert.ok(request);
      assert.equal((await policeOrders()).filter((o) => o.requestId === request.id).length, 1);
    } finally {
      await setPoliceKnobs({ latencyMs: 0 });
    }
  });

  test('a detention public security refuses shows its reason; outside the team the ID number is masked', async () => {
    await setPoliceKnobs({ refusalRate: 1 });
    try {
      const c = await fileCase();
      const id = (
        await propose(c.id, {
          kind: 'detention',
          partyId: c.partyIds[0],
          act: anAct(),
          days: 3,
          place: '杭州市拘留所',
        })
      ).body.id;
      await approve(id);
      const refused = await waitFor(async () => {
        const s = await sanctionOf(c.id, id);
        return s.detention.custody === 'refused' ? s : null;
      }, 'public security to refuse');
      assert.ok(refused.detention.refusalReason.length > 0);
      const release = await t.request('POST', `/api/v1/sanctions/${id}/release`, {
        token: president,
        body: { note: '悔过' },
      });
      assert.equal(release.status, 409);
      const [seen] = await sanctionsOf(c.id, otherJudge);
      assert.match(seen?.subject.idNumber ?? '', /\*{4}/);
    } finally {
      await setPoliceKnobs({ refusalRate: 0 });
    }
  });
});

describe('fines paid', () => {
  test('payments up to the amount, recorded apart from the case account', async () => {
    const c = await fileCase();
    const id = (
      await propose(c.id, { kind: 'fine', partyId: c.partyIds[0], act: anAct(), amountFen: 300_000 })
    ).body.id;
    const early = await t.request('POST', `/api/v1/sanctions/${id}/payments`, {
      token: clerk,
      body: { paidOn: clock.today(), amountFen: 100_000 },
    });
    assert.equal(early.status, 409);
    await approve(id);
    const part = await t.request('POST', `/api/v1/sanctions/${id}/payments`, {
      token: clerk,
      body: { paidOn: clock.today(), amountFen: 100_000, note: '非税收入缴款书 No.1' },
    });
    assert.equal(part.status, 201, JSON.stringify(part.body));
    assert.deepEqual(
      [part.body.paidFen, part.body.outstandingFen, part.body.isPaid],
      [100_000, 200_000, false],
    );
    const before = await footprint(c.id);
    const over = await t.request('POST', `/api/v1/sanctions/${id}/payments`, {
      token: clerk,
      body: { paidOn: clock.today(), amountFen: 200_001 },
    });
    assert.equal(over.status, 400);
    assert.equal(fieldOf(over.body), 'amountFen');
    const outsider = await t.request('POST', `/api/v1/sanctions/${id}/payments`, {
      token: otherCourtJudge,
      body: { paidOn: clock.today(), amountFen: 1 },
    });
    assert.equal(outsider.status, 404);
    assert.equal(await footprint(c.id), before);
    const rest = await t.request('POST', `/api/v1/sanctions/${id}/payments`, {
      token: assistant,
      body: { paidOn: clock.today(), amountFen: 200_000 },
    });
    assert.equal(rest.body.isPaid, true);
    const s = await sanctionOf(c.id, id);
    assert.equal(s.fine.payments.length, 2);
    assert.match(s.fine.note.zh, /国库/);
    // Nothing reached the case account: a fine is not the applicant's money.
    const [received] = await t.database.sql<{ n: number }[]>`
      select count(*)::int as n from funds.receipts where case_id = ${c.id}`;
    assert.equal(received?.n, 0);
  });
});

describe('across courts', () => {
  test('another court’s judge finds neither the case’s sanctions nor a sanction', async () => {
    const c = await fileCase();
    const id = (await propose(c.id, { kind: 'fine', partyId: c.partyIds[0], act: anAct(), amountFen: 1000 }))
      .body.id;
    assert.equal(
      (await t.request('GET', `/api/v1/cases/${c.id}/sanctions`, { token: otherCourtJudge })).status,
      404,
    );
    for (const [path, body] of [
      ['approve', { decision: 'approve' }],
      ['review', { receivedOn: clock.today() }],
      ['release', { note: '悔过' }],
      ['referral-reply', { outcome: 'accepted', repliedOn: clock.today() }],
    ] as const) {
      const res = await t.request('POST', `/api/v1/sanctions/${id}/${path}`, {
        token: otherCourtJudge,
        body,
      });
      assert.equal(res.status, 404, `${path}: ${JSON.stringify(res.body)}`);
    }
    const none = await t.request('POST', '/api/v1/sanctions/00000000-0000-4000-8000-000000000000/approve', {
      token: president,
      body: { decision: 'approve' },
    });
    assert.equal(none.status, 404);
  });
});

// Last: these move the clock forward (never back), and reset it at the end.
describe('review (CPL-I art. 185) and the referral’s 60 days (拒执罪解释 2024)', () => {
  test('applied within 3 days of receipt, once; decided by the higher court; the referral’s silence surfaced', async () => {
    const c = await fileCase();
    const party = c.partyIds[0];
    const onTime = (await propose(c.id, { kind: 'fine', partyId: party, act: anAct(), amountFen: 100_000 }))
      .body.id;
    const late = (await propose(c.id, { kind: 'fine', partyId: party, act: anAct(), amountFen: 100_000 }))
      .body.id;
    const referral = (await propose(c.id, { kind: 'refusalReferral', partyId: party, act: anAct() })).body.id;
    for (const id of [onTime, late, referral]) await approve(id);
    const decidedOn = clock.today();
    // CPL-I art. 185: 3 days from receipt; CPL art. 85: a last day on a holiday moves to the next working day
    const applyBy = rollForwardToWorkingDay(addCalendarDays(decidedOn, 3));
    const before = await footprint(c.id);
    const early = await t.request('POST', `/api/v1/sanctions/${onTime}/review`, {
      token: clerk,
      body: { receivedOn: addCalendarDays(decidedOn, -1) },
    });
    assert.equal(early.status, 400);
    assert.equal(fieldOf(early.body), 'receivedOn');
    const ofReferral = await t.request('POST', `/api/v1/sanctions/${referral}/review`, {
      token: clerk,
      body: { receivedOn: decidedOn },
    });
    assert.equal(ofReferral.status, 409);
    assert.equal(await footprint(c.id), before);
    try {
      // The last day of the 3 (a holiday last day moves to the next working day): on time.
      await t.setClockOffset(calendarDaysBetween(decidedOn, applyBy) * day + 60_000);
      assert.equal(clock.today(), applyBy);
      const applied = await t.request('POST', `/api/v1/sanctions/${onTime}/review`, {
        token: clerk,
        body: { receivedOn: decidedOn, note: '被罚款人不服，申请复议。' },
      });
      assert.equal(applied.status, 201, JSON.stringify(applied.body));
      assert.equal(applied.body.applyBy, applyBy);
      const twice = await t.request('POST', `/api/v1/sanctions/${onTime}/review`, {
        token: clerk,
        body: { receivedOn: decidedOn },
      });
      assert.equal(twice.status, 409);

      // The day after: too late.
      await t.setClockOffset((calendarDaysBetween(decidedOn, applyBy) + 1) * day + 60_000);
      const beforeLate = await footprint(c.id);
      const tooLate = await t.request('POST', `/api/v1/sanctions/${late}/review`, {
        token: clerk,
        body: { receivedOn: decidedOn },
      });
      assert.equal(tooLate.status, 409);
      assert.match(tooLate.body.error.message, new RegExp(applyBy));
      assert.equal(await footprint(c.id), beforeLate);

      // Enforcement does not stop meanwhile: the fine is paid during the review.
      const paid = await t.request('POST', `/api/v1/sanctions/${onTime}/payments`, {
        token: clerk,
        body: { paidOn: clock.today(), amountFen: 10_000 },
      });
      assert.equal(paid.status, 201, JSON.stringify(paid.body));

      // The higher court decides; the deciding court itself may not.
      const sameCourt = await t.request('POST', `/api/v1/sanctions/${onTime}/review/decision`, {
        token: president,
        body: { outcome: 'revoked' },
      });
      assert.equal(sameCourt.status, 403);
      const byJudge = await t.request('POST', `/api/v1/sanctions/${onTime}/review/decision`, {
        token: judge,
        body: { outcome: 'revoked' },
      });
      assert.equal(byJudge.status, 403);
      const decided = await t.request('POST', `/api/v1/sanctions/${onTime}/review/decision`, {
        token: higherPresident,
        body: { outcome: 'revoked', note: '罚款依据不足。' },
      });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      assert.equal(decided.body.status, 'revoked');
      assert.equal(decided.body.isDecisionLate, false);
      const revoked = await sanctionOf(c.id, onTime);
      assert.equal(revoked.review.outcome, 'revoked');
      assert.match(revoked.review.decidedBy, /杭州市中级人民法院/);
      const afterRevoked = await t.request('POST', `/api/v1/sanctions/${onTime}/payments`, {
        token: clerk,
        body: { paidOn: clock.today(), amountFen: 1 },
      });
      assert.equal(afterRevoked.status, 409);

      // The referral: public security has 60 days; silent beyond them, the applicant may prosecute.
      const waiting = (await sanctionOf(c.id, referral)).referral;
      assert.equal(waiting.transferredOn, decidedOn);
      assert.equal(waiting.replyDueOn, addCalendarDays(decidedOn, 60));
      assert.equal(waiting.isReplyOverdue, false);
      await t.setClockOffset(61 * day + 60_000);
      const silent = (await sanctionOf(c.id, referral)).referral;
      assert.equal(silent.isReplyOverdue, true);
      assert.equal(silent.mayProsecutePrivately, true);
      const reply = await t.request('POST', `/api/v1/sanctions/${referral}/referral-reply`, {
        token: assistant,
        body: { outcome: 'accepted', repliedOn: clock.today(), note: '公安机关已立案侦查。' },
      });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      const answered = (await sanctionOf(c.id, referral)).referral;
      assert.equal(answered.reply, 'accepted');
      assert.equal(answered.isReplyOverdue, false);
      const again = await t.request('POST', `/api/v1/sanctions/${referral}/referral-reply`, {
        token: assistant,
        body: { outcome: 'declined', repliedOn: clock.today() },
      });
      assert.equal(again.status, 409);
    } finally {
      await t.setClockOffset(0);
    }
  });
});
