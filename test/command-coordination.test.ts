import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { addCalendarDays } from '../src/kernel/index.ts';
import { allSubscribers } from '../src/modules.ts';
import { clock } from '../src/platform/clock.ts';
import { createLogger } from '../src/platform/logging.ts';
import { createOutboxDispatcher } from '../src/platform/outbox.ts';
import { aCaseBody } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * Coordination between courts (执协) with its own case number, interviews (约谈), cross-region
 * filing (异地执行备案) and the monthly statistics (Excel), as their users would use them.
 */
let t: TestApp;
let caseId: string;
const tokens: Record<string, string> = {};

async function as(user: string, method: 'GET' | 'POST', url: string, body?: unknown) {
  tokens[user] ??= await t.login(user);
  return t.request(method, url, { token: tokens[user], ...(body === undefined ? {} : { body }) });
}

before(async () => {
  t = await startTestApp();
  const res = await as('xihu.judge', 'POST', '/api/v1/cases', aCaseBody());
  assert.equal(res.status, 201);
  caseId = res.body.id;
});
after(() => t.close());

test('a dispute between Xihu and Haishu goes to the Zhejiang high court as a 执协 case, evidence, decision, follow-up', async () => {
  const reported = await as('xihu.judge', 'POST', '/api/v1/command/coordinations', {
    caseId,
    otherCourt: '浙0203',
    issue: '海曙法院对同一房产轮候查封后拟先行拍卖',
  });
  assert.equal(reported.status, 201, JSON.stringify(reported.body));
  const year = clock.today().slice(0, 4);
  assert.equal(reported.body.caseNumber, `（${year}）浙执协1号`);
  assert.equal(reported.body.coordinatingCourt.name, '浙江省高级人民法院');
  const id = reported.body.id;
  assert.equal((await as('shangcheng.judge', 'GET', `/api/v1/command/coordinations/${id}`)).status, 404);
  const early = await as('haishu.judge', 'POST', `/api/v1/command/coordinations/${id}/entries`, {
    kind: 'followUp',
    text: 'x',
  });
  assert.equal(early.status, 409);
  const evidence = await as('haishu.judge', 'POST', `/api/v1/command/coordinations/${id}/entries`, {
    kind: 'evidence',
    text: '我院系首封法院，附查封裁定书',
    documents: [{ name: '（2026）浙0203执100号执行裁定书' }],
  });
  assert.equal(evidence.status, 201, JSON.stringify(evidence.body));
  assert.equal(
    (await as('hz.command', 'POST', `/api/v1/command/coordinations/${id}/decide`, { decision: 'x' })).status,
    404,
  );
  const decided = await as('zj.command', 'POST', `/api/v1/command/coordinations/${id}/decide`, {
    decision: '由首封法院海曙法院负责处分，西湖法院参与分配',
  });
  assert.equal(decided.status, 200, JSON.stringify(decided.body));
  assert.equal(decided.body.state, 'decided');
  const follow = await as('xihu.judge', 'POST', `/api/v1/command/coordinations/${id}/entries`, {
    kind: 'followUp',
    text: '已向海曙法院申请参与分配',
  });
  assert.equal(follow.status, 201);
  const seen = await as('xihu.judge', 'GET', `/api/v1/command/coordinations/${id}`);
  assert.deepEqual(
    seen.body.entries.map((e: { kind: string; court: string }) => [e.kind, e.court]),
    [
      ['evidence', '宁波市海曙区人民法院'],
      ['followUp', '杭州市西湖区人民法院'],
    ],
  );
  const ledger = await as('zj.command', 'GET', '/api/v1/command/coordinations?court=浙');
  assert.equal(ledger.body.items.length, 1);
});

test('an interview is recorded for a court below and listed in its ledger', async () => {
  const below = await as('xihu.president', 'POST', '/api/v1/command/interviews', {
    court: '浙01',
    reason: 'x',
    participants: 'x',
    record: 'x',
  });
  assert.equal(below.status, 404, 'a basic court does not interview the court above it');
  const res = await as('hz.command', 'POST', '/api/v1/command/interviews', {
    court: '浙0106',
    teamName: '执行一团队',
    reason: '有财产案件法定期限内执结率低于目标',
    participants: '西湖法院分管副院长、执行局长、执行一团队法官',
    record: '要求一个月内清理超期案件并报送整改情况',
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const list = await as('xihu.president', 'GET', '/api/v1/command/interviews?court=浙0106');
  assert.equal(list.body.items[0].teamName, '执行一团队');
});

test('a team files before acting on another court’s ground; the local court is told', async () => {
  const past = await as('xihu.judge', 'POST', '/api/v1/command/cross-region-filings', {
    caseId,
    localCourt: '浙0203',
    plannedFrom: addCalendarDays(clock.today(), -1),
    plannedTo: clock.today(),
    measures: '查封',
    officers: '张法官',
  });
  assert.equal(past.status, 400);
  assert.match(JSON.stringify(past.body), /plannedFrom/);
  const res = await as('xihu.judge', 'POST', '/api/v1/command/cross-region-filings', {
    caseId,
    localCourt: '浙0203',
    plannedFrom: addCalendarDays(clock.today(), 2),
    plannedTo: addCalendarDays(clock.today(), 4),
    measures: '查封被执行人位于海曙区的房产',
    officers: '执行法官、法官助理、司法警察二人',
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const onTheirGround = await as('haishu.judge', 'GET', '/api/v1/command/cross-region-filings?court=浙0203');
  assert.equal(onTheirGround.body.items[0].direction, 'onOurGround');
});

test('the monthly statistics count this month’s filing, in JSON and as an Excel workbook with numbers', async () => {
  await createOutboxDispatcher(
    t.database,
    allSubscribers().filter((s) => s.name.startsWith('command.')),
    createLogger('silent'),
  ).runOnce();
  const month = clock.today().slice(0, 7);
  const res = await as('hz.command', 'GET', `/api/v1/command/statistics/monthly?court=浙01&month=${month}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.total.counts.filed, 1);
  const xihu = res.body.rows.find((r: { court: { code: string } }) => r.court.code === '浙0106');
  assert.equal(xihu.counts.pendingAtEnd, 1);
  const file = await t.app.inject({
    method: 'GET',
    url: `/api/v1/command/statistics/monthly?court=${encodeURIComponent('浙01')}&month=${month}&format=xlsx`,
    headers: { authorization: `Bearer ${tokens['hz.command']}` },
  });
  assert.equal(file.statusCode, 200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('执行案件统计月报');
  assert.ok(sheet);
  assert.equal(sheet.getRow(2).getCell(2).value, '收案');
  const total = sheet.getRow(sheet.rowCount);
  assert.equal(total.getCell(1).value, '合计');
  assert.equal(total.getCell(2).value, 1);
  const future = await as('hz.command', 'GET', '/api/v1/command/statistics/monthly?court=浙01&month=2999-01');
  assert.equal(future.status, 400);
});
