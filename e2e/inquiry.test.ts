import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { formatYuan } from '../src/kernel/index.ts';
import { baseUrl, launchBrowser, reportFailure, signIn } from './support.ts';

/**
 * Issue journey (online inquiry): a judge opens a case, queries all institutions, watches the
 * feedback list fill in, freezes a deposit and seals a flat, and finds both among the measures,
 * on the asset graph and on the case timeline with their notices; then runs a batch of 200
 * cases from the workbench and watches its progress to the end.
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
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return (await res.json()) as T;
}

type Asset = { id: string; assetType: string; availableFen?: number };
type Measure = { id: string; kind: string; state: string; assetId: string };

/** Launches an inquiry from the case page and waits for every institution to answer. */
async function queryAllInstitutions(page: Page, caseId: string): Promise<void> {
  await page.goto(`${baseUrl}/cases/${caseId}?tab=inquiry`);
  await page.getByTestId('launch-inquiry').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('inquiry-purpose').fill('查明被执行人财产状况，以便采取控制措施');
  await dialog.getByRole('button', { name: /网络查控/ }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('inquiry-progress').getByText('100%').waitFor({ timeout: 120_000 });
}

test('a judge queries all institutions, freezes a deposit and seals a flat', async () => {
  const token = await apiToken('xihu.judge');
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(page, 'xihu.judge');
  const open = await api<{ items: { id: string }[] }>(
    token,
    '/api/v1/cases?mine=true&status=inProgress&pageSize=50',
  );
  assert.ok(open.items.length > 0, 'the demo judge has open cases');

  // Not every debtor owns both a bank deposit and a flat: query case after case until one does.
  let chosen: { caseId: string; deposit: Asset; flat: Asset } | null = null;
  for (const c of open.items.slice(0, 12)) {
    await queryAllInstitutions(page, c.id);
    const rows = page.getByTestId('feedback-table').locator('tbody tr.ant-table-row');
    const assets = await api<{ items: Asset[] }>(token, `/api/v1/cases/${c.id}/assets`);
    // The list refetches when the progress reaches 100%: give it a moment to render the answers.
    const expected = Math.min(assets.items.length, 20); // the list pages by 20
    let shown = await rows.count();
    for (let i = 0; i < 40 && shown !== expected; i++) {
      await page.waitForTimeout(250);
      shown = await rows.count();
    }
    assert.equal(shown, expected, 'the feedback list shows every answered asset');
    const taken = new Set(
      (await api<{ items: Measure[] }>(token, `/api/v1/cases/${c.id}/measures`)).items.map((m) => m.assetId),
    );
    const deposit = assets.items.find((a) => a.assetType === 'deposit' && !taken.has(a.id));
    const flat = assets.items.find((a) => a.assetType === 'realEstate' && !taken.has(a.id));
    if (deposit && flat) {
      chosen = { caseId: c.id, deposit, flat };
      break;
    }
  }
  assert.ok(chosen, 'some debtor among the first open cases owns a deposit and a flat');
  const { caseId, deposit, flat } = chosen;

  await page.getByTestId(`measure-freeze-${deposit.id}`).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByTestId('measure-amount').waitFor();
  await dialog.getByRole('button', { name: /^冻\s*结$/ }).click();
  await dialog.waitFor({ state: 'detached' });

  await page.getByTestId(`measure-seal-${flat.id}`).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /^查\s*封$/ }).click();
  await dialog.waitFor({ state: 'detached' });

  // Both measures reach the institution and come back in force (or queued behind another court).
  let measures: Measure[] = [];
  for (let i = 0; i < 120; i++) {
    measures = (await api<{ items: Measure[] }>(token, `/api/v1/cases/${caseId}/measures`)).items;
    const ours = measures.filter((m) => m.assetId === deposit.id || m.assetId === flat.id);
    if (ours.length === 2 && ours.every((m) => m.state !== 'requested')) break;
    await page.waitForTimeout(500);
  }
  const freeze = measures.find((m) => m.kind === 'freeze' && m.assetId === deposit.id);
  const seal = measures.find((m) => m.kind === 'seal' && m.assetId === flat.id);
  assert.ok(freeze && ['inForce', 'rejected'].includes(freeze.state), `freeze ${freeze?.state}`);
  assert.ok(seal && ['inForce', 'queued'].includes(seal.state), `seal ${seal?.state}`);

  // Without a reload, the feedback list shows what is still available once the freeze is answered.
  if (freeze.state === 'inForce') {
    const fresh = (await api<{ items: Asset[] }>(token, `/api/v1/cases/${caseId}/assets`)).items.find(
      (a) => a.id === deposit.id,
    );
    const row = page.getByTestId('feedback-table').locator(`tr[data-row-key="${deposit.id}"]`);
    await row
      .getByText(`¥${formatYuan(fresh?.availableFen ?? 0)}`)
      .first()
      .waitFor({ timeout: 15_000 });
    assert.equal(
      await row.getByTestId(`measure-freeze-${deposit.id}`).count(),
      0,
      'frozen: no second freeze button',
    );
  }

  await page.locator('.ant-segmented-item').filter({ hasText: '控制措施' }).click();
  const measureRows = page.getByTestId('measures-table').locator('tbody tr');
  await measureRows.filter({ hasText: '冻结' }).first().waitFor();
  await measureRows.filter({ hasText: '查封' }).first().waitFor();

  await page.locator('.ant-segmented-item').filter({ hasText: '财产线索图' }).click();
  await page.getByTestId('asset-graph').locator('canvas').first().waitFor();

  // The notices are in the dossier: the timeline records the controlled assets with their documents.
  for (let i = 0; i < 60; i++) {
    const detail = await api<{ nodes: { kind: string; documents: { name: string }[] }[] }>(
      token,
      `/api/v1/cases/${caseId}`,
    );
    const docs = detail.nodes.filter((n) => n.kind === 'assetControlled').flatMap((n) => n.documents);
    if (docs.length > 0) break;
    assert.ok(i < 59, 'the timeline records the controlled assets');
    await page.waitForTimeout(1000);
  }
  await page.close();
});

