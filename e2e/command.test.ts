import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { addCalendarDays } from '../src/kernel/index.ts';
import { baseUrl, launchBrowser, reportFailure, signIn, typeDate } from './support.ts';

/**
 * Command-centre journey (执行指挥中心): the province's centre opens its desk and sees the "3+1"
 * indicators against their targets, drills down 浙 → 杭州中院 → 西湖区法院 and back up by the
 * breadcrumb, opens the cases failing an indicator (the reason in the reader's language) and
 * supervises one of the Xihu judge's cases (督办); the judge reports back from the case page. The
 * judge entrusts a seal to the Haishu court (事项委托), whose judge accepts and completes it from
 * 委托事项; the Xihu judge sees the result on the case. Xihu's president registers a petition
 * (信访) and concludes it, and the petitions indicator moves on the desk each time. The big
 * screen (大屏) shows today's counters and draws its charts, and a refresh feeds the same charts.
 */
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
afterEach(async (t) => reportFailure(t, browser));
after(async () => {
  await browser.close();
});

async function apiToken(username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'zhixing-demo' }),
  });
  assert.equal(res.status, 200);
  return ((await res.json()) as { token: string }).token;
}

async function api<T>(token: string, path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200, `${path}: ${res.status} ${await res.clone().text()}`);
  return (await res.json()) as T;
}

