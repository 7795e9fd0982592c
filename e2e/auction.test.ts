import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { formatYuan, makeIdNumber, yuanToFen } from '../src/kernel/index.ts';
import { baseUrl, launchBrowser, reportFailure, signIn } from './support.ts';

/**
 * Disposal journey (处置 → 网络司法拍卖): on a demo case the judge finds the online inquiry's reports
 * with their on-time flags, then on another case starts the valuation of a sealed flat (a negotiated
 * price fixes it at once) and announces a lot from it — the server's refusal of a starting price
 * under 70% of the reference price shown beside that field. On the public site, on a phone, the lot
 * is found, a bidder registers (the server's ID-number check shown beside its field), pays the
 * deposit and bids the pre-filled minimum. Two more pages watch the lot — one in Los Angeles with a
 * wrong clock: a bid in the last five minutes reaches both, and both see the end move; after the
 * close both show the winner by bidder number, and the court sees who it is.
 *
 * The journey moves the demo clock forward by a month (the 30-day announcement of real estate), so
 * it runs after the journeys that do not.
 */
let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});
afterEach(async (t) => reportFailure(t, browser));
after(async () => {
  await browser.close();
});

type Asset = { assetId: string; assetType: string; identifier: string; valuationId: string | null };
type Valuation = {
  id: string;
  assetId: string;
  method: string;
  state: string;
  referencePriceFen: number | null;
  reports: { platformName: string; onTime: boolean }[];
};
type CaseValuations = { items: Valuation[]; assets: Asset[] };
type PublicLot = {
  id: string;
  state: string;
  startingPriceFen: number;
  incrementFen: number;
  depositFen: number;
  currentPriceFen: number;
  bidCount: number;
  biddingStartsAt: string;
  biddingEndsAt: string;
  endsAt: string;
  serverNow: string;
  winnerBidderNumber: string | null;
};

async function call<T>(
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: opts.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...opts.headers,
    },
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function api<T>(path: string, opts: { token?: string; body?: unknown } = {}): Promise<T> {
  const { status, body } = await call<T>(path, opts);
  assert.ok(status === 200 || status === 201, `${path}: ${status} ${JSON.stringify(body)}`);
  return body;
}

async function tokenOf(username: string): Promise<string> {
  return (
    await api<{ token: string }>('/api/v1/auth/login', { body: { username, password: 'zhixing-demo' } })
  ).token;
}

/** Moves the demo clock forward to `targetMs` (the administrator's demo route); never back. */
async function advanceClockTo(adminToken: string, targetMs: number): Promise<void> {
  const { now } = await api<{ now: string }>('/api/v1/clock');
  const seconds = Math.ceil((targetMs - Date.parse(now)) / 1000);
  if (seconds > 0) await api('/api/v1/demo/clock', { token: adminToken, body: { advanceSeconds: seconds } });
}

