import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  addCalendarDays,
  formatChinaDateTime,
  formatYuan,
  makeIdNumber,
  splitFenProRata,
  yuanToFen,
} from '../src/kernel/index.ts';
import { connectSimBank, payIn, type SimBank, simAdminToken } from './sim-bank.ts';
import { baseUrl, launchBrowser, reportFailure, signIn } from './support.ts';

/**
 * Funds journey (一案一账号): a judge opens a demo case and finds its account number on the
 * funds tab; money is paid in at the simulated bank naming that number — the same bank serial
 * twice — and is booked once, the enforcement fee taken first. The judge records the payee's
 * bank account and proposes a payout; a proposal for more than is left is refused beside the
 * amount. The court leader rejects one proposal and approves the other, and the tab follows the
 * payment until it is paid, without a reload. Money naming no case waits in the claim queue
 * (执行款管理) until an officer claims it for the right case. On the funds desk, a leader approves
 * a proposal from the court's 待审批 list and finds it paid and in the month's report; and a line
 * the bank's statement shows but the books do not is found by reconciling that day from the desk.
 * And a leader lodges money an applicant refuses in escrow (提存) from the case's payees. With two
 * applicants the money waits unallocated until the judge decides the shares (决定分配).
 */
let browser: Browser;
let bank: SimBank | null = null;
// scripts/run-e2e.ts gives the simulator its admin token: the journeys pay money in through it.
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

type CaseFunds = {
  accountNumber: string;
  enforcementFeeFen: number;
  balances: {
    receivedFen: number;
    feesFen: number;
    payableFen: number;
    paidFen: number;
    escrowFen: number;
    unallocatedFen: number;
  };
  claim: { principalFen: number };
  payout: { light: string; dueOn: string } | null;
  payees: {
    partyId: string;
    name: string;
    payableFen: number;
    reservedFen: number;
    bankAccount: { accountNumber: string } | null;
  }[];
  receipts: { serial: string; amountFen: number; receivedAt: string }[];
  disbursements: { id: string; state: string; amountFen: number }[];
};

async function apiToken(username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'zhixing-demo' }),
  });
  assert.equal(res.status, 200);
  return ((await res.json()) as { token: string }).token;
}

