import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { connectSimBank, payIn, type SimBank, simAdminToken } from './sim-bank.ts';
import { api, auditAccessibility, baseUrl, launchBrowser, reportFailure, signIn } from './support.ts';

/**
 * 自行处置 journey (善意文明执行意见, 法发〔2019〕35号): on a demo case of xihu.judge with a sealed
 * flat, the judge lets the respondent sell it itself within 30 days (of the 60 at most) at a lowest
 * price and records the buyer at that price. The buyer pays part of the price into the case
 * account at the simulated bank: the sale is still 处置中 and the seal in force. The rest arrives:
 * the whole price releases the seal, and the tab follows the release until it shows 已完成.
 */
let browser: Browser;
let bank: SimBank | null = null;
const token = simAdminToken();

before(async () => {
  browser = await launchBrowser();
  assert.ok(token, 'ZHIXING_SIM_ADMIN_TOKEN is set (scripts/run-e2e.ts sets it)');
  bank = await connectSimBank(token);
});
afterEach(async (t) => reportFailure(t, browser));
after(async () => {
  await browser.close();
});

type Asset = { assetId: string; assetType: string; identifier: string; valuationId: string | null };
type CaseValuations = {
  items: { assetId: string; method: string; state: string }[];
  assets: Asset[];
};
type CaseLots = { items: { assetId: string; state: string }[] };

async function tokenOf(username: string): Promise<string> {
  return (
    await api<{ token: string }>('/api/v1/auth/login', { body: { username, password: 'zhixing-demo' } })
  ).token;
}

/**
 * A sealed flat of the judge's demo cases that is in no lot and that the auction journeys do not
 * use (they take the first flat priced by online inquiry and the first flat not yet valued). When
 * the demo has none to spare, the journey seals one itself: it queries a case's institutions and
 * seals a flat they report, as an officer does on the inquiry tab.
 */
async function findSealedFlat(judgeToken: string): Promise<{ caseId: string; asset: Asset }> {
  const list = await api<{ items: { id: string }[] }>(
    '/api/v1/cases?mine=true&status=inProgress&pageSize=100',
    { token: judgeToken },
  );
  const candidates: { caseId: string; asset: Asset }[] = [];
  let firstUnvalued: string | null = null;
  const inquired = new Set<string>();
  for (const c of list.items) {
    const v = await api<CaseValuations>(`/api/v1/cases/${c.id}/valuations`, { token: judgeToken });
    const lots = await api<CaseLots>(`/api/v1/cases/${c.id}/lots`, { token: judgeToken });
    for (const x of v.items)
      if (x.method === 'onlineInquiry' && x.state === 'priced') inquired.add(x.assetId);
    for (const a of v.assets) {
      if (a.assetType !== 'realEstate') continue;
      if (a.valuationId === null && firstUnvalued === null) firstUnvalued = a.assetId;
      if (lots.items.some((l) => l.assetId === a.assetId)) continue;
      candidates.push({ caseId: c.id, asset: a });
    }
  }
  const free = candidates.filter((c) => c.asset.assetId !== firstUnvalued && !inquired.has(c.asset.assetId));
  const found = free.at(-1);
  if (found) return found;
  // From the last case backwards: the first ones are the other journeys'.
  const cases = [...list.items].reverse().map((c) => c.id);
  for (const caseId of cases) {
    const flat = await freeFlatOf(judgeToken, caseId);
    const sealed = flat ? await seal(judgeToken, caseId, flat) : null;
    if (sealed) return { caseId, asset: sealed };
  }
  // No institution answered for those cases yet: query a few of them, all at once.
  const asked = cases.slice(0, 10);
  for (const caseId of asked) {
    await api(`/api/v1/cases/${caseId}/inquiries`, {
      token: judgeToken,
      body: { purpose: '自行处置前查控财产' },
    });
  }
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    for (const caseId of asked) {
      const flat = await freeFlatOf(judgeToken, caseId);
      const sealed = flat ? await seal(judgeToken, caseId, flat) : null;
      if (sealed) return { caseId, asset: sealed };
    }
  }
  assert.fail('no demo case of the judge has a flat to seal');
}

type Measure = { id: string; assetId: string; state: string };

/** A flat the institutions reported for the case that no measure holds yet. */
async function freeFlatOf(judgeToken: string, caseId: string): Promise<string | null> {
  const { items } = await api<{ items: { id: string; assetType: string }[] }>(
    `/api/v1/cases/${caseId}/assets`,
    { token: judgeToken },
  );
  const measures = await api<{ items: Measure[] }>(`/api/v1/cases/${caseId}/measures`, { token: judgeToken });
  const taken = new Set(measures.items.map((m) => m.assetId));
  return items.find((a) => a.assetType === 'realEstate' && !taken.has(a.id))?.id ?? null;
}

/** Seals the flat, as an officer does on the inquiry tab, and waits until the seal is in force. */
async function seal(judgeToken: string, caseId: string, assetId: string): Promise<Asset | null> {
  const created = await api<{ id: string }>(`/api/v1/cases/${caseId}/measures`, {
    token: judgeToken,
    body: { assetId, kind: 'seal' },
  });
  for (let i = 0; i < 60; i++) {
    const { items } = await api<{ items: Measure[] }>(`/api/v1/cases/${caseId}/measures`, {
      token: judgeToken,
    });
    const state = items.find((m) => m.id === created.id)?.state;
    if (state === 'inForce') break;
    // Queued behind another court's seal: not this journey's flat.
    if (state !== 'requested') return null;
    await new Promise((r) => setTimeout(r, 500));
  }
  const v = await api<CaseValuations>(`/api/v1/cases/${caseId}/valuations`, { token: judgeToken });
  return v.assets.find((a) => a.assetId === assetId) ?? null;
}