test('a batch of 200 cases runs from the workbench with a live progress bar', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(page, 'xihu.judge');
  await page.goto(`${baseUrl}/workbench?mine=false&pageSize=100`);
  const table = page.getByTestId('case-table');
  await table.locator('tbody tr').nth(99).waitFor();
  await table.locator('thead input[type=checkbox]').check();
  const firstOfPageOne = await table.locator('tbody tr.ant-table-row').first().getAttribute('data-row-key');
  await page.locator('.ant-pagination-item-2').click();
  await page.waitForURL(/page=2/);
  await table
    .locator(`tbody tr.ant-table-row[data-row-key="${firstOfPageOne}"]`)
    .waitFor({ state: 'detached' });
  await table.locator('tbody tr.ant-table-row').nth(99).waitFor();
  await table.locator('thead input[type=checkbox]').check();
  const launch = page.getByTestId('batch-inquiry-button');
  assert.match((await launch.textContent()) ?? '', /200/);
  await launch.click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input').first().fill('批量查询被执行人财产');
  await dialog.getByRole('button', { name: /批量查控/ }).click();
  const progress = dialog.getByTestId('batch-progress');
  await progress.waitFor().catch(async (err) => {
    await page.screenshot({ path: '/tmp/shots/e2e-batch.png' });
    throw err;
  });
  const answered = progress.getByTestId('batch-answered');
  await answered.waitFor();
  const first = Number(await answered.textContent());
  // Wait for the batch to end: every request answered, failed or expired.
  await progress.getByText('批量查控完成').waitFor({ timeout: 600_000 });
  const last = Number(await answered.textContent());
  assert.ok(last > first, `the count of answers moved (${first} → ${last})`);
  await page.close();
});
