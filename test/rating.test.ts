import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAndApprove } from './credit-support.ts';
import { fileCase, type Harness, pickRespondents, startHarness, waitForBatch } from './inquiry-harness.ts';

/**
 * The ability-to-perform rating over the real database and the real simulator: respondents the
 * simulated world knows to own nothing, or to hold deposits, are filed against and searched by
 * online inquiry; the rating then reads what inquiry found.
 */
describe('GET /api/v1/cases/{id}/rating', () => {
  let h: Harness;
  const people = pickRespondents();
  let poorCase: string;
  let richCase: string;
  let bothCase: string;
  let unsearchedCase: string;
  let otherCourt: string;
  let president: string;
  const purpose = '繁简分流 / triage';
  const rating = (caseId: string, token = h.token) =>
    h.t.request('GET', `/api/v1/cases/${caseId}/rating`, {
      token,
      headers: { 'x-zhixing-purpose': encodeURIComponent(purpose) },
    });

  before(async () => {
    h = await startHarness();
    // 500 yuan: the rich respondent's deposits (each above 1,000 yuan, unfrozen) cover it.
    poorCase = await fileCase(h, [people.poor], 5_000_000);
    richCase = await fileCase(h, [people.rich], 50_000);
    bothCase = await fileCase(h, [people.poor, people.rich], 50_000);
    unsearchedCase = await fileCase(h, [people.company], 5_000_000);
    const res = await h.t.request('POST', '/api/v1/inquiry/batches', {
      token: h.token,
      body: { caseIds: [poorCase, richCase, bothCase], purpose: '查明财产 / find assets' },
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    await waitForBatch(h, res.body.batchId);
    otherCourt = await h.t.login('shangcheng.judge');
    president = await h.t.login('xihu.president');
  });
  after(async () => h.close());

  test('no online inquiry yet: the base score, a reason saying so, the inquiry proposed', async () => {
    const res = await rating(unsearchedCase);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.score, 50);
    assert.equal(res.body.base, 50);
    assert.deepEqual(
      res.body.reasons.map((r: { code: string }) => r.code),
      ['notSearched'],
    );
    assert.equal(res.body.proposedMeasures[0].code, 'onlineInquiry');
    assert.equal(res.body.track, 'complex');
  });

  test('searched and nothing found: a low score, the reason naming it, 终本 review proposed', async () => {
    const res = await rating(poorCase);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.ok(res.body.score < res.body.threshold, String(res.body.score));
    // 50 − 20 (nothing found) − 3 (named in the two-respondent case too).
    assert.equal(res.body.score, 27);
    assert.equal(res.body.isAbleToPay, false);
    const found = res.body.reasons.find((r: { code: string }) => r.code === 'noAssetsFound');
    assert.deepEqual(found, {
      code: 'noAssetsFound',
      factor: 'ability',
      points: -20,
      zh: '网络查控未发现可供执行的财产',
      en: 'Online inquiry found no assets to enforce against',
    });
    const codes = res.body.proposedMeasures.map((m: { code: string }) => m.code);
    assert.ok(codes.includes('terminationReview'), codes.join());
    assert.ok(res.body.respondents[0].figures.answeredQueries > 0);
    assert.equal(res.body.respondents[0].figures.assetCount, 0);
  });

  test('deposits found covering the debt: a high score, able to pay, the simple track', async () => {
    const res = await rating(richCase);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    // 50 + 20 (covered) + 10 (all of it in money) − 3 (named in the two-respondent case too).
    assert.equal(res.body.score, 77);
    assert.equal(res.body.isAbleToPay, true);
    assert.equal(res.body.track, 'simple');
    const byCode = new Map(res.body.reasons.map((r: { code: string; points: number }) => [r.code, r.points]));
    assert.equal(byCode.get('assetsCoverage'), 20);
    assert.equal(byCode.get('liquidMoney'), 10);
    const figures = res.body.respondents[0].figures;
    assert.ok(figures.availableBalanceFen >= 50_000);
    assert.equal(figures.outstandingFen, 50_000);
    assert.equal(res.body.proposedMeasures.map((m: { code: string }) => m.code)[0], 'freezeDeposits');
  });

  test('the reasons add up to the score, each in Chinese and English', async () => {
    for (const caseId of [poorCase, richCase, bothCase, unsearchedCase]) {
      const { body } = await rating(caseId);
      const sum = body.reasons.reduce((s: number, r: { points: number }) => s + r.points, 0);
      assert.equal(body.base + sum, body.score);
      for (const x of [...body.reasons, ...body.proposedMeasures, body.trackReason]) {
        assert.match(x.zh, /[\u4e00-\u9fff]/);
        assert.match(x.en, /[A-Za-z]/);
      }
      assert.ok(!Number.isNaN(Date.parse(body.ratedAt)));
    }
  });

  test('several respondents: each rated, the case rated as the best of them', async () => {
    const res = await rating(bothCase);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.respondents.length, 2);
    const [poor, rich] = res.body.respondents;
    assert.equal(poor.name, people.poor.name);
    assert.equal(rich.name, people.rich.name);
    assert.ok(rich.score > poor.score);
    assert.equal(res.body.ratedPartyId, rich.partyId);
    assert.equal(res.body.score, rich.score);
    assert.deepEqual(res.body.reasons, rich.reasons);
  });

  test('other cases against the same respondent lower the rating', async () => {
    // Each respondent is named in one other open case: its own single-respondent case.
    const res = await rating(bothCase);
    const poor = res.body.respondents[0];
    const other = poor.reasons.find((r: { code: string }) => r.code === 'otherOpenCases');
    assert.deepEqual([other?.points, poor.figures.otherOpenCases], [-3, 1]);
  });

  test('anyone of the court who sees the case may read it; each read is audited with its purpose', async () => {
    const res = await rating(richCase, president);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const rows = await h.t.database.sql<{ purpose: string; actor: string }[]>`
      select purpose, actor_name as actor from audit.records
      where action = 'rating.view' and object_id = ${richCase} order by id`;
    assert.ok(rows.length >= 2);
    assert.equal(rows.at(-1)?.purpose, purpose);
  });

  test('a listing for obstruction elsewhere and a voluntary payment here move the willingness', async () => {
    const elsewhere = await fileCase(h, [people.poor], 1_000_000);
    const detail = await h.t.request('GET', `/api/v1/cases/${elsewhere}`, { token: h.token });
    await listAndApprove(h.t, elsewhere, detail.body.respondents[0].id, { ground: 2 });
    // Half the claim paid into the case account in the respondent's own name (arranged: the bank's notice).
    const [c] = await h.t.database.sql<{ courtId: string }[]>`
      select court_id as "courtId" from cases.cases where id = ${poorCase}`;
    await h.t.database.sql`insert into funds.receipts (id, serial, source, court_id, case_id, to_account,
        amount_fen, payer_name, received_at, state)
      values (gen_random_uuid(), ${`rating-test-${poorCase}`}, 'bank', ${c?.courtId ?? null}, ${poorCase},
        '0000000000', 2500000, ${people.poor.name}, now(), 'booked')`;
    const res = await rating(poorCase);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const points = Object.fromEntries(
      res.body.reasons.map((r: { code: string; points: number }) => [r.code, r.points]),
    );
    assert.deepEqual(points, {
      noAssetsFound: -20,
      recentRecovery: 5,
      otherOpenCases: -6,
      voluntaryPayment: 10,
      listedDishonest: -5,
      pastBreaches: -3,
    });
    assert.equal(res.body.score, 31);
    assert.equal(res.body.willingness, 57);
    const codes = res.body.proposedMeasures.map((m: { code: string }) => m.code);
    assert.deepEqual(codes, ['consumptionRestriction', 'dishonestListing', 'search', 'terminationReview']);
  });

  test('another court’s case, an unknown case and no sign-in are refused', async () => {
    assert.equal((await rating(richCase, otherCourt)).status, 404);
    assert.equal((await rating('00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await rating('not-a-case')).status, 404);
    const anonymous = await h.t.request('GET', `/api/v1/cases/${richCase}/rating`);
    assert.equal(anonymous.status, 401);
  });
});
