import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { makeCreditCode, makeIdNumber } from '../src/kernel/index.ts';
import { api, auditAccessibility, baseUrl, launchBrowser, reportFailure, signIn } from './support.ts';

/**
 * The workbench as court staff use it all day. The to-do inbox (待办): the judge proposes a listing; the president's
 * bell counts it, its list names the debtor, and opening it goes to the case's credit tab and
 * marks it read; the inbox page lists it by kind. The judge finds the case by the debtor's ID
 * number in the case list. Both pages pass the axe audit.
 */
let browser: Browser;
const n = Date.now() % 900;
const debtor = { name: '钱立新', idNumber: makeIdNumber('330106', '1979-08-12', 100 + n) };

before(async () => {
  browser = await launchBrowser();
});
afterEach(async (t) => reportFailure(t, browser));
after(async () => {
  await browser.close();
});

test('a listing to sign reaches the president’s bell; opening it goes to the case and marks it read', async () => {
  const { token } = await api<{ token: string }>('/api/v1/auth/login', {
    body: { username: 'xihu.judge', password: 'zhixing-demo' },
  });
  const filed = await api<{ id: string; caseNumber: string }>('/api/v1/cases', {
    token,
    body: {
      caseType: '执',
      basis: {
        kind: 'judgment',
        documentNumber: `（2026）浙0106民初${8100 + n}号`,
        issuedBy: '杭州市西湖区人民法院',
        effectiveDate: '2026-03-02',
      },
      applicants: [
        {
          kind: 'legal',
          name: '杭州之江五金有限公司',
          creditCode: makeCreditCode('91', '330106', `6420${String(n).padStart(4, '0')}`),
          legalRepresentative: '方明',
        },
      ],
      respondents: [{ kind: 'natural', ...debtor }],
      claimAmountFen: 4_200_000,
    },
  });
  const detail = await api<{ respondents: { id: string }[] }>(`/api/v1/cases/${filed.id}`, { token });
  await api(`/api/v1/cases/${filed.id}/dishonest`, {
    token,
    body: { respondentId: detail.respondents[0]?.id, ground: 2, facts: '以虚假证据对抗执行' },
  });

  // The judge finds the case by the debtor's ID number from the workbench's search box.
  const judge = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(judge, 'xihu.judge');
  const search = judge.getByPlaceholder('案号、当事人名称、身份证号或信用代码');
  await search.fill(debtor.idNumber);
  await search.press('Enter');
  await judge.getByTestId('case-table').getByText(filed.caseNumber).waitFor();
  const rows = judge.getByTestId('case-table').locator('tbody tr.ant-table-row');
  assert.equal(await rows.count(), 1);
  // Node deadlines count working days, and say so, with the date.
  assert.match(
    (await rows.first().textContent()) ?? '',
    /(剩 \d+ 个工作日|今日到期|超期 \d+ 个工作日)\d{4}-\d{2}-\d{2}/,
  );
  // Density: compact by default; the comfortable choice is remembered for this user.
  const rowHeight = async () =>
    (await judge.getByTestId('case-table').locator('tbody tr.ant-table-row').first().boundingBox())?.height ??
    0;
  const compact = await rowHeight();
  await judge.getByTestId('user-menu').click();
  await judge.getByTestId('density-toggle').click();
  await judge.waitForFunction((h) => {
    const doc = Reflect.get(globalThis, 'document') as {
      querySelector(s: string): { getBoundingClientRect(): { height: number } } | null;
    };
    const row = doc.querySelector('[data-testid="case-table"] tbody tr.ant-table-row');
    return (row?.getBoundingClientRect().height ?? 0) > h;
  }, compact);
  await judge.reload();
  await judge.getByTestId('case-table').locator('tbody tr.ant-table-row').first().waitFor();
  assert.ok((await rowHeight()) > compact, 'the comfortable density is remembered');
  await judge.getByTestId('user-menu').click();
  await judge.getByTestId('density-toggle').click();

  // Parties after filing: the judge corrects the debtor's phone with a reason; the old one is kept.
  await judge.goto(`${baseUrl}/cases/${filed.id}?tab=parties`);
  const card = judge.getByTestId('party-card').filter({ hasText: debtor.name });
  await card.getByTestId('correct-party').click();
  const dialog = judge.getByRole('dialog');
  await dialog.getByLabel('联系电话').fill('13912345678');
  await dialog.getByLabel('更正理由').fill('被执行人到庭提供新的联系电话');
  await dialog.getByTestId('correct-party-submit').click();
  await dialog.waitFor({ state: 'detached' });
  await card.getByText('13912345678').waitFor();
  await card.getByTestId('correct-party').click();
  const history = judge.getByTestId('party-changes');
  await history.waitFor();
  assert.match((await history.textContent()) ?? '', /被执行人到庭提供新的联系电话/);
  await judge.keyboard.press('Escape');
  await judge.close();

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const leader = await context.newPage();
  await signIn(leader, 'xihu.president');
  // The leader's case list fits 1440×900: every column on screen, none scrolled out of sight.
  await leader.getByTestId('case-table').locator('tbody tr.ant-table-row').first().waitFor();
  const overflow = await leader.getByTestId('case-table').evaluate((el) => {
    const scroller = el.querySelector('.ant-table-content, .ant-table-body') ?? el;
    return { scroll: scroller.scrollWidth, client: scroller.clientWidth };
  });
  assert.ok(
    overflow.scroll <= overflow.client + 1,
    `the table fits: ${overflow.scroll} > ${overflow.client}`,
  );
  for (const heading of ['承办法官', '立案日期'])
    assert.ok(
      await leader.getByRole('columnheader', { name: heading }).isVisible(),
      `${heading} is on screen`,
    );
  const bell = leader.getByTestId('inbox-bell');
  await bell.locator('.ant-badge-count').waitFor();
  const before = Number(await bell.locator('.ant-badge-count').getAttribute('title'));
  assert.ok(before >= 1, `the bell counts unread items (${before})`);
  await bell.click();
  const item = leader.getByTestId('inbox-bell-item').filter({ hasText: debtor.name });
  await item.waitFor();
  assert.match((await item.textContent()) ?? '', /失信签发/);
  await item.click();
  await leader.waitForURL(new RegExp(`/cases/${filed.id}\\?tab=credit`));
  await leader.getByTestId('credit-respondent').filter({ hasText: debtor.name }).waitFor();
  // Opened, it is read: the count goes down by one.
  await leader.waitForFunction((expected) => {
    const doc = Reflect.get(globalThis, 'document') as {
      querySelector(s: string): { getAttribute(a: string): string | null } | null;
    };
    const badge = doc.querySelector('[data-testid="inbox-bell"] .ant-badge-count');
    return Number(badge?.getAttribute('title') ?? 0) === expected;
  }, before - 1);

  // The inbox page: the item under its kind, read; every row a link.
  await leader.goto(`${baseUrl}/inbox`);
  const table = leader.getByTestId('inbox-table');
  const row = table.locator('tbody tr').filter({ hasText: debtor.name });
  await row.waitFor();
  assert.equal(await row.getByRole('link').getAttribute('href'), `/cases/${filed.id}?tab=credit`);
  await leader.locator('.ant-segmented-item').filter({ hasText: '失信签发' }).click();
  assert.ok((await table.locator('tbody tr.ant-table-row').count()) >= 1);
  for (const text of await table.locator('tbody tr.ant-table-row').allTextContents())
    assert.match(text, /失信签发/);
  await auditAccessibility(leader, 'inbox page');
  await context.close();
});