async function api<T>(authToken: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${authToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  assert.ok(res.status === 200 || res.status === 201, `${path}: ${res.status} ${await res.clone().text()}`);
  return (await res.json()) as T;
}

const fundsOf = (authToken: string, caseId: string) =>
  api<CaseFunds>(authToken, `/api/v1/cases/${caseId}/funds`);

/** Open demo cases of the judge's with one applicant and no money yet, newest first. */
/**
 * The demo judge's newest open cases with one applicant and no money yet; with `hasBankAccount`,
 * only those whose applicant the demo gave a bank account (other journeys file cases without one).
 */
async function freshCases(
  judgeToken: string,
  opts: { hasBankAccount?: boolean } = {},
): Promise<{ id: string; caseNumber: string }[]> {
  const open = await api<{ items: { id: string; caseNumber: string; applicantNames: string[] }[] }>(
    judgeToken,
    '/api/v1/cases?mine=true&status=inProgress&sort=-filedOn&pageSize=50',
  );
  const fresh: { id: string; caseNumber: string }[] = [];
  for (const c of open.items.filter((i) => i.applicantNames.length === 1)) {
    const funds = await fundsOf(judgeToken, c.id);
    const hasAccount = funds.payees[0]?.bankAccount != null;
    if (
      funds.receipts.length === 0 &&
      funds.disbursements.length === 0 &&
      (hasAccount || !opts.hasBankAccount)
    )
      fresh.push(c);
    if (fresh.length === 2) break;
  }
  return fresh;
}

/** Waits until the case's funds, read as the API gives them, satisfy `isDone`. */
async function waitForFunds(
  judgeToken: string,
  caseId: string,
  isDone: (f: CaseFunds) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<CaseFunds> {
  const until = Date.now() + timeoutMs;
  let funds = await fundsOf(judgeToken, caseId);
  while (!isDone(funds)) {
    assert.ok(Date.now() < until, `timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
    funds = await fundsOf(judgeToken, caseId);
  }
  return funds;
}

const yuan = (fen: number) => `¥${formatYuan(fen)}`;
const grouped = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ');

async function balanceText(page: Page, bucket: string): Promise<string> {
  return (
    (await page.getByTestId(`funds-balance-${bucket}`).locator('.ant-statistic-content').textContent()) ?? ''
  );
}

function disbursementRow(page: Page, id: string): Locator {
  return page.getByTestId('funds-disbursements').locator(`tr[data-row-key="${id}"]`);
}

async function waitForState(row: Locator, state: string, timeout = 30_000): Promise<void> {
  await row.locator(`[data-testid="disbursement-state"][data-state="${state}"]`).waitFor({ timeout });
}

/** Fills the amount of the proposal form (yuan, as typed) and submits it. */
async function propose(page: Page, amountYuan: string): Promise<void> {
  const form = page.getByTestId('funds-propose');
  const amount = form
    .locator('input[data-testid="propose-amount"], [data-testid="propose-amount"] input')
    .first();
  await amount.fill(amountYuan);
  await form.getByTestId('propose-submit').click();
}

function amountError(page: Page): Locator {
  return page
    .getByTestId('funds-propose')
    .locator('.ant-form-item')
    .filter({ has: page.locator('[data-testid="propose-amount"]') })
    .locator('.ant-form-item-explain-error');
}

test('money paid in twice is booked once, the fee taken; a leader approves the payout and it is paid', async () => {
  assert.ok(bank);
  const judgeToken = await apiToken('xihu.judge');
  const [chosen] = await freshCases(judgeToken);
  assert.ok(chosen, 'the demo judge has an open case with one applicant and no money yet');
  const caseId = chosen.id;
  const before = await fundsOf(judgeToken, caseId);
  const [payee] = before.payees;
  assert.ok(payee && before.claim.principalFen >= 500_000, 'a claim of at least ¥5,000.00');

  // 1. The judge opens the case, in a browser far from China, and finds the account number.
  const judge = await browser.newPage({
    viewport: { width: 1440, height: 1100 },
    timezoneId: 'America/Los_Angeles',
  });
  await signIn(judge, 'xihu.judge');
  await judge.goto(`${baseUrl}/cases/${caseId}`);
  await judge.getByRole('tab', { name: '执行款' }).click();
  const accountNumber = judge.getByTestId('funds-account-number');
  await accountNumber.waitFor();
  assert.equal(await accountNumber.getAttribute('data-account'), before.accountNumber);
  assert.match((await accountNumber.textContent()) ?? '', new RegExp(grouped(before.accountNumber)));
  assert.equal(await judge.getByTestId('funds-payout').getAttribute('data-light'), 'none');

  // 2. The judge records the payee's bank account (typed in blocks, stored as digits).
  await judge.getByTestId(`payee-edit-${payee.partyId}`).click();
  let dialog = judge.getByRole('dialog');
  await dialog.getByTestId('payee-account-number').fill('6222 0210 0109 8765 432');
  await dialog.getByTestId('payee-account-name').fill(payee.name);
  await dialog.getByTestId('payee-bank-name').fill('中国工商银行杭州西湖支行');
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await dialog.waitFor({ state: 'detached' });
  await judge.getByTestId('funds-payees').getByText('6222 0210 0109 8765 432').waitFor();
  const withAccount = await fundsOf(judgeToken, caseId);
  assert.equal(withAccount.payees[0]?.bankAccount?.accountNumber, '6222021001098765432');

  // 3. Money arrives naming the case account: the fee and ¥5,000.00 for the applicant. The
  //    bank is told the same serial twice; the case books it once.
  const feeFen = before.enforcementFeeFen;
  const amountFen = feeFen + 500_000;
  const serial = `E2E${Date.now()}`;
  const transfer = {
    toAccount: before.accountNumber,
    amountFen,
    payerName: '杭州某某贸易有限公司',
    payerAccount: '33001616735059000001',
    serial,
  };
  await payIn(bank, transfer);
  await payIn(bank, transfer);
  let funds = await waitForFunds(judgeToken, caseId, (f) => f.receipts.length > 0, 'the arrival');
  await new Promise((r) => setTimeout(r, 3000)); // room for a second booking, were there one
  funds = await fundsOf(judgeToken, caseId);
  assert.equal(funds.receipts.filter((r) => r.serial === serial).length, 1, 'booked once');
  assert.equal(funds.balances.receivedFen, amountFen);
  assert.equal(funds.balances.feesFen, feeFen);
  assert.equal(funds.balances.payableFen, 500_000);

  await judge.getByTestId('funds-refresh').click();
  await judge.getByTestId('funds-receipts').getByText(serial).waitFor();
  assert.equal(await balanceText(judge, 'received'), yuan(amountFen));
  assert.equal(await balanceText(judge, 'fees'), yuan(feeFen));
  assert.equal(await balanceText(judge, 'payable'), '¥5,000.00');
  assert.equal(await judge.getByTestId('funds-receipts').locator('tbody tr.ant-table-row').count(), 1);
  const receiptRow = judge.getByTestId('funds-receipts').locator('tbody tr.ant-table-row').first();
  const arrivedAt = funds.receipts[0]?.receivedAt ?? '';
  assert.match((await receiptRow.textContent()) ?? '', new RegExp(formatChinaDateTime(arrivedAt)));
  assert.equal(await judge.getByTestId('funds-payout').getAttribute('data-light'), 'green');

  // 4. More than is left is refused beside the amount, by the form and then by the server.
  await propose(judge, '6000');
  await amountError(judge).filter({ hasText: '超过可发放余额 ¥5,000.00' }).waitFor();
  const other = await api<{ id: string }>(judgeToken, '/api/v1/funds/disbursements', {
    caseId,
    payeePartyId: payee.partyId,
    amountFen: 400_000,
    purpose: '另一笔发放申请',
  });
  await propose(judge, '3000'); // the page still believes ¥5,000.00 is left
  await amountError(judge).filter({ hasText: '可发放余额为 ¥1,000.00' }).waitFor();
  await waitForState(disbursementRow(judge, other.id), 'pendingApproval');

  // 5. The court leader rejects that proposal; its money is free again.
  const leader = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
  await signIn(leader, 'xihu.president');
  await leader.goto(`${baseUrl}/cases/${caseId}?tab=funds`);
  const otherRow = disbursementRow(leader, other.id);
  await otherRow.getByTestId('disbursement-reject').click();
  dialog = leader.getByRole('dialog');
  await dialog.getByTestId('disbursement-reject-reason').fill('收款账户待核实');
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await dialog.waitFor({ state: 'detached' });
  await waitForState(otherRow, 'rejected');

  // 6. The judge proposes ¥3,000.00; it waits for the leader.
  await judge.getByTestId('funds-refresh').click();
  await waitForState(disbursementRow(judge, other.id), 'rejected');
  await propose(judge, '3,000');
  funds = await waitForFunds(
    judgeToken,
    caseId,
    (f) => f.disbursements.some((d) => d.state === 'pendingApproval' && d.amountFen === 300_000),
    'the proposal',
  );
  const proposal = funds.disbursements.find((d) => d.state === 'pendingApproval');
  assert.ok(proposal);
  const judgeRow = disbursementRow(judge, proposal.id);
  await waitForState(judgeRow, 'pendingApproval');
  assert.match((await judgeRow.textContent()) ?? '', /0\/1 已批准/);
  assert.equal(await judgeRow.getByTestId('disbursement-approve').count(), 0, 'a judge cannot approve');

  // 7. The leader approves; the page follows the bank until the money is paid.
  await leader.getByTestId('funds-refresh').click();
  const leaderRow = disbursementRow(leader, proposal.id);
  await leaderRow.getByTestId('disbursement-approve').click();
  await leader.locator('.ant-popconfirm .ant-btn-primary').click();
  await waitForState(leaderRow, 'paid', 90_000);
  await waitForState(judgeRow, 'paid', 30_000); // the judge's page too, without a reload
  assert.equal(await balanceText(leader, 'paid'), '¥3,000.00');
  funds = await fundsOf(judgeToken, caseId);
  assert.equal(funds.balances.paidFen, 300_000);
  assert.equal(funds.balances.payableFen, 200_000);

  await leader.close();
  await judge.close();
});

test('money naming no case waits in the claim queue until the judge claims it for the case', async () => {
  assert.ok(bank);
  const judgeToken = await apiToken('xihu.judge');
  const cases = await freshCases(judgeToken);
  const target = cases.at(-1);
  assert.ok(target, 'the demo judge has an open case with no money yet');
  const funds = await fundsOf(judgeToken, target.id);
  // The court's account with a mistyped case number: the check digit no longer fits.
  const digits = funds.accountNumber;
  const mistyped = `${digits.slice(0, -1)}${(Number(digits.at(-1)) + 1) % 10}`;
  const serial = `E2EQ${Date.now()}`;
  await payIn(bank, {
    toAccount: mistyped,
    amountFen: 123_456,
    payerName: '王某某',
    payerAccount: '6217000011112222333',
    serial,
  });

  const judge = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(judge, 'xihu.judge');
  await judge.getByRole('menuitem', { name: /执行款管理/ }).click();
  await judge.waitForURL(/\/funds$/);
  const claim = judge.getByTestId(`claim-${serial}`);
  for (let i = 0; i < 30 && (await claim.count()) === 0; i++) {
    await judge.waitForTimeout(1000);
    await judge.getByRole('button', { name: /刷\s*新/ }).click();
  }
  const row = judge.getByTestId('funds-unmatched').locator('tbody tr').filter({ hasText: serial });
  assert.match((await row.textContent()) ?? '', /¥1,234\.56/);
  assert.match((await row.textContent()) ?? '', new RegExp(grouped(mistyped)));
  await claim.click();
  const dialog = judge.getByRole('dialog');
  await dialog.getByTestId('claim-case').click();
  await judge.keyboard.type(target.caseNumber);
  await judge
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: target.caseNumber })
    .first()
    .click();
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await dialog.waitFor({ state: 'detached' });
  await row.waitFor({ state: 'detached' });

  const claimed = await waitForFunds(
    judgeToken,
    target.id,
    (f) => f.receipts.some((r) => r.serial === serial),
    'the claimed payment',
  );
  assert.equal(claimed.balances.receivedFen, 123_456);
  await judge.goto(`${baseUrl}/cases/${target.id}?tab=funds`);
  await judge.getByTestId('funds-receipts').getByText(serial).waitFor();
  await judge.close();
});

test('a court leader approves a proposal from the desk’s 待审批 list; it is paid and in the month’s report', async () => {
  assert.ok(bank);
  const judgeToken = await apiToken('xihu.judge');
  const [chosen] = await freshCases(judgeToken, { hasBankAccount: true });
  assert.ok(chosen, 'the demo judge has an open case with no money yet whose applicant has a bank account');
  const caseId = chosen.id;
  const before = await fundsOf(judgeToken, caseId);
  await payIn(bank, {
    toAccount: before.accountNumber,
    amountFen: before.enforcementFeeFen + 200_000,
    payerName: '杭州某某科技有限公司',
    payerAccount: '33001616735059000002',
    serial: `E2ED${Date.now()}`,
  });
  const funded = await waitForFunds(
    judgeToken,
    caseId,
    (f) => f.payees.some((p) => p.payableFen > 0),
    'the arrival',
  );
  const payee = funded.payees.find((p) => p.payableFen > 0);
  assert.ok(payee);
  const amountFen = Math.min(150_000, payee.payableFen);
  const proposal = await api<{ id: string }>(judgeToken, '/api/v1/funds/disbursements', {
    caseId,
    payeePartyId: payee.partyId,
    amountFen,
    purpose: '发还执行款',
  });

  // 1. The judge sees the court's pending list read-only.
  const judge = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(judge, 'xihu.judge');
  await judge.goto(`${baseUrl}/funds?tab=pending`);
  const judgeRow = judge
    .getByTestId('funds-court-disbursements')
    .locator(`tr[data-row-key="${proposal.id}"]`);
  await judgeRow.waitFor();
  assert.equal(await judgeRow.getByTestId('disbursement-approve').count(), 0, 'a judge cannot approve');
  await judge.close();

  // 2. The leader opens the desk and lands on what waits for them.
  const leader = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(leader, 'xihu.president');
  await leader.getByRole('menuitem', { name: /执行款管理/ }).click();
  await leader.waitForURL(/\/funds$/);
  const row = leader.getByTestId('funds-court-disbursements').locator(`tr[data-row-key="${proposal.id}"]`);
  await row.waitFor();
  const text = (await row.textContent()) ?? '';
  assert.match(text, new RegExp(chosen.caseNumber.replace(/[()（）]/g, '.')));
  assert.match(text, new RegExp(yuan(amountFen).replace(/[$.]/g, '\\$&')));
  assert.match(text, /0\/1 已批准/);
  assert.equal(await row.getByTestId('disbursement-case').getAttribute('href'), `/cases/${caseId}?tab=funds`);

  // 3. Approved, it leaves the list; the bank pays it.
  await row.getByTestId('disbursement-approve').click();
  await leader.locator('.ant-popconfirm .ant-btn-primary').click();
  await row.waitFor({ state: 'detached' });
  await waitForFunds(
    judgeToken,
    caseId,
    (f) => f.disbursements.some((d) => d.id === proposal.id && d.state === 'paid'),
    'the payout',
    60_000,
  );
  await leader.getByRole('tab', { name: '发放记录' }).click();
  await leader.getByTestId('disbursement-view').getByText('已发放').click();
  const paidRow = leader
    .getByTestId('funds-court-disbursements')
    .locator(`tr[data-row-key="${proposal.id}"]`);
  await paidRow.locator('[data-testid="disbursement-state"][data-state="paid"]').waitFor();

  // 4. The month's report counts it, lists the case's remaining money, and exports to Excel.
  await leader.getByRole('tab', { name: '月报' }).click();
  const paid = leader.getByTestId('monthly-paid');
  await paid.waitFor();
  const payouts = async () => Number(await paid.getAttribute('data-count'));
  for (let i = 0; i < 50 && (await payouts()) === 0; i++) await leader.waitForTimeout(200);
  assert.ok((await payouts()) >= 1, 'the month counts the payout');
  if (payee.payableFen > amountFen) {
    const waiting = leader.getByTestId('monthly-waiting').locator('tbody tr').filter({
      hasText: chosen.caseNumber,
    });
    assert.equal(await waiting.getByTestId('waiting-light').getAttribute('data-light'), 'green');
  }
  const [download] = await Promise.all([
    leader.waitForEvent('download'),
    leader.getByTestId('monthly-export').click(),
  ]);
  assert.match(download.suggestedFilename(), /^执行款月报-\d{4}-\d{2}\.xlsx$/);
  await leader.close();
});

/** Tells the simulated bank to show a line on a day's statement that never happened. */
async function addStatementLine(
  simBank: SimBank,
  body: { account: string; date: string; amountFen: number },
): Promise<{ serial: string }> {
  let last = '';
  for (let attempt = 0; attempt < 30; attempt++) {
    const res = await fetch(`${simBank.url}/sim/bank/discrepancies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${simBank.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, kind: 'extra', direction: 'in' }),
    });
    if (res.status === 201) return (await res.json()) as { serial: string };
    last = `${res.status} ${await res.text()}`;
    if (res.status !== 404) break; // 404: the bank has not been told of the court's account yet
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the simulated bank refused the discrepancy: ${last}`);
}

test('a line on the bank’s statement the books do not have is found by reconciling that day', async () => {
  assert.ok(bank);
  const judgeToken = await apiToken('xihu.judge');
  const { today } = await api<{ today: string }>(judgeToken, '/api/v1/clock');
  const yesterday = addCalendarDays(today, -1);
  const mine = await api<{ items: { id: string }[] }>(judgeToken, '/api/v1/cases?mine=true&pageSize=1');
  const [anyCase] = mine.items;
  assert.ok(anyCase);
  // A case account is the court account (12 digits), the case's sequence and a check digit.
  const courtAccount = (await fundsOf(judgeToken, anyCase.id)).accountNumber.slice(0, 12);
  const { serial } = await addStatementLine(bank, {
    account: courtAccount,
    date: yesterday,
    amountFen: 12_345,
  });

  // In Los Angeles the browser's "yesterday" is not always China's: the form takes the server's.
  const judge = await browser.newPage({
    viewport: { width: 1440, height: 1000 },
    timezoneId: 'America/Los_Angeles',
  });
  await signIn(judge, 'xihu.judge');
  await judge.goto(`${baseUrl}/funds`);
  await judge.getByRole('tab', { name: '对账' }).click();
  const date = judge.getByTestId('reconcile-form').locator('input').first();
  assert.equal(await date.inputValue(), yesterday);
  await judge.getByTestId('reconcile-submit').click();

  const row = judge.getByTestId('funds-reconciliations').locator(`tr[data-row-key="${yesterday}"]`);
  const state = row.getByTestId('reconciliation-state');
  await state.and(judge.locator('[data-state="differences"]')).waitFor();
  assert.equal((await state.textContent())?.trim(), '有差异');
  assert.match((await row.textContent()) ?? '', /¥123\.45/);
  const line = judge
    .getByTestId('reconciliation-differences')
    .locator('tbody tr')
    .filter({ hasText: serial });
  await line.waitFor();
  const lineText = (await line.textContent()) ?? '';
  assert.match(lineText, /银行有、系统无/);
  assert.match(lineText, /收/);
  assert.match(lineText, /¥123\.45/);
  await judge.close();
});

test('a court leader lodges money the applicant refuses in escrow (提存); the payee has that much less', async () => {
  assert.ok(bank);
  const judgeToken = await apiToken('xihu.judge');
  const [chosen] = await freshCases(judgeToken);
  assert.ok(chosen, 'the demo judge has an open case with no money yet');
  const caseId = chosen.id;
  const before = await fundsOf(judgeToken, caseId);
  await payIn(bank, {
    toAccount: before.accountNumber,
    amountFen: before.enforcementFeeFen + 200_000,
    payerName: '杭州某某建材有限公司',
    payerAccount: '33001616735059000003',
    serial: `E2EE${Date.now()}`,
  });
  const funded = await waitForFunds(
    judgeToken,
    caseId,
    (f) => f.payees.some((p) => p.payableFen - p.reservedFen >= 10_000),
    'the arrival',
  );
  const payee = funded.payees.find((p) => p.payableFen - p.reservedFen >= 10_000);
  assert.ok(payee);
  const availableBefore = payee.payableFen - payee.reservedFen;
  assert.equal(funded.balances.escrowFen, 0);

  // 1. The leader opens the case's funds tab and lodges ¥100.00 on the ground 拒绝领取.
  const leader = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
  await signIn(leader, 'xihu.president');
  await leader.goto(`${baseUrl}/cases/${caseId}?tab=funds`);
  const payeeRow = leader.getByTestId('funds-payees').locator(`tr[data-row-key="${payee.partyId}"]`);
  const available = payeeRow.getByTestId('payee-available');
  await available.and(leader.locator(`[data-fen="${availableBefore}"]`)).waitFor();
  assert.equal(await balanceText(leader, 'escrow'), '¥0.00');
  await payeeRow.getByTestId(`payee-escrow-${payee.partyId}`).click();
  const dialog = leader.getByRole('dialog');
  await dialog
    .locator('input[data-testid="escrow-amount"], [data-testid="escrow-amount"] input')
    .first()
    .fill('100');
  // The dropdown animates open; a click that lands before it settles selects nothing, so the
  // choice is checked on the select itself and made again if it did not take.
  const ground = dialog.getByTestId('escrow-ground');
  for (
    let attempt = 0;
    attempt < 3 && !((await ground.textContent()) ?? '').includes('拒绝领取');
    attempt++
  ) {
    await ground.click();
    const option = leader
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '拒绝领取' });
    await option.waitFor({ state: 'visible' });
    await option.click();
    await leader
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .waitFor({ state: 'hidden' });
  }
  assert.match((await ground.textContent()) ?? '', /拒绝领取/);
  await dialog.getByTestId('escrow-note').fill('申请执行人书面表示拒绝领取');
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await dialog.waitFor({ state: 'detached' });

  // 2. The 提存 balance shows it, and the payee has ¥100.00 less to pay out.
  await leader.getByTestId('funds-balance-escrow').and(leader.locator('[data-fen="10000"]')).waitFor();
  assert.equal(await balanceText(leader, 'escrow'), '¥100.00');
  await available.and(leader.locator(`[data-fen="${availableBefore - 10_000}"]`)).waitFor();
  assert.equal((await available.textContent())?.trim(), yuan(availableBefore - 10_000));
  const after = await fundsOf(judgeToken, caseId);
  assert.equal(after.balances.escrowFen, 10_000);
  assert.equal(after.balances.payableFen, funded.balances.payableFen - 10_000);
  await leader.close();
});

/** An amount input of the allocation form (yuan, as typed). */
function allocateInput(page: Page, testId: string): Locator {
  return page
    .getByTestId('funds-allocate')
    .locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`)
    .first();
}

