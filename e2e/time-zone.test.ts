import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { chinaDateOf, makeIdNumber } from '../src/kernel/index.ts';
import { baseUrl, launchBrowser, reportFailure, signIn } from './support.ts';

/**
 * "Today" is the court's China date on the server's clock, never the browser's. The browser runs
 * in Los Angeles with its clock at 23:30 UTC — when the UTC, Los Angeles and China dates are not
 * all the same day — and the server's clock is moved to the same instant. A case filed "today" and
 * a node recorded with the default date must agree (once, the node was defaulted to the browser's
 * "yesterday" and refused). This journey moves the demo clock forward, so it runs last.
 */
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
afterEach(async (t) => reportFailure(t, browser));
after(async () => {
  await browser.close();
});

async function api<T>(path: string, opts: { token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: opts.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
  assert.ok(res.status === 200 || res.status === 201, `${path}: ${res.status} ${await res.clone().text()}`);
  return (await res.json()) as T;
}

async function tokenOf(username: string): Promise<string> {
  const res = await api<{ token: string }>('/api/v1/auth/login', {
    body: { username, password: 'zhixing-demo' },
  });
  return res.token;
}

test('a judge in a far time zone at a late UTC hour records a node with the default date', async () => {
  // Move the server's clock forward to the next 23:30 UTC.
  const admin = await tokenOf('admin');
  const before = await api<{ now: string }>('/api/v1/clock');
  const nowMs = Date.parse(before.now);
  const day = 86_400_000;
  let target = Math.floor(nowMs / day) * day + 23.5 * 3_600_000;
  if (target <= nowMs + 60_000) target += day;
  const moved = await api<{ now: string; today: string }>('/api/v1/demo/clock', {
    token: admin,
    body: { advanceSeconds: Math.ceil((target - nowMs) / 1000) },
  });
  const serverNow = Date.parse(moved.now);
  assert.equal(new Date(serverNow).getUTCHours(), 23);
  const chinaToday = moved.today;
  assert.equal(chinaToday, chinaDateOf(serverNow));
  const losAngelesToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(
    serverNow,
  );
  assert.notEqual(losAngelesToday, chinaToday, 'the browser’s own date is not the court’s');

  // A case filed now is filed on the China date.
  const judgeToken = await tokenOf('xihu.judge');
  const filed = await api<{ id: string; caseNumber: string }>('/api/v1/cases', {
    token: judgeToken,
    body: {
      caseType: '执',
      basis: {
        kind: 'judgment',
        documentNumber: '（2026）浙0106民初8801号',
        issuedBy: '杭州市西湖区人民法院',
        effectiveDate: '2026-01-05',
      },
      applicants: [{ kind: 'natural', name: '钱塘江', idNumber: makeIdNumber('330102', '1979-09-21', 233) }],
      respondents: [{ kind: 'natural', name: '孙越', idNumber: makeIdNumber('330106', '1984-02-11', 317) }],
      claimAmountFen: 8_800_000,
    },
  });
  const detail = await api<{ filedOn: string }>(`/api/v1/cases/${filed.id}`, { token: judgeToken });
  assert.equal(detail.filedOn, chinaToday);

  // The browser: Los Angeles, its clock at the same late UTC hour.
  const context = await browser.newContext({
    timezoneId: 'America/Los_Angeles',
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
  });
  await context.clock.install({ time: serverNow });
  const page = await context.newPage();
  await signIn(page, 'xihu.judge');
  await page.goto(`${baseUrl}/cases/${filed.id}`);
  await page.getByTestId('record-node-button').click();
  const dialog = page.getByRole('dialog');
  const dateInput = dialog.locator('.ant-picker input').first();
  assert.equal(await dateInput.inputValue(), chinaToday, 'the date defaults to the court’s today');
  await dialog.locator('.ant-select').first().click();
  await page.keyboard.type('执行通知书');
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .first()
    .click();
  await dialog.getByTestId('record-node-submit').click();
  await dialog.waitFor({ state: 'detached' });

  const after = await api<{ nodes: { kind: string; occurredOn: string }[] }>(`/api/v1/cases/${filed.id}`, {
    token: judgeToken,
  });
  const recorded = after.nodes.filter((n) => n.kind !== 'filed' && n.kind !== 'officerAssigned');
  assert.equal(recorded.length, 1);
  assert.equal(recorded[0]?.occurredOn, chinaToday);
  await context.close();
});
