import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { makeIdNumber } from '../src/kernel/index.ts';
import { baseUrl, launchBrowser, reportFailure, signIn } from './support.ts';

/**
 * Credit journey (信用惩戒): a judge tries to list a minor respondent and is refused with the
 * reason; lists an adult respondent, which waits for the court leader, and orders a consumption
 * restriction; the court leader signs the listing from the court's list; the public portal then
 * shows the debtor with the ID number masked, on both lists. Closing the case as fulfilled takes
 * the debtor off the portal (失信规定 art. 10(1): deleted within three working days).
 */
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
afterEach(async (t) => reportFailure(t, browser));
after(async () => {
  await browser.close();
});

const givenNames = ['思远', '若溪', '明哲', '嘉禾', '云舒', '景行', '知微', '安澜'];

function uniqueDebtor(): { name: string; idNumber: string; maskedId: string } {
  const n = Date.now() % 100000;
  const name = `司马${givenNames[n % givenNames.length]}${givenNames[(n >> 3) % givenNames.length]?.[1] ?? '宁'}`;
  const idNumber = makeIdNumber('330106', '1986-07-19', 100 + (n % 800));
  // The portal hides digits 11–14, the birth month and day (失信规定 art. 6; the default mask).
  return { name, idNumber, maskedId: `${idNumber.slice(0, 10)}****${idNumber.slice(14)}` };
}

async function apiToken(username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'zhixing-demo' }),
  });
  assert.equal(res.status, 200);
  return ((await res.json()) as { token: string }).token;
}

async function api<T>(token: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  assert.ok(res.status === 200 || res.status === 201, `${path}: ${res.status} ${await res.clone().text()}`);
  return (await res.json()) as T;
}

type CaseCredit = {
  respondents: { id: string; name: string; idNumber: string | null; entries: { state: string }[] }[];
};

/** Picks an option in an antd Select, as a user does; a searchable Select is typed into first. */
async function pickOption(page: Page, select: Locator, label: string, isSearchable = false): Promise<void> {
  await select.click();
  if (isSearchable) await page.keyboard.type(label);
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: label });
  await option.first().click();
}

/** Finds a case on the workbench by a party's name and opens it on its credit tab. */
async function openCaseCredit(page: Page, name: string, caseId: string): Promise<void> {
  await page.goto(`${baseUrl}/workbench`);
  const search = page.locator('input[data-testid="case-search"], [data-testid="case-search"] input').first();
  await search.fill(name);
  await search.press('Enter');
  const row = page.getByTestId('case-table').locator(`tr[data-row-key="${caseId}"]`);
  await row.waitFor();
  await row.locator('a').first().click();
  await page.waitForURL(new RegExp(`/cases/${caseId}`));
  await page.getByRole('tab', { name: '信用惩戒' }).click();
  await page.getByTestId('credit-panel').waitFor();
}

/** Searches the public portal by name, as anyone may, and waits for the answer. */
async function portalSearch(page: Page, name: string): Promise<void> {
  await page.goto(`${baseUrl}/portal`);
  const input = page
    .locator('[data-testid="portal-search"] input, input[data-testid="portal-search"]')
    .first();
  await input.fill(name);
  await input.press('Enter');
  await page
    .getByTestId('portal-results')
    .getByText(/共找到 \d+ 条/)
    .waitFor();
}

