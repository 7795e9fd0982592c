import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { formatYuan, makeIdNumber } from '../src/kernel/index.ts';
import { baseUrl, launchBrowser, reportFailure, signIn } from './support.ts';

/**
 * After failed rounds (DOMAIN §7): the demo's announced flat gets no bid and fails; the judge sees
 * 以物抵债 at the reserve offered beside a second round, and announces the second round from the
 * lots table; it fails too, and the judge opens a 60-day sale (变卖) at its starting price after
 * reading what will happen. On the public site a bidder registers and buys the flat outright at the
 * full price; a second buyer is told it is gone; the court sees the lot sold.
 *
 * The journey moves the demo clock forward by about two months, so it runs with the clock movers.
 */
let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});
afterEach(async (t) => reportFailure(t, browser));
after(async () => {
  await browser.close();
});

type CaseLot = { id: string; assetId: string; round: string; state: string; startingPriceFen: number };
type PublicLot = {
  id: string;
  state: string;
  round: string;
  startingPriceFen: number;
  endsAt: string;
  winnerBidderNumber: string | null;
  priceFen: number | null;
  sale: { priceFen: number; endsOn: string } | null;
};

async function call<T>(
  path: string,
  opts: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: opts.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
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

/** Past its end a lot closes when read (or by the worker): reads it until it is in `state`. */
async function untilState(lotId: string, state: string): Promise<PublicLot> {
  for (let i = 0; i < 120; i++) {
    const lot = await publicLot(lotId);
    if (lot.state === state) return lot;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.fail(`lot ${lotId} never reached ${state}`);
}

/** Lets the lot's bidding pass with no bid: the clock moves past its end and it fails. */
async function failRound(adminToken: string, lotId: string): Promise<void> {
  const lot = await publicLot(lotId);
  if (lot.state === 'announced' || lot.state === 'bidding') {
    await advanceClockTo(adminToken, Date.parse(lot.endsAt) + 10_000);
  }
  await untilState(lotId, 'failed');
}

/** The demo's lot of the flat priced by online inquiry, announced by the seed (a first round). */
async function findDemoLot(judgeToken: string): Promise<{ caseId: string; lot: CaseLot }> {
  const list = await api<{ items: { id: string }[] }>(
    '/api/v1/cases?mine=true&status=inProgress&pageSize=100',
    { token: judgeToken },
  );
  for (const c of list.items) {
    const v = await api<{ items: { assetId: string; method: string; state: string }[] }>(
      `/api/v1/cases/${c.id}/valuations`,
      { token: judgeToken },
    );
    const priced = v.items.find((x) => x.method === 'onlineInquiry' && x.state === 'priced');
    if (!priced) continue;
    const lots = await api<{ items: CaseLot[] }>(`/api/v1/cases/${c.id}/lots`, { token: judgeToken });
    const lot = lots.items.find((l) => l.assetId === priced.assetId && l.round === 'first');
    if (lot) return { caseId: c.id, lot };
  }
  assert.fail('the demo has a lot of the flat priced by online inquiry');
}

async function confirm(page: Page): Promise<void> {
  const dialog = page.locator('.ant-modal-confirm');
  await dialog.waitFor();
  await dialog.locator('.ant-btn-primary').click();
  await dialog.waitFor({ state: 'detached' });
}

function lotRow(page: Page, lotId: string): Locator {
  return page.getByTestId('disposal-lots').locator(`tr[data-row-key="${lotId}"]`);
}

/** The case's 处置 tab, read afresh (the page's server clock follows the moved demo clock). */
async function openDisposal(page: Page, caseId: string): Promise<void> {
  await page.goto(`${baseUrl}/cases/${caseId}?tab=disposal`);
  await page.getByTestId('disposal-lots').waitFor();
}

test('a flat fails twice, goes to a sale from the case page, and is bought outright on the site', async () => {
  const judgeToken = await tokenOf('xihu.judge');
  const adminToken = await tokenOf('admin');
  const { caseId, lot: first } = await findDemoLot(judgeToken);

  // 1. Nobody bids: the first round fails.
  await failRound(adminToken, first.id);
  const judge = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(judge, 'xihu.judge');
  await openDisposal(judge, caseId);
  const firstRow = lotRow(judge, first.id);
  await firstRow.locator('[data-testid="lot-state"][data-state="failed"]').waitFor();

  // 2. After the first failure the table offers a second round or 以物抵债 at the failed reserve;
  //    the transfer shows its price and the applicant before anything is done (cancelled here).
  await firstRow.getByTestId('lot-step-transferInLieu').click();
  let dialog = judge.getByRole('dialog');
  const decision = dialog.getByTestId('lot-decision');
  await decision.waitFor();
  assert.equal(await decision.getAttribute('data-kind'), 'transferInLieu');
  assert.match((await decision.textContent()) ?? '', new RegExp(escapeRegExp(yuan(first.startingPriceFen))));
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await firstRow.getByTestId('lot-step-sale').count(), 0, 'no sale after one failure');

  // 3. The second round is announced from the table: the form is pre-filled within the rules.
  await firstRow.getByTestId('lot-step-reauction').click();
  dialog = judge.getByRole('dialog');
  await dialog.getByTestId('lot-form').waitFor();
  await dialog.getByText('二拍').first().waitFor();
  await dialog.getByTestId('lot-submit').click();
  await dialog.waitFor({ state: 'detached' });
  let second: CaseLot | undefined;
  for (let i = 0; i < 40 && !second; i++) {
    const lots = await api<{ items: CaseLot[] }>(`/api/v1/cases/${caseId}/lots`, { token: judgeToken });
    second = lots.items.find((l) => l.assetId === first.assetId && l.round === 'second');
    if (!second) await new Promise((r) => setTimeout(r, 500));
  }
  assert.ok(second, 'the second round is announced');
  const secondRow = lotRow(judge, second.id);
  await secondRow.locator('[data-testid="lot-state"][data-state="announced"]').waitFor();
  assert.ok(second.startingPriceFen >= Math.ceil(first.startingPriceFen * 0.8));
  assert.equal(await firstRow.getByTestId('lot-step-reauction').count(), 0, 'the failed lot is followed');

  // 4. Nobody bids again: after the second failure the court opens a sale, having read its terms.
  await failRound(adminToken, second.id);
  await openDisposal(judge, caseId);
  await secondRow.locator('[data-testid="lot-state"][data-state="failed"]').waitFor();
  for (const step of ['transferInLieu', 'sale', 'release']) {
    await secondRow.getByTestId(`lot-step-${step}`).waitFor();
  }
  await secondRow.getByTestId('lot-step-sale').click();
  dialog = judge.getByRole('dialog');
  const saleTerms = dialog.getByTestId('lot-decision');
  await saleTerms.waitFor();
  const termsText = (await saleTerms.textContent()) ?? '';
  assert.match(termsText, new RegExp(escapeRegExp(yuan(second.startingPriceFen))));
  assert.match(termsText, /60日/);
  await dialog.getByTestId('lot-decision-submit').click();
  await dialog.waitFor({ state: 'detached' });
  await secondRow.locator('[data-testid="lot-state"][data-state="saleOpen"]').waitFor();
  await secondRow.getByTestId('lot-sale-ends').waitFor();
  const forSale = await publicLot(second.id);
  assert.equal(forSale.state, 'saleOpen');
  assert.equal(forSale.sale?.priceFen, second.startingPriceFen);

  // 5. On the public site the sale shows its price and window; a bidder registers and buys it.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const buyer = await phone.newPage();
  await buyer.goto(`${baseUrl}/auction/lots/${second.id}`);
  const sale = buyer.getByTestId('lot-sale');
  await sale.waitFor();
  assert.equal(await sale.getAttribute('data-fen'), String(second.startingPriceFen));
  assert.equal(await sale.getAttribute('data-ends-on'), forSale.sale?.endsOn);
  await buyer.getByTestId('purchase-panel').getByTestId('bid-register').click();
  await buyer.waitForURL(/\/auction\/register/);
  await buyer.getByTestId('register-name').fill('郑买受');
  await buyer
    .getByTestId('register-id-number')
    .fill(makeIdNumber('330106', '1979-03-15', 100 + (Date.now() % 800)));
  await buyer.getByTestId('register-phone').fill('13700137000');
  await buyer.getByTestId('register-submit').click();
  await buyer.waitForURL(new RegExp(`/auction/lots/${second.id}$`));
  const buy = buyer.getByTestId('purchase-buy');
  await buy.waitFor();
  assert.match((await buy.textContent()) ?? '', new RegExp(escapeRegExp(yuan(second.startingPriceFen))));
  await buy.click();
  await confirm(buyer);
  const won = buyer.getByTestId('purchase-won');
  await won.waitFor({ timeout: 60_000 });
  const winner = buyer.getByTestId('lot-winner');
  await winner.waitFor({ timeout: 30_000 });
  const number = (await winner.getAttribute('data-bidder')) ?? '';
  assert.match((await won.textContent()) ?? '', new RegExp(escapeRegExp(number)));

  // 6. Another buyer, too late, is told the lot is gone.
  const rival = await api<{ token: string }>('/api/v1/auction/bidders', {
    body: {
      name: '钱迟到',
      idNumber: makeIdNumber('330102', '1982-11-20', 300 + (Date.now() % 600)),
      phone: '13600136000',
    },
  });
  const late = await call<{ error: { code: string } }>(`/api/v1/auction/lots/${second.id}/purchase`, {
    token: rival.token,
    body: {},
  });
  assert.equal(late.status, 409, JSON.stringify(late.body));

  // 7. The court sees the lot sold to the buyer at the sale price.
  await judge.getByTestId('disposal-refresh').click();
  // Closed on the purchase; sold once the captured price is matched in the case account.
  await secondRow
    .locator('[data-testid="lot-state"]:is([data-state="closed"], [data-state="sold"])')
    .waitFor();
  assert.match(
    (await secondRow.getByTestId('lot-winner').textContent()) ?? '',
    new RegExp(`郑买受.*${escapeRegExp(number)}`),
  );
  assert.equal(await secondRow.getByTestId('lot-step-sale').count(), 0);

  await phone.close();
  await judge.close();
});