const publicLot = (lotId: string) => api<PublicLot>(`/api/v1/auction/lots/${lotId}`);
const yuan = (fen: number) => `¥${formatYuan(fen)}`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An amount input (YuanInput) by its test id, wherever antd put the attribute. */
function amountInput(scope: Page | Locator, testId: string): Locator {
  return scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

function fieldError(page: Page, scope: Page | Locator, testId: string): Locator {
  return scope
    .locator('.ant-form-item')
    .filter({ has: page.locator(`[data-testid="${testId}"]`) })
    .locator('.ant-form-item-explain-error');
}

/** Clicks the primary button of the open confirmation (antd `modal.confirm`). */
async function confirm(page: Page): Promise<void> {
  const dialog = page.locator('.ant-modal-confirm');
  await dialog.waitFor();
  // On a busy machine a click during the dialog's opening animation can be lost; the dialog closes
  // as soon as a click lands (its onOk returns at once), so a dialog still open was never confirmed.
  for (let attempt = 1; ; attempt++) {
    await dialog.locator('.ant-btn-primary').click();
    try {
      await dialog.waitFor({ state: 'detached', timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** The demo cases of the judge with sealed assets: one valued by online inquiry, one not yet valued. */
async function findDemoAssets(judgeToken: string) {
  const list = await api<{ items: { id: string; caseNumber: string }[] }>(
    '/api/v1/cases?mine=true&status=inProgress&pageSize=100',
    { token: judgeToken },
  );
  let inquired: { caseId: string; valuation: Valuation } | null = null;
  let unvalued: { caseId: string; asset: Asset } | null = null;
  for (const c of list.items) {
    const v = await api<CaseValuations>(`/api/v1/cases/${c.id}/valuations`, { token: judgeToken });
    const priced = v.items.find((x) => x.method === 'onlineInquiry' && x.state === 'priced');
    if (priced && !inquired) inquired = { caseId: c.id, valuation: priced };
    const fresh = v.assets.find((a) => a.valuationId === null && a.assetType === 'realEstate');
    if (fresh && !unvalued) unvalued = { caseId: c.id, asset: fresh };
    if (inquired && unvalued) break;
  }
  return { inquired, unvalued };
}

async function watcher(context: BrowserContext, lotId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/auction/lots/${lotId}`);
  await page.getByTestId('lot-connection').and(page.locator('[data-connection="live"]')).waitFor();
  return page;
}

async function endsAtOf(page: Page): Promise<string> {
  return (await page.getByTestId('lot-ends-at').getAttribute('data-ends-at')) ?? '';
}

test('a sealed flat is valued, announced, found, bid on live, and won by a bidder number', async () => {
  const judgeToken = await tokenOf('xihu.judge');
  const adminToken = await tokenOf('admin');
  const { inquired, unvalued } = await findDemoAssets(judgeToken);
  assert.ok(inquired, 'the demo has a flat priced by online inquiry');
  assert.ok(unvalued, 'the demo has a sealed flat not yet valued');

  // 1. The judge reads the online inquiry: every platform's report, on time, and the average.
  const judge = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(judge, 'xihu.judge');
  await judge.goto(`${baseUrl}/cases/${inquired.caseId}?tab=disposal`);
  const details = judge.locator(
    `[data-testid="valuation-details"][data-valuation-id="${inquired.valuation.id}"]`,
  );
  await details.waitFor();
  const reports = details.getByTestId('valuation-reports').locator('tbody tr.ant-table-row');
  assert.equal(await reports.count(), inquired.valuation.reports.length);
  assert.equal(
    await details.locator('[data-testid="report-on-time"][data-on-time="true"]').count(),
    inquired.valuation.reports.filter((r) => r.onTime).length,
  );
  assert.match((await reports.first().textContent()) ?? '', /按期/);
  assert.equal(
    await details.getByTestId('valuation-reference').getAttribute('data-fen'),
    String(inquired.valuation.referencePriceFen),
  );

  // 2. On the other case the judge starts the flat's valuation: the parties agreed on ¥2,000,000.00.
  const { caseId } = unvalued;
  const assetId = unvalued.asset.assetId;
  await judge.goto(`${baseUrl}/cases/${caseId}?tab=disposal`);
  await judge.getByTestId(`start-valuation-${assetId}`).click();
  let dialog = judge.getByRole('dialog');
  await dialog.getByRole('radio', { name: /当事人议价/ }).check();
  await amountInput(dialog, 'valuation-price').fill('2000000');
  await dialog.getByTestId('valuation-submit').click();
  await dialog.waitFor({ state: 'detached' });
  const assetRow = judge.getByTestId('disposal-assets').locator(`tr[data-row-key="${assetId}"]`);
  await assetRow.locator('[data-testid="asset-valuation-state"][data-state="priced"]').waitFor();
  assert.match((await assetRow.textContent()) ?? '', /¥2,000,000\.00/);
  await judge.locator('[data-testid="valuation-reference"][data-fen="200000000"]').waitFor();

  // 3. The judge announces a lot. Below 70% of the reference price the form warns, and the server
  //    refuses the starting price beside its field; at 70% the lot is announced.
  await assetRow.getByTestId(`create-lot-${assetId}`).click();
  dialog = judge.getByRole('dialog');
  await dialog.getByTestId('lot-form').waitFor();
  assert.match((await dialog.getByTestId('lot-form-reference').textContent()) ?? '', /¥2,000,000\.00/);
  await amountInput(dialog, 'lot-starting-price').fill('1000000');
  await amountInput(dialog, 'lot-deposit').fill('100000');
  await dialog.getByTestId('lot-submit').click();
  await fieldError(judge, dialog, 'lot-starting-price').filter({ hasText: '70%' }).waitFor();
  await amountInput(dialog, 'lot-starting-price').fill('1400000');
  await amountInput(dialog, 'lot-deposit').fill('140000');
  await amountInput(dialog, 'lot-increment').fill('10000');
  await dialog.getByTestId('lot-title-input').fill('西溪诚园住宅一套（e2e）');
  await dialog.getByTestId('lot-submit').click();
  await dialog.waitFor({ state: 'detached' });
  const lotRow = judge.getByTestId('disposal-lots').locator('tr.ant-table-row').filter({ hasText: 'e2e' });
  await lotRow.locator('[data-testid="lot-state"][data-state="announced"]').waitFor();
  const href = (await lotRow.getByTestId('lot-public-link').getAttribute('href')) ?? '';
  const lotId = href.split('/').at(-1) ?? '';
  assert.match(href, /^\/auction\/lots\/[0-9a-f-]{36}$/);
  let lot = await publicLot(lotId);
  assert.equal(lot.startingPriceFen, 140_000_000);
  assert.equal(lot.depositFen, 14_000_000);

  // 4. On a phone, the lot is found on the public site by price and state.
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const bidder = await phone.newPage();
  await bidder.goto(`${baseUrl}/auction?state=announced&type=realEstate`);
  await bidder.getByTestId('auction-title').waitFor();
  await amountInput(bidder, 'filter-min').fill('1400000');
  await amountInput(bidder, 'filter-max').fill('1400000');
  await bidder.getByTestId('filter-submit').click();
  await bidder.waitForURL(/minPriceFen=140000000/);
  const card = bidder.locator(`[data-testid="lot-card"][data-lot-id="${lotId}"]`);
  await card.waitFor();
  assert.match((await card.textContent()) ?? '', /¥1,400,000\.00/);
  await card.click();
  await bidder.waitForURL(new RegExp(`/auction/lots/${lotId}$`));
  await bidder.getByTestId('lot-title').filter({ hasText: '西溪诚园住宅一套（e2e）' }).waitFor();
  assert.equal(
    await bidder.getByTestId('lot-countdown').getAttribute('data-phase'),
    'beforeStart',
    'bidding starts after the 30-day announcement',
  );

  // 5. The bidder registers; an ID number with a wrong check digit is refused beside its field.
  await bidder.getByTestId('bid-register').click();
  await bidder.waitForURL(/\/auction\/register/);
  const idNumber = makeIdNumber('330106', '1986-04-12', 100 + (Date.now() % 800));
  const wrongDigit = `${idNumber.slice(0, 17)}${idNumber.at(-1) === '1' ? '2' : '1'}`;
  await bidder.getByTestId('register-name').fill('周竞买');
  await bidder.getByTestId('register-id-number').fill(wrongDigit);
  await bidder.getByTestId('register-phone').fill('13800138000');
  await bidder.getByTestId('register-submit').click();
  await fieldError(bidder, bidder, 'register-id-number').first().waitFor();
  await bidder.getByTestId('register-id-number').fill(idNumber);
  await bidder.getByTestId('register-submit').click();
  await bidder.waitForURL(new RegExp(`/auction/lots/${lotId}$`));

  // 6. The deposit is held at the bank in the bidder's name; the bidder number comes with it.
  await bidder.getByTestId('deposit-pay').click();
  await confirm(bidder);
  const number = bidder.getByTestId('my-bidder-number');
  await number.waitFor({ timeout: 60_000 });
  const myNumber = ((await number.textContent()) ?? '').trim();
  assert.ok(myNumber.length > 0);
  await bidder.getByTestId('bid-not-started').waitFor();

  // 7. Two more pages watch the lot: a desktop in Los Angeles whose clock is a day wrong, and a phone.
  const farAway = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    timezoneId: 'America/Los_Angeles',
  });
  await farAway.clock.install({ time: Date.now() - 86_400_000 });
  const watcherA = await watcher(farAway, lotId);
  const watcherB = await watcher(phone, lotId);

  // 8. The clock reaches the start; the bidder bids the pre-filled minimum, the starting price.
  await advanceClockTo(adminToken, Date.parse(lot.biddingStartsAt) + 30_000);
  const bidForm = bidder.getByTestId('bid-form');
  await bidForm.waitFor({ timeout: 30_000 });
  assert.equal(
    await bidForm.getByTestId('bid-minimum').getAttribute('data-fen'),
    String(lot.startingPriceFen),
  );
  assert.equal(yuanToFen(await amountInput(bidForm, 'bid-amount').inputValue()), lot.startingPriceFen);
  await bidForm.getByTestId('bid-submit').click();
  await confirm(bidder);
  for (const page of [watcherA, watcherB, bidder]) {
    await page.locator('[data-testid="lot-bid-count"][data-count="1"]').waitFor();
    await page
      .getByTestId('lot-bids')
      .locator('tbody tr.ant-table-row')
      .filter({ hasText: myNumber })
      .waitFor();
  }
  await bidder.getByTestId('bid-form').getByText('您当前出价最高').waitFor();
  lot = await publicLot(lotId);
  assert.equal(lot.endsAt, lot.biddingEndsAt, 'a bid long before the end does not move it');
  // The far-away page counts down on the server's time, not its own clock a day behind.
  const remaining = Number(await watcherA.getByTestId('lot-countdown').getAttribute('data-remaining-ms'));
  const serverRemaining = Date.parse(lot.endsAt) - Date.parse(lot.serverNow);
  assert.ok(Math.abs(remaining - serverRemaining) < 15_000, `${remaining} vs ${serverRemaining}`);

  // 9. Two minutes before the end, another bidder bids (through the API): both watching pages see
  //    the bid and the end move to five minutes after it.
  const rival = await api<{ id: string; token: string }>('/api/v1/auction/bidders', {
    body: {
      name: '吴出价',
      idNumber: makeIdNumber('330102', '1990-09-09', 300 + (Date.now() % 600)),
      phone: '13900139000',
    },
  });
  const rivalDeposit = await api<{ state: string }>(`/api/v1/auction/lots/${lotId}/deposits`, {
    token: rival.token,
    body: {},
  });
  for (let i = 0; i < 60 && rivalDeposit.state !== 'held'; i++) {
    const me = await api<{ deposits: { lotId: string; state: string }[] }>('/api/v1/auction/me', {
      token: rival.token,
    });
    rivalDeposit.state = me.deposits.find((d) => d.lotId === lotId)?.state ?? '';
    if (rivalDeposit.state !== 'held') await new Promise((r) => setTimeout(r, 500));
  }
  assert.equal(rivalDeposit.state, 'held');
  const endBefore = lot.endsAt;
  await advanceClockTo(adminToken, Date.parse(endBefore) - 120_000);
  const late = await api<{ currentPriceFen: number; bidderNumber: string; at: string; endsAt: string }>(
    `/api/v1/auction/lots/${lotId}/bids`,
    { token: rival.token, body: { amountFen: lot.startingPriceFen + lot.incrementFen } },
  );
  assert.equal(Date.parse(late.endsAt), Date.parse(late.at) + 5 * 60_000, 'the end moves to 5 minutes after');
  for (const page of [watcherA, watcherB]) {
    await page.locator('[data-testid="lot-bid-count"][data-count="2"]').waitFor();
    await page
      .locator(`[data-testid="lot-ends-at"][data-ends-at="${new Date(late.endsAt).toISOString()}"]`)
      .waitFor();
    await page.getByTestId('lot-extended').waitFor();
    assert.notEqual(await endsAtOf(page), endBefore);
    const top = page.getByTestId('lot-bids').locator('tbody tr.ant-table-row').first();
    assert.match((await top.textContent()) ?? '', new RegExp(escapeRegExp(late.bidderNumber)));
    assert.match((await top.textContent()) ?? '', new RegExp(escapeRegExp(yuan(late.currentPriceFen))));
    assert.equal(await page.getByTestId('lot-countdown').getAttribute('data-phase'), 'bidding');
  }

  // 10. The bidder, outbid, bids the new minimum the page pre-fills; the end moves again.
  const nextMinimum = late.currentPriceFen + lot.incrementFen;
  await bidder.locator(`[data-testid="bid-minimum"][data-fen="${nextMinimum}"]`).waitFor();
  await bidder.getByTestId('bid-submit').click();
  await confirm(bidder);
  for (const page of [watcherA, watcherB]) {
    await page.locator('[data-testid="lot-bid-count"][data-count="3"]').waitFor();
    await page.locator(`[data-testid="lot-current-price"][data-fen="${nextMinimum}"]`).waitFor();
  }
  lot = await publicLot(lotId);
  assert.ok(Date.parse(lot.endsAt) > Date.parse(late.endsAt), 'the end moved again');

  // 11. Past the end the lot closes: every page names the winner by bidder number only.
  await advanceClockTo(adminToken, Date.parse(lot.endsAt) + 10_000);
  for (const page of [watcherA, watcherB, bidder]) {
    const winner = page.getByTestId('lot-winner');
    await winner.waitFor({ timeout: 30_000 });
    assert.equal(await winner.getAttribute('data-bidder'), myNumber);
    assert.doesNotMatch((await page.getByTestId('lot-bids').textContent()) ?? '', /周竞买|吴出价/);
  }
  await bidder.getByTestId('bid-you-won').waitFor();
  await bidder.getByTestId('auction-nav-me').click();
  await bidder.getByTestId('my-deposits').locator('tr.ant-table-row').filter({ hasText: '竞得' }).waitFor();

  // 12. The court sees the winner's name with the number.
  await judge.getByTestId('disposal-refresh').click();
  await lotRow.locator('[data-testid="lot-state"][data-state="closed"]').waitFor();
  assert.match(
    (await lotRow.getByTestId('lot-winner').textContent()) ?? '',
    new RegExp(`周竞买.*${escapeRegExp(myNumber)}`),
  );

  await phone.close();
  await farAway.close();
  await judge.close();
});
