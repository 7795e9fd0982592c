import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { makeCreditCode } from '../src/kernel/index.ts';
import { api, auditAccessibility, baseUrl, launchBrowser, reportFailure, signIn } from './support.ts';

/**
 * Adding a respondent (变更追加规定) on the case page: the judge enters the applicant's application
 * to add a shareholder who has not paid in its capital (art. 17, within the unpaid ¥5,000.00),
 * records the hearing and rules to add it (art. 28); the 当事人 tab shows the shareholder with its
 * limit, and a freeze on the shareholder's account beyond the limit is refused. The tab passes axe.
 */
let browser: Browser;
const n = Date.now() % 900;
const company = {
  kind: 'legal',
  name: `杭州钱塘建材有限公司${n}`,
  creditCode: makeCreditCode('91', '330106', `7310${String(n).padStart(4, '0')}`),
  legalRepresentative: '周海',
};
const shareholder = {
  name: `杭州西溪投资有限公司${n}`,
  creditCode: makeCreditCode('91', '330106', `7320${String(n).padStart(4, '0')}`),
};
// 变更追加规定 art. 17: the shareholder answers within its unpaid capital, ¥5,000.00.
const limitFen = 500_000;

before(async () => {
  browser = await launchBrowser();
});
afterEach(async (t) => reportFailure(t, browser));
after(async () => {
  await browser.close();
});

type Party = { id: string; name: string; liabilityLimitFen: number | null };
type Asset = { id: string; assetType: string; respondentPartyId: string };

test('the judge adds an unpaid-capital shareholder within its limit; a freeze beyond it is refused', async () => {
  const { token } = await api<{ token: string }>('/api/v1/auth/login', {
    body: { username: 'xihu.judge', password: 'zhixing-demo' },
  });
  const filed = await api<{ id: string; caseNumber: string }>('/api/v1/cases', {
    token,
    body: {
      caseType: '执',
      basis: {
        kind: 'judgment',
        documentNumber: `（2026）浙0106民初${8600 + n}号`,
        issuedBy: '杭州市西湖区人民法院',
        effectiveDate: '2026-03-02',
      },
      applicants: [
        {
          kind: 'legal',
          name: '杭州之江钢材有限公司',
          creditCode: makeCreditCode('91', '330106', `7330${String(n).padStart(4, '0')}`),
          legalRepresentative: '方明',
        },
      ],
      respondents: [company],
      claimAmountFen: 10_000_000,
    },
  });

  // axe opens pages of its own: the journey runs in a context of its own.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, 'xihu.judge');
  await page.goto(`${baseUrl}/cases/${filed.id}?tab=additions`);
  const panel = page.getByTestId('additions-panel');
  await panel.waitFor();
  await auditAccessibility(page, 'the additions tab, empty', '[data-testid="additions-panel"]');

  // 登记申请: the ground (art. 17), the shareholder with its credit code, the limit in yuan, the facts.
  await panel.getByTestId('addition-apply').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('addition-ground').click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: '未缴纳或未足额缴纳出资的股东（在未缴出资范围内）' })
    .first()
    .click();
  await dialog.getByText('法人', { exact: true }).click();
  await dialog.getByLabel('被申请人名称').fill(shareholder.name);
  await dialog.getByLabel('统一社会信用代码').fill(shareholder.creditCode);
  await dialog.getByLabel('责任限额').fill('5000');
  await dialog.getByLabel('事实与理由').fill('被执行人注册资本认缴未实缴，股东未缴出资5000元。');
  await auditAccessibility(page, 'the application form', '.ant-modal');
  await dialog.getByTestId('addition-apply-submit').click();
  await dialog.waitFor({ state: 'detached' });

  const row = page.getByTestId('additions-table').locator('tbody tr').filter({ hasText: shareholder.name });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /¥5,000\.00/);
  assert.equal(await row.getByTestId('addition-state').textContent(), '审查中');

  // 记录听证: today, with the record.
  await row.getByTestId('addition-hearing-button').click();
  const hearing = page.getByRole('dialog');
  await hearing.getByLabel('听证笔录').fill('公开听证，股东到庭，对未缴出资事实无异议。');
  await hearing.getByTestId('addition-hearing-submit').click();
  await hearing.waitFor({ state: 'detached' });
  await row.getByTestId('addition-hearing').waitFor();

  // 裁定: add, with the reasons; the objection runs 15 days (art. 32).
  await row.getByTestId('addition-rule-button').click();
  const ruling = page.getByRole('dialog');
  await ruling.getByText('追加为被执行人').click();
  await ruling.getByLabel('裁定理由').fill('申请人的申请符合变更追加规定第十七条，理由成立。');
  await ruling.getByTestId('addition-rule-submit').click();
  await ruling.waitFor({ state: 'detached' });
  await row.getByTestId('addition-ruling').waitFor();
  assert.equal(await row.getByTestId('addition-state').textContent(), '已追加');
  assert.match(
    (await row.getByTestId('addition-ruling').textContent()) ?? '',
    /异议期限至 \d{4}-\d{2}-\d{2}/,
  );
  await auditAccessibility(page, 'the additions tab, ruled', '[data-testid="additions-panel"]');

  // 当事人: the shareholder is a respondent, liable up to its unpaid capital.
  await page.getByRole('tab', { name: '当事人', exact: true }).click();
  const card = page.getByTestId('party-card').filter({ hasText: shareholder.name });
  await card.waitFor();
  await card.getByText('责任限额 ¥5,000.00').waitFor();
  await context.close();

  // The freeze: an inquiry finds the shareholder's account; freezing ¥6,000.00 on it is refused.
  const detail = await api<{ respondents: Party[] }>(`/api/v1/cases/${filed.id}`, { token });
  const added = detail.respondents.find((p) => p.name === shareholder.name);
  assert.ok(added);
  assert.equal(added.liabilityLimitFen, limitFen);
  await api(`/api/v1/cases/${filed.id}/inquiries`, { token, body: { purpose: '查控被追加股东财产' } });
  let account: Asset | undefined;
  for (let i = 0; i < 60 && !account; i++) {
    const assets = await api<{ items: Asset[] }>(
      `/api/v1/cases/${filed.id}/assets?respondentPartyId=${added.id}&assetType=deposit`,
      { token },
    );
    account = assets.items[0];
    if (!account) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  assert.ok(account, 'the inquiry finds a deposit of the shareholder');
  const res = await fetch(`${baseUrl}/api/v1/cases/${filed.id}/measures`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-zhixing-csrf': '1' },
    body: JSON.stringify({ assetId: account.id, kind: 'freeze', amountFen: 600_000 }),
  });
  const body = (await res.json()) as { error?: { message: string; details: { path: string }[] } };
  assert.equal(res.status, 400, JSON.stringify(body));
  assert.ok(
    body.error?.details.some((d) => d.path === 'amountFen'),
    JSON.stringify(body),
  );
  assert.match(body.error?.message ?? '', /责任限额/);
});
