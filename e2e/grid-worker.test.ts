import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, reportFailure, signIn } from './support.ts';

/**
 * Grid worker journey (网格员): the demo grid worker of 西湖区 (330106) signs in and lands on the
 * inbox, which shows the listings and restrictions of the demo debtors registered in 330106 and
 * nothing of other areas; there is no workbench and the case API returns no case. The system
 * administrator then adds 上城区 (330102) to the worker's areas on the users page, and the worker's
 * areas include it.
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

async function api<T>(token: string, path: string, method = 'GET', body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  assert.equal(res.status, 200, `${method} ${path}: ${res.status} ${await res.clone().text()}`);
  return (await res.json()) as T;
}

/** The items of the inbox's first page, by name, once it has loaded. */
async function inboxNames(page: Page): Promise<string> {
  const inbox = page.getByTestId('grid-inbox');
  await inbox.locator('.ant-list-item').first().waitFor();
  return (await inbox.textContent()) ?? '';
}

test('a grid worker sees the inbox of their area and no case; the administrator adds an area', async () => {
  const gridToken = await apiToken('xihu.grid');
  const adminToken = await apiToken('admin');
  const before = await api<{ areaCodes: string[] }>(gridToken, '/api/v1/credit/grid/areas');
  assert.deepEqual(before.areaCodes, ['330106'], 'the demo seed attaches xihu.grid to 西湖区');

  try {
    // 1. The grid worker lands on the inbox, not the workbench.
    const grid = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(grid, 'xihu.grid', 'zhixing-demo', /\/credit\/grid/);
    await grid.getByText('负责区域：330106').waitFor();
    const items = await inboxNames(grid);
    // Demo debtors registered in 330106: a listed person, a restricted person, a listed company.
    for (const name of ['王建国', '陈晓明', '杭州恒远贸易有限公司'])
      assert.ok(items.includes(name), `the inbox shows ${name}: ${items}`);
    // Registered elsewhere: 330102, 330105, 宁波 330203.
    for (const name of ['李秀英', '周磊', '宁波海通物流有限公司'])
      assert.ok(!items.includes(name), `the inbox does not show ${name}`);
    assert.ok(!/\d{17}[\dX]/.test(items), 'ID numbers are masked');

    // No workbench: not in the menu, and its address leads back to the inbox.
    await grid.getByRole('menuitem', { name: /网格推送/ }).waitFor();
    assert.equal(await grid.getByRole('menuitem', { name: /工作台/ }).count(), 0);
    await grid.goto(`${baseUrl}/workbench`);
    await grid.waitForURL(/\/credit\/grid/);
    await grid.getByTestId('grid-inbox').waitFor();

    // The case API, with the worker's own session, returns nothing.
    const cases = await grid.request.get(`${baseUrl}/api/v1/cases?pageSize=200`);
    assert.equal(cases.status(), 200);
    const casesBody = (await cases.json()) as { items: unknown[]; total: number };
    assert.deepEqual(casesBody.items, []);
    assert.equal(casesBody.total, 0);

    // 2. The administrator finds the worker among 西湖's users and adds 330102.
    const admin = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(admin, 'admin');
    await admin.goto(`${baseUrl}/admin/users`);
    await admin.getByTestId('user-table').waitFor();
    await admin.getByTestId('user-court-filter').click();
    await admin.keyboard.type('西湖区');
    await admin
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-node-content-wrapper')
      .filter({ hasText: '杭州市西湖区人民法院' })
      .first()
      .click();
    await admin.waitForURL(/courtId=/);
    const row = admin.getByTestId('user-table').locator('tbody tr').filter({ hasText: 'xihu.grid' });
    await row.getByTestId('user-areas').getByText('330106').waitFor();
    const judgeRow = admin.getByTestId('user-table').locator('tbody tr').filter({ hasText: 'xihu.judge' });
    assert.equal(await judgeRow.first().getByTestId('edit-areas-button').count(), 0, 'only grid workers');

    await row.getByTestId('edit-areas-button').click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('网格员所辖区域 · xihu.grid').waitFor();
    await dialog.getByText('330106').filter({ visible: true }).waitFor();
    const input = dialog.getByRole('combobox');

    // A malformed code is refused beside the field, and nothing is saved.
    await input.fill('33a1');
    await input.press('Enter');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.getByText('行政区划代码应为 6 位数字：33a1').waitFor();
    await input.press('Backspace');
    await dialog.getByText('行政区划代码应为 6 位数字：33a1').waitFor({ state: 'detached' });

    await input.fill('330102');
    await input.press('Enter');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByTestId('user-areas').getByText('330102').waitFor();
    assert.match((await row.getByTestId('user-areas').textContent()) ?? '', /330102.*330106/);
    await admin.close();

    // 3. The worker's areas now include 上城区.
    const after = await api<{ areaCodes: string[] }>(gridToken, '/api/v1/credit/grid/areas');
    assert.deepEqual(after.areaCodes, ['330102', '330106']);
    await grid.reload();
    await grid.getByText('负责区域：330102、330106').waitFor();
    await grid.close();
  } finally {
    // Leave the demo as it was, so the journey can run again on the same data.
    const { items } = await api<{ items: { id: string; username: string }[] }>(adminToken, '/api/v1/users');
    const id = items.find((u) => u.username === 'xihu.grid')?.id ?? '';
    await api(adminToken, `/api/v1/admin/grid-workers/${id}/areas`, 'PUT', { areaCodes: before.areaCodes });
  }
});