/** A payee's share as the allocation form shows it, in fen. */
async function shareFen(page: Page, partyId: string): Promise<number | null> {
  return yuanToFen(await allocateInput(page, `allocate-share-${partyId}`).inputValue());
}

function allocateTotalError(page: Page): Locator {
  return page
    .getByTestId('funds-allocate')
    .locator('.ant-form-item')
    .filter({ has: page.getByTestId('allocate-total') })
    .locator('.ant-form-item-explain-error');
}

async function submitAllocation(page: Page): Promise<void> {
  await page.getByTestId('allocate-submit').click();
  const confirm = page.locator('.ant-modal-confirm');
  await confirm.waitFor();
  await confirm.locator('.ant-btn-primary').click();
  await confirm.waitFor({ state: 'detached' });
}

test('with two applicants the money waits unallocated until the judge decides the shares (决定分配)', async () => {
  assert.ok(bank);
  const judgeToken = await apiToken('xihu.judge');
  const n = Date.now() % 800;
  const filed = await api<{ id: string; caseNumber: string }>(judgeToken, '/api/v1/cases', {
    caseType: '执',
    basis: {
      kind: 'judgment',
      documentNumber: `（2026）浙0106民初${6000 + n}号`,
      issuedBy: '杭州市西湖区人民法院',
      effectiveDate: '2026-03-02',
    },
    applicants: [
      { kind: 'natural', name: '钱塘甲', idNumber: makeIdNumber('330102', '1978-05-14', 100 + n) },
      { kind: 'natural', name: '钱塘乙', idNumber: makeIdNumber('330102', '1981-11-03', 100 + n) },
    ],
    respondents: [
      { kind: 'natural', name: '沈某某', idNumber: makeIdNumber('330106', '1975-02-27', 100 + n) },
    ],
    claimAmountFen: 20_000_000,
  });
  const caseId = filed.id;
  const before = await fundsOf(judgeToken, caseId);
  const [first, second] = before.payees;
  assert.ok(first && second && before.payees.length === 2, 'the case has two applicants');
  const feeFen = before.enforcementFeeFen;
  const paidInFen = 1_000_000;
  assert.ok(feeFen < paidInFen);

  // 1. ¥10,000.00 arrives; with two applicants nothing is allocated, not even the fee.
  await payIn(bank, {
    toAccount: before.accountNumber,
    amountFen: paidInFen,
    payerName: '沈某某',
    payerAccount: '6217000011114444555',
    serial: `E2EA${Date.now()}`,
  });
  const funded = await waitForFunds(
    judgeToken,
    caseId,
    (f) => f.balances.unallocatedFen === paidInFen,
    'the arrival, unallocated',
  );
  assert.equal(funded.balances.feesFen, 0);
  assert.equal(funded.balances.payableFen, 0);

  // 2. The judge opens the funds tab: the card names the money, the fee to be taken first and
  //    what is left to divide.
  const judge = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
  await signIn(judge, 'xihu.judge');
  await judge.goto(`${baseUrl}/cases/${caseId}?tab=funds`);
  const card = judge.getByTestId('funds-allocate');
  await card.waitFor();
  assert.equal(await balanceText(judge, 'unallocated'), '¥10,000.00');
  assert.match((await card.locator('.ant-card-head').textContent()) ?? '', /未分配执行款 ¥10,000\.00/);
  assert.equal(await card.getByTestId('allocate-fee').getAttribute('data-fen'), String(feeFen));
  const leftFen = paidInFen - feeFen;
  assert.equal(await card.getByTestId('allocate-available').getAttribute('data-fen'), String(leftFen));

  // 3. More than is left is refused by the form, beside the total.
  await allocateInput(judge, `allocate-share-${first.partyId}`).fill('10000');
  await card.getByTestId('allocate-total').and(judge.locator('[data-fen="1000000"]')).waitFor();
  assert.equal(await card.getByTestId('allocate-left').getAttribute('data-fen'), String(leftFen - 1_000_000));
  await judge.getByTestId('allocate-submit').click();
  await allocateTotalError(judge)
    .filter({ hasText: `超过可分配余额 ${yuan(leftFen)}` })
    .waitFor();

  // 4. Meanwhile ¥1.00 is allocated elsewhere (and the fee with it): the page's figures are stale,
  //    and the server refuses the pro-rata split beside the total.
  await api(judgeToken, '/api/v1/funds/allocations', {
    caseId,
    shares: [{ payeePartyId: first.partyId, amountFen: 100 }],
  });
  await judge.getByTestId('allocate-pro-rata').click();
  const [half] = splitFenProRata(leftFen, [1, 1]);
  assert.equal(await shareFen(judge, first.partyId), half);
  await card.getByTestId('allocate-left').and(judge.locator('[data-fen="0"]')).waitFor();
  await submitAllocation(judge);
  const nowLeft = leftFen - 100;
  await allocateTotalError(judge)
    .filter({ hasText: `未分配 ${yuan(nowLeft)}` })
    .waitFor();

  // 5. The page has caught up: no fee is owed any more; pro rata again, and the judge allocates.
  await card.getByTestId('allocate-fee').and(judge.locator('[data-fen="0"]')).waitFor();
  await card
    .getByTestId('allocate-available')
    .and(judge.locator(`[data-fen="${nowLeft}"]`))
    .waitFor();
  await judge.getByTestId('allocate-pro-rata').click();
  const [a = 0, b = 0] = splitFenProRata(nowLeft, [1, 1]);
  assert.equal(await shareFen(judge, first.partyId), a);
  assert.equal(await shareFen(judge, second.partyId), b);
  await submitAllocation(judge);

  // 6. Nothing is left unallocated; each applicant is owed their share.
  await card.waitFor({ state: 'detached' });
  await judge.getByTestId('funds-balance-unallocated').and(judge.locator('[data-fen="0"]')).waitFor();
  assert.equal(await balanceText(judge, 'unallocated'), '¥0.00');
  assert.equal(await balanceText(judge, 'fees'), yuan(feeFen));
  for (const [payee, fen] of [
    [first, 100 + a],
    [second, b],
  ] as const) {
    const payable = judge
      .getByTestId('funds-payees')
      .locator(`tr[data-row-key="${payee.partyId}"]`)
      .getByTestId('payee-payable');
    assert.equal(await payable.getAttribute('data-fen'), String(fen));
    assert.equal((await payable.textContent())?.trim(), yuan(fen));
  }
  const after = await fundsOf(judgeToken, caseId);
  assert.equal(after.balances.unallocatedFen, 0);
  assert.equal(after.balances.feesFen, feeFen);
  assert.deepEqual(
    after.payees.map((p) => p.payableFen),
    [100 + a, b],
  );
  await judge.close();
});