function amountInput(scope: Page | Locator, testId: string): Locator {
  return scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/** The tab follows a seal being lifted by itself; a payment while open is fetched with 刷新. */
async function refreshUntil(page: Page, target: Locator, seconds = 60): Promise<void> {
  for (let i = 0; i < seconds && (await target.count()) === 0; i++) {
    await page.waitForTimeout(1000);
    await page.getByTestId('self-disposal-refresh').click();
  }
  await target.first().waitFor();
}

test('the judge grants a self-disposal of a sealed flat; the full price paid releases the seal', async () => {
  assert.ok(bank);
  const judgeToken = await tokenOf('xihu.judge');
  const { caseId, asset } = await findSealedFlat(judgeToken);

  // Its own context: axe reads the page through it.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const judge = await context.newPage();
  await signIn(judge, 'xihu.judge');
  await judge.goto(`${baseUrl}/cases/${caseId}?tab=selfDisposal`);
  const panel = judge.getByTestId('self-disposal-panel');
  await panel.waitFor();

  // 1. The judge grants 30 days (善意文明执行意见: at most 60) at a lowest price of ¥1,500,000.00.
  await panel.getByTestId('self-disposal-grant').click();
  let dialog = judge.getByRole('dialog');
  await dialog.getByTestId('self-disposal-create-form').waitFor();
  assert.match((await dialog.textContent()) ?? '', /最长60日/);
  await dialog.getByTestId('self-disposal-asset').click();
  await judge
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: asset.identifier })
    .first()
    .click();
  await amountInput(dialog, 'self-disposal-days').fill('30');
  await amountInput(dialog, 'self-disposal-lowest-price').fill('1500000');
  await dialog.getByTestId('self-disposal-create-submit').click();
  await dialog.waitFor({ state: 'detached' });

  const row = panel.getByTestId('self-disposal-items').locator('tbody tr.ant-table-row').first();
  await row.locator('[data-testid="self-disposal-state"][data-state="open"]').waitFor();
  assert.match((await row.textContent()) ?? '', /30日/);
  assert.match((await row.textContent()) ?? '', /¥1,500,000\.00/);
  assert.match((await row.textContent()) ?? '', /处置中/);
  const accountNumber = (await row.getByTestId('self-disposal-account').textContent())?.trim() ?? '';
  assert.ok(accountNumber, 'the case account the buyer pays into is shown');

  // 2. The buyer agreed at the lowest price: below it the form refuses, at it the sale is recorded.
  await row.getByRole('button', { name: /登记买受人/ }).click();
  dialog = judge.getByRole('dialog');
  await dialog.getByTestId('self-disposal-buyer').fill('李买受');
  await amountInput(dialog, 'self-disposal-price').fill('1499999.99');
  await dialog.getByTestId('self-disposal-sale-submit').click();
  await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '不得低于最低价' }).waitFor();
  await amountInput(dialog, 'self-disposal-price').fill('1500000');
  await dialog.getByTestId('self-disposal-sale-submit').click();
  await dialog.waitFor({ state: 'detached' });
  await row.getByTestId('self-disposal-sale').filter({ hasText: '李买受' }).waitFor();

  // 3. Part of the price arrives: still 处置中, the seal in force.
  const stamp = Date.now();
  await payIn(bank, {
    toAccount: accountNumber,
    amountFen: 50_000_000,
    payerName: '李买受',
    serial: `SD-${stamp}-1`,
  });
  await refreshUntil(judge, row.locator('[data-testid="self-disposal-paid"][data-fen="50000000"]'));
  assert.equal(await row.getByTestId('self-disposal-state').getAttribute('data-state'), 'open');
  assert.match((await row.getByTestId('self-disposal-state').textContent()) ?? '', /处置中/);
  assert.equal(await row.getByTestId('self-disposal-seal').getAttribute('data-in-force'), 'true');

  // 4. The rest arrives: paid, the seal is lifted at the registry, and the tab follows it to 已完成.
  await payIn(bank, {
    toAccount: accountNumber,
    amountFen: 100_000_000,
    payerName: '李买受',
    serial: `SD-${stamp}-2`,
  });
  await refreshUntil(
    judge,
    row.locator(
      '[data-testid="self-disposal-state"][data-state="paid"], [data-testid="self-disposal-state"][data-state="completed"]',
    ),
  );
  // No more clicks: the list polls while the seal is being lifted.
  await row
    .locator('[data-testid="self-disposal-state"][data-state="completed"]')
    .waitFor({ timeout: 90_000 });
  assert.match((await row.getByTestId('self-disposal-state').textContent()) ?? '', /已完成（已解封）/);
  // The registry answers the lift through the inquiry queue, which may be busy with a batch: the
  // panel keeps polling until the seal shows released.
  await row
    .locator('[data-testid="self-disposal-seal"][data-in-force="false"]')
    .waitFor({ timeout: 180_000 });
  assert.equal(await row.getByTestId('self-disposal-paid').getAttribute('data-fen'), '150000000');
  await auditAccessibility(judge, 'the self-disposal tab', '[data-testid="self-disposal-panel"]');
});
