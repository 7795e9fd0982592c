import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskDigitsIn, maskIdentifier } from './masking.ts';
import { composeNotice } from './notice-document.ts';

const base = {
  caseNumber: '（2026）浙0106执1234号',
  courtName: '杭州市西湖区人民法院',
  institutionName: '中国工商银行',
  respondentName: '王某',
  identifier: '6222020000001234567',
  description: '活期存款账户',
  issuedOn: '2026-03-01',
};

test('a deposit freeze produces 协助冻结存款通知书 with amount, period and legal basis', () => {
  const n = composeNotice({
    ...base,
    kind: 'freeze',
    assetType: 'deposit',
    amountFen: 12_345_600,
    until: '2027-03-01',
  });
  assert.equal(n.name, '协助冻结存款通知书（（2026）浙0106执1234号，中国工商银行）');
  assert.match(n.text, /人民币123,456\.00元/);
  assert.match(n.text, /期限至2027-03-01止/);
  assert.match(n.text, /第二百五十三条/);
});

test('each measure has its own notice title', () => {
  const titleOf = (o: Parameters<typeof composeNotice>[0]) => composeNotice(o).name.split('（')[0];
  assert.equal(titleOf({ ...base, kind: 'seal', assetType: 'realEstate' }), '协助查封不动产通知书');
  assert.equal(titleOf({ ...base, kind: 'seal', assetType: 'equity' }), '协助冻结股权通知书');
  assert.equal(titleOf({ ...base, kind: 'seize', assetType: 'vehicle' }), '协助扣押通知书');
  assert.equal(
    titleOf({ ...base, kind: 'renew', assetType: 'deposit', targetKind: 'freeze' }),
    '协助续行冻结通知书',
  );
  assert.equal(
    titleOf({ ...base, kind: 'unfreeze', assetType: 'vehicle', targetKind: 'seal' }),
    '协助解除查封通知书',
  );
  assert.equal(titleOf({ ...base, kind: 'deduct', assetType: 'deposit' }), '协助扣划存款通知书');
});

test('masks', () => {
  assert.equal(maskIdentifier('6222020000001234567'), '6222***********4567');
  assert.equal(maskIdentifier('浙A12345'), '浙A***45');
  assert.equal(maskIdentifier('abc'), '***');
  assert.equal(maskDigitsIn('账户6222020000001234567余额'), '账户6222***********4567余额');
});