async function serverToday(): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/clock`);
  return ((await res.json()) as { today: string }).today;
}

type CaseItem = { id: string; caseNumber: string; status: string };
type Failing = {
  items: { caseId: string; caseNumber: string; reasonLabel: { zh: string; en: string } }[];
  total: number;
};
type CaseCommand = {
  supervisions: { id: string; state: string; dueDate: string }[];
  entrustments: { id: string; state: string; toCourt: { name: string }; result: string | null }[];
  petitions: { id: string; state: string }[];
};

/** The Xihu judge's own cases (on the team), open ones first. */
async function judgeCases(judgeToken: string): Promise<CaseItem[]> {
  const list = await api<{ items: CaseItem[] }>(
    judgeToken,
    '/api/v1/cases?mine=true&pageSize=200&sort=deadline',
  );
  return list.items;
}

/** The numerator and denominator an indicator card shows. */
async function cardCount(page: Page, code: string): Promise<{ numerator: number; denominator: number }> {
  const card = page.getByTestId(`indicator-${code}`);
  await card.locator('[data-testid="indicator-value"]').waitFor();
  return {
    numerator: Number(await card.getAttribute('data-numerator')),
    denominator: Number(await card.getAttribute('data-denominator')),
  };
}

async function waitForCardCount(
  page: Page,
  code: string,
  expected: { numerator: number; denominator: number },
): Promise<void> {
  const card = page.locator(
    `[data-testid="indicator-${code}"][data-numerator="${expected.numerator}"][data-denominator="${expected.denominator}"]`,
  );
  await card.waitFor({ timeout: 15_000 });
}

async function courtName(page: Page): Promise<string> {
  return (await page.getByTestId('command-court-name').textContent()) ?? '';
}

async function waitForCourt(page: Page, name: string): Promise<void> {
  await page.getByTestId('command-court-name').filter({ hasText: name }).waitFor();
  await page.getByTestId('indicator-cards').locator('[data-testid="indicator-value"]').first().waitFor();
}

function row(table: Locator, key: string): Locator {
  return table.locator(`tr[data-row-key="${key}"]`);
}

/** Adds names to a tags Select (document names), as a user types them. */
async function addTags(page: Page, select: Locator, names: string[]): Promise<void> {
  await select.click();
  for (const name of names) {
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
  }
}

test('the province drills down to Xihu and supervises a failing case; the judge reports back', async () => {
  const [centreToken, judgeToken] = await Promise.all([apiToken('zj.command'), apiToken('xihu.judge')]);
  const mine = new Set((await judgeCases(judgeToken)).map((c) => c.id));
  // A failing Xihu case of the judge's team, and the page of the desk's list (ten a page) it is on.
  let found: { code: string; index: number; item: Failing['items'][number] } | undefined;
  for (const code of ['assetCasesConcluded', 'overallConcluded', 'terminationQualified']) {
    const failing = await api<Failing>(
      centreToken,
      `/api/v1/command/indicators/${code}/failing?court=${encodeURIComponent('浙0106')}&limit=200&offset=0`,
    );
    const index = failing.items.findIndex((item) => mine.has(item.caseId));
    const item = failing.items[index];
    if (item) {
      found = { code, index, item };
      break;
    }
  }
  assert.ok(found, "a case of the judge's fails an indicator");
  const { code, item: target } = found;
  const page = Math.floor(found.index / 10) + 1;

  // 1. The centre opens its desk: the province's four indicators, each with its target.
  const centre = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(centre, 'zj.command');
  await centre.getByRole('menuitem', { name: '指挥中心' }).click();
  await centre.waitForURL(/\/command$/);
  await waitForCourt(centre, '浙江省高级人民法院');
  for (const [indicator, target] of [
    ['assetCasesConcluded', '≥ 90%'],
    ['terminationQualified', '≥ 90%'],
    ['petitionsConcluded', '≥ 90%'],
    ['overallConcluded', '≥ 80%'],
  ] as const) {
    const card = centre.getByTestId(`indicator-${indicator}`);
    assert.match((await card.getByTestId('indicator-target').textContent()) ?? '', new RegExp(target));
    assert.match((await card.getByTestId('indicator-value').textContent()) ?? '', /^(\d+\.\d%|—)$/);
    assert.match((await card.getByTestId('indicator-count').textContent()) ?? '', /^\d+ \/ \d+ 件$/);
  }
  await centre.getByTestId('trend-chart').locator('canvas').first().waitFor();

  // 2. Drill down 浙 → 浙01 → 浙0106, up again by the breadcrumb, and down once more.
  await centre.getByTestId('child-courts').getByTestId('drill-浙01').click();
  await waitForCourt(centre, '杭州市中级人民法院');
  await centre.getByTestId('child-courts').getByTestId('drill-浙0106').click();
  await waitForCourt(centre, '杭州市西湖区人民法院');
  assert.match(centre.url(), /court=%E6%B5%990106|court=浙0106/);
  const crumbs = centre.getByTestId('command-breadcrumb');
  assert.deepEqual(
    (await crumbs.locator('.ant-breadcrumb-link').allTextContents()).map((s) => s.trim()),
    ['浙江省高级人民法院', '杭州市中级人民法院', '杭州市西湖区人民法院'],
  );
  await crumbs.getByTestId('crumb-浙01').click();
  await waitForCourt(centre, '杭州市中级人民法院');
  await centre.goBack();
  await waitForCourt(centre, '杭州市西湖区人民法院');
  assert.match(await courtName(centre), /杭州市西湖区人民法院/);

  // 3. The cases failing the indicator, with the reason in Chinese — and in English on switching.
  await centre.getByTestId(`indicator-failing-${code}`).click();
  const table = centre.getByTestId('failing-table');
  await table.locator('tr.ant-table-row').first().waitFor();
  if (page > 1) await table.locator(`.ant-pagination-item-${page}`).click();
  const targetRow = row(table, `${target.caseId}:`);
  await targetRow.waitFor();
  assert.equal(await targetRow.getByTestId('failing-reason').textContent(), target.reasonLabel.zh);
  await centre.getByTestId('language-switch').getByText('EN').click();
  await targetRow.getByTestId('failing-reason').filter({ hasText: target.reasonLabel.en }).waitFor();
  await centre.getByTestId('language-switch').getByText('中文').click();
  await targetRow.getByTestId('failing-reason').filter({ hasText: target.reasonLabel.zh }).waitFor();

  // 4. 督办: demands and a report-by date (a China date on the server's clock).
  const dueDate = addCalendarDays(await serverToday(), 7);
  await targetRow.getByTestId(`supervise-${target.caseId}`).click();
  const dialog = centre.getByRole('dialog');
  await dialog.getByTestId('supervise-demands').fill('请于七日内报告未执结原因及下一步财产处置计划。');
  // The date is the form's only input: Enter after typing it submits the form, as in any form.
  await typeDate(centre, '[data-testid="supervise-form"] input#dueDate', dueDate);
  const isSubmitted = await dialog
    .waitFor({ state: 'detached', timeout: 5000 })
    .then(() => true)
    .catch(() => false);
  if (!isSubmitted) {
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.waitFor({ state: 'detached' });
  }
  const opened = await api<CaseCommand>(judgeToken, `/api/v1/command/cases/${target.caseId}`);
  const supervision = opened.supervisions.find((s) => s.state === 'open' && s.dueDate === dueDate);
  assert.ok(supervision, 'the case has an open supervision due on the date picked');

  await centre.getByRole('tab', { name: '督办台账' }).click();
  const ledger = centre.getByTestId('supervisions-table');
  await row(ledger, supervision.id).locator('[data-testid="supervision-state"][data-state="open"]').waitFor();

  // 5. The judge reports back from the case page.
  const judge = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(judge, 'xihu.judge');
  await judge.goto(`${baseUrl}/cases/${target.caseId}`);
  await judge.getByRole('tab', { name: '督办与委托' }).click();
  const caseLedger = judge.getByTestId('case-supervisions');
  await caseLedger.getByTestId(`report-${supervision.id}`).click();
  const reportText = '已查明被执行人名下车辆一辆，拟于本周内查封并启动评估。';
  await judge.getByRole('dialog').getByTestId('report-form-text').fill(reportText);
  await judge.getByRole('dialog').locator('.ant-modal-footer .ant-btn-primary').click();
  await judge.getByRole('dialog').waitFor({ state: 'detached' });
  await row(caseLedger, supervision.id)
    .locator('[data-testid="supervision-state"][data-state="reported"]')
    .waitFor();
  await caseLedger.getByTestId('supervision-report').filter({ hasText: reportText }).waitFor();

  // 6. The centre's ledger shows the report.
  await centre.reload();
  await centre.getByRole('tab', { name: '督办台账' }).click();
  const reported = row(centre.getByTestId('supervisions-table'), supervision.id);
  await reported.locator('[data-testid="supervision-state"][data-state="reported"]').waitFor();
  await reported.locator('.ant-table-row-expand-icon').click();
  await centre.getByTestId('supervision-report').filter({ hasText: reportText }).waitFor();
  await centre.close();
  await judge.close();
});

test('Xihu entrusts a seal to Haishu, which accepts and completes it; Xihu sees the result', async () => {
  const judgeToken = await apiToken('xihu.judge');
  const open = (await judgeCases(judgeToken)).find((c) => c.status === 'inProgress');
  assert.ok(open, 'the judge has a case in progress');

  // 1. The Xihu judge entrusts a seal from the case page.
  const judge = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(judge, 'xihu.judge');
  await judge.goto(`${baseUrl}/cases/${open.id}?tab=command`);
  await judge.getByTestId('entrust-button').click();
  const dialog = judge.getByRole('dialog');
  await dialog.locator('input#toCourt').fill('浙0203');
  await dialog.getByTestId('entrust-details').fill('请查封被执行人位于宁波市海曙区鼓楼街道的房产一处。');
  await addTags(judge, dialog.getByTestId('entrust-documents'), ['协助执行通知书', '执行裁定书']);
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await dialog.waitFor({ state: 'detached' });
  const sent = await api<CaseCommand>(judgeToken, `/api/v1/command/cases/${open.id}`);
  const entrustment = sent.entrustments.find(
    (e) => e.state === 'sent' && e.toCourt.name === '宁波市海曙区人民法院',
  );
  assert.ok(entrustment, 'the entrustment is sent to Haishu');
  const caseTable = judge.getByTestId('case-entrustments-table');
  await row(caseTable, entrustment.id)
    .locator('[data-testid="entrustment-state"][data-state="sent"]')
    .waitFor();

  // 2. The Haishu judge finds it under 委托事项, accepts it and reports the result.
  const haishu = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(haishu, 'haishu.judge');
  await haishu.getByRole('menuitem', { name: '委托事项' }).click();
  await haishu.waitForURL(/\/command\/entrustments/);
  const incoming = row(haishu.getByTestId('entrustments-table'), entrustment.id);
  await incoming.getByTestId(`entrustment-accept-${entrustment.id}`).click();
  await incoming.locator('[data-testid="entrustment-state"][data-state="accepted"]').waitFor();
  await incoming.getByTestId(`entrustment-complete-${entrustment.id}`).click();
  const result = '已于今日查封该房产，查封期限三年，已向不动产登记中心送达协助执行通知书。';
  const completeDialog = haishu.getByRole('dialog');
  await completeDialog.getByTestId('entrustment-complete-form-text').fill(result);
  await addTags(haishu, completeDialog.getByTestId('entrustment-complete-form-names'), ['查封回执']);
  await completeDialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await completeDialog.waitFor({ state: 'detached' });
  await incoming.locator('[data-testid="entrustment-state"][data-state="completed"]').waitFor();

  // 3. The Xihu judge sees the result on the case.
  await judge.reload();
  const done = row(judge.getByTestId('case-entrustments-table'), entrustment.id);
  await done.locator('[data-testid="entrustment-state"][data-state="completed"]').waitFor();
  await done.locator('.ant-table-row-expand-icon').click();
  await judge.getByTestId('entrustment-result').filter({ hasText: result }).waitFor();
  await judge.getByTestId('entrustment-details').filter({ hasText: '《查封回执》' }).waitFor();
  await judge.close();
  await haishu.close();
});

test("a petition registered and concluded by Xihu's president moves the petitions indicator", async () => {
  const judgeToken = await apiToken('xihu.judge');
  const [chosen] = await judgeCases(judgeToken);
  assert.ok(chosen, 'Xihu has a case');
  const code = 'petitionsConcluded';

  const president = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(president, 'xihu.president');
  await president.getByRole('menuitem', { name: '指挥中心' }).click();
  await waitForCourt(president, '杭州市西湖区人民法院');
  const before = await cardCount(president, code);

  // 1. 登记: the case is found by its number.
  await president.getByRole('tab', { name: '信访' }).click();
  await president.getByTestId('petition-register').click();
  const dialog = president.getByRole('dialog');
  await dialog.getByTestId('petition-case').click();
  await president.keyboard.type(chosen.caseNumber);
  await president
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: chosen.caseNumber })
    .first()
    .click();
  const summary = `反映执行款迟迟未发放（${Date.now()}）`;
  await dialog.getByTestId('petition-petitioner').fill('申请执行人代理人');
  await dialog.getByTestId('petition-summary').fill(summary);
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await dialog.waitFor({ state: 'detached' });
  await waitForCardCount(president, code, {
    numerator: before.numerator,
    denominator: before.denominator + 1,
  });

  // 2. 办结 with a resolution: the petition now passes.
  const petitions = president.getByTestId('petitions-table');
  const petitionRow = petitions.locator('tr.ant-table-row').filter({ hasText: summary });
  await petitionRow.locator('[data-testid="petition-state"][data-state="open"]').waitFor();
  await petitionRow.locator('[data-testid^="petition-conclude-"]').click();
  await president
    .getByRole('dialog')
    .getByTestId('petition-conclude-form-text')
    .fill('已约谈申请执行人，执行款将于五个工作日内发放。');
  await president.getByRole('dialog').locator('.ant-modal-footer .ant-btn-primary').click();
  await president.getByRole('dialog').waitFor({ state: 'detached' });
  await petitionRow.locator('[data-testid="petition-state"][data-state="concluded"]').waitFor();
  await waitForCardCount(president, code, {
    numerator: before.numerator + 1,
    denominator: before.denominator + 1,
  });
  await president.close();
});

test("the province's warnings: red ones first, the special cases on their own", async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(page, 'zj.command');
  await page.getByRole('menuitem', { name: '指挥中心' }).click();
  await waitForCourt(page, '浙江省高级人民法院');
  await page.getByRole('tab', { name: '预警' }).click();
  const table = page.getByTestId('warnings-table');
  // The demo's morning scan found overdue deadlines and cases without a step for long.
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  const first = table.locator('tbody tr.ant-table-row').first();
  assert.equal(await first.locator('.ant-tag').filter({ hasText: '红色预警' }).count(), 1, 'red first');
  await page.getByTestId('warnings-special').click();
  const rows = table.locator('tbody tr.ant-table-row');
  for (let waited = 0; ; waited += 200) {
    const texts = await rows.allTextContents();
    if (texts.length > 0 && texts.every((text) => /涉党政机关|涉军|涉民生/.test(text))) break;
    assert.ok(waited < 15_000, `only special cases are listed: ${texts.slice(0, 3).join(' | ')}`);
    await page.waitForTimeout(200);
  }
  await page.close();
});

test('the big screen shows the counters, draws its charts and survives a refresh', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(page, 'zj.command');
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await page.goto(`${baseUrl}/command/screen`);
  await page.getByTestId('screen-title').filter({ hasText: '浙江省高级人民法院' }).waitFor();
  for (const counter of ['filed', 'closed', 'inquiriesCompleted', 'receivedFen', 'listed']) {
    const text =
      (await page.getByTestId(`live-${counter}`).locator('.cmd-screen-counter-value').textContent()) ?? '';
    assert.match(text, /^[\d,]+/, `${counter} shows a number`);
  }
  const charts = ['screen-gauges', 'screen-tiles', 'screen-ranking', 'screen-trend'];
  for (const chart of charts) await page.getByTestId(chart).locator('canvas').first().waitFor();
  assert.match((await page.getByTestId('screen-clock').textContent()) ?? '', /\d\d:\d\d:\d\d/);

  // Mark each chart's canvas: after the next 30-second refresh the same canvases must still be
  // there (the instance fed with setOption, not made again), and no more of them.
  const countCanvases = () => page.locator('[data-testid^="screen-"] canvas').count();
  const before = await countCanvases();
  await page.locator('[data-testid^="screen-"] canvas').evaluateAll((canvases) => {
    for (const canvas of canvases) canvas.setAttribute('data-mark', 'first');
  });
  await page.waitForResponse((response) => response.url().includes('/api/v1/command/live'), {
    timeout: 45_000,
  });
  await page.waitForTimeout(1500);
  assert.equal(await countCanvases(), before, 'no canvas is added by a refresh');
  assert.equal(await page.locator('[data-testid^="screen-"] canvas:not([data-mark="first"])').count(), 0);
  await page.getByTestId('screen-updated').waitFor();
  assert.deepEqual(problems, [], `no console errors: ${problems.join('\n')}`);
  await page.close();
});