test('a minor cannot be listed; an adult is listed, signed, restricted, published masked, and removed when the case is fulfilled', async () => {
  const judgeToken = await apiToken('xihu.judge');
  const debtor = uniqueDebtor();

  // The demo has a case of the judge's whose respondent is a minor (张子涵, born 2012).
  const minorCases = await api<{ items: { id: string }[] }>(
    judgeToken,
    `/api/v1/cases?q=${encodeURIComponent('张子涵')}&pageSize=50`,
  );
  let minorCaseId = '';
  for (const c of minorCases.items) {
    const credit = await api<CaseCredit>(judgeToken, `/api/v1/cases/${c.id}/credit`);
    if (credit.respondents.some((r) => r.name === '张子涵' && r.idNumber?.slice(6, 10) === '2012'))
      minorCaseId = c.id;
  }
  assert.ok(minorCaseId, 'the demo has a case with a minor respondent');

  // A fresh case of the judge's for the adult, so the journey can run again on the same data.
  const filed = await api<{ id: string; caseNumber: string }>(judgeToken, '/api/v1/cases', {
    caseType: '执',
    basis: {
      kind: 'judgment',
      documentNumber: '（2026）浙0106民初5288号',
      issuedBy: '杭州市西湖区人民法院',
      effectiveDate: '2026-04-10',
    },
    applicants: [{ kind: 'natural', name: '钱塘江', idNumber: makeIdNumber('330102', '1979-09-21', 233) }],
    respondents: [{ kind: 'natural', name: debtor.name, idNumber: debtor.idNumber }],
    claimAmountFen: 8_650_000,
  });

  const judge = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(judge, 'xihu.judge');

  // 1. The minor: the listing is refused, with the reason, and nothing is written.
  await openCaseCredit(judge, '张子涵', minorCaseId);
  const minorCard = judge.getByTestId('credit-respondent').filter({ hasText: '张子涵' });
  await minorCard.getByTestId('credit-list-button').click();
  let dialog = judge.getByRole('dialog');
  await pickOption(judge, dialog.getByTestId('credit-ground'), '伪造证据');
  await dialog.getByTestId('credit-facts').fill('被执行人法定代理人伪造收入证明，对抗法院调查。');
  await dialog.getByRole('button', { name: '纳入失信名单' }).click();
  const errors = dialog.getByTestId('credit-list-errors');
  await errors.getByRole('alert').waitFor();
  const refusal = (await errors.textContent()) ?? '';
  assert.match(refusal, /未能纳入/);
  assert.match(refusal, /被执行人为未成年人（1[0-7]周岁），不得纳入失信名单/);
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await minorCard.locator('.credit-entry').count(), 0);
  const minorCredit = await api<CaseCredit>(judgeToken, `/api/v1/cases/${minorCaseId}/credit`);
  assert.deepEqual(
    minorCredit.respondents.flatMap((r) => r.entries),
    [],
    'a refused listing writes nothing',
  );

  // 2. The adult: the judge proposes the listing (ground 2) and orders a consumption restriction.
  await openCaseCredit(judge, debtor.name, filed.id);
  const card = judge.getByTestId('credit-respondent').filter({ hasText: debtor.name });
  await card.getByTestId('credit-list-button').click();
  dialog = judge.getByRole('dialog');
  await pickOption(judge, dialog.getByTestId('credit-ground'), '伪造证据');
  await dialog.getByTestId('credit-facts').fill('被执行人在执行中伪造借款合同，虚构债务对抗法院查封。');
  await dialog.getByRole('button', { name: '纳入失信名单' }).click();
  await dialog.waitFor({ state: 'detached' });
  await card.getByTestId('credit-entry-pendingApproval').waitFor();
  await judge.getByText('待院领导签发').first().waitFor();
  assert.equal(await card.getByTestId('credit-approve').count(), 0, 'a judge cannot sign');
  assert.equal(
    await card.getByTestId('credit-list-button').count(),
    0,
    'no second listing while one is live',
  );

  await card.getByTestId('credit-restrict-button').click();
  dialog = judge.getByRole('dialog');
  await dialog.getByText('全部九项').waitFor();
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await dialog.waitFor({ state: 'detached' });
  await card.getByTestId('credit-restriction-active').waitFor();
  assert.equal(await card.getByTestId('credit-restrict-button').count(), 0);

  // 3. The court leader finds it on the court's list and signs it on the case page.
  const leader = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(leader, 'xihu.president');
  await leader.getByRole('menuitem', { name: /失信名单/ }).click();
  await leader.waitForURL(/\/credit\/entries/);
  const entrySearch = leader.getByPlaceholder('姓名、名称、案号、证件号');
  await entrySearch.fill(debtor.name);
  await entrySearch.press('Enter');
  const entryRow = leader
    .getByTestId('credit-entries-table')
    .locator('tbody tr')
    .filter({ hasText: debtor.name });
  await entryRow.filter({ hasText: '待签发' }).waitFor();
  await entryRow.getByRole('link', { name: filed.caseNumber }).click();
  await leader.waitForURL(new RegExp(`/cases/${filed.id}\\?tab=credit`));
  const leaderCard = leader.getByTestId('credit-respondent').filter({ hasText: debtor.name });
  await leaderCard.getByTestId('credit-approve').click();
  // Signing has legal effect: the decision is shown as it will be issued, and asked once.
  const letter = leader.getByTestId('credit-sign-letter');
  await letter.waitFor();
  const letterText = (await letter.textContent()) ?? '';
  assert.match(letterText, /失信/);
  assert.ok(letterText.includes(debtor.name), 'the letter names the debtor');
  assert.equal(
    await leaderCard.getByTestId('credit-entry-listed').count(),
    0,
    'nothing is signed before confirming',
  );
  await leader.getByTestId('credit-approve-confirm').click();
  const listed = leaderCard.getByTestId('credit-entry-listed');
  await listed.waitFor();
  assert.match((await listed.textContent()) ?? '', /已公布/);
  // The restriction the judge ordered stands; signing did not order a second one.
  assert.equal(await leaderCard.getByTestId('credit-restriction-active').count(), 1);
  await leader.close();

  // 4. The public portal, without signing in: the debtor on both lists, the ID number masked.
  const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await portalSearch(visitor, debtor.name);
  const entry = visitor.getByTestId('portal-entry').filter({ hasText: debtor.name });
  await entry.waitFor();
  assert.equal(((await entry.getByTestId('portal-id').textContent()) ?? '').trim(), debtor.maskedId);
  assert.match((await entry.textContent()) ?? '', new RegExp(filed.caseNumber.replace(/[（）]/g, '.')));
  assert.ok(!(await visitor.content()).includes(debtor.idNumber), 'the full ID number is never shown');

  await visitor.getByRole('tab', { name: '限制消费人员' }).click();
  const restricted = visitor.getByTestId('portal-restricted').filter({ hasText: debtor.name });
  await restricted.waitFor();
  assert.match((await restricted.textContent()) ?? '', new RegExp(debtor.maskedId.replace(/\*/g, '\\*')));
  assert.ok(!(await visitor.content()).includes(debtor.idNumber), 'the full ID number is never shown');

  // 5. The debtor pays; the judge closes the case as fulfilled, and the portal no longer shows him.
  await judge.reload();
  await judge.getByTestId('record-node-button').click();
  dialog = judge.getByRole('dialog');
  await pickOption(judge, dialog.locator('.ant-select').first(), '执行款到账', true);
  await dialog.locator('textarea').first().fill('被执行人将全部执行款汇入申请执行人账户。');
  await dialog.getByTestId('record-node-submit').click();
  await dialog.waitFor({ state: 'detached' });

  await judge.getByTestId('close-case-button').click();
  dialog = judge.getByRole('dialog');
  await pickOption(judge, dialog.locator('.ant-select').first(), '执行完毕');
  await dialog.locator('textarea').first().fill('被执行人已直接向申请执行人履行全部义务，申请执行人确认。');
  await dialog.getByRole('button', { name: '确认结案' }).click();
  await dialog.waitFor({ state: 'detached' });
  await judge.getByTestId('close-case-button').waitFor({ state: 'detached' });

  // The deletion follows the closing at once, well within the three working days of art. 10.
  let isGone = false;
  for (let i = 0; i < 60 && !isGone; i++) {
    await visitor.waitForTimeout(2000);
    await portalSearch(visitor, debtor.name);
    isGone = (await visitor.getByTestId('portal-entry').filter({ hasText: debtor.name }).count()) === 0;
  }
  assert.ok(isGone, 'the portal no longer lists the debtor once the case is closed as fulfilled');
  // Public answers may be cached for a minute (cache-control max-age=60), so the visitor
  // looks again until the restriction, lifted in the same transaction, is gone from the list too.
  let isLifted = false;
  for (let i = 0; i < 60 && !isLifted; i++) {
    if (i > 0) await visitor.waitForTimeout(2000);
    await visitor.goto(
      `${baseUrl}/portal?q=${encodeURIComponent(debtor.name)}&list=consumption-restrictions`,
    );
    await visitor
      .getByTestId('portal-results')
      .getByText(/共找到 \d+ 条/)
      .waitFor();
    isLifted =
      (await visitor.getByTestId('portal-restricted').filter({ hasText: debtor.name }).count()) === 0;
  }
  assert.ok(isLifted, 'the consumption restriction ends with the case');
  await visitor.close();

  await judge.reload();
  await judge.getByTestId('credit-panel').waitFor();
  const closedCard = judge.getByTestId('credit-respondent').filter({ hasText: debtor.name });
  const deleted = closedCard.getByTestId('credit-entry-deleted');
  await deleted.waitFor();
  assert.match((await deleted.textContent()) ?? '', /已履行/);
  await closedCard.getByTestId('credit-restriction-lifted').waitFor();
  await judge.close();
});
