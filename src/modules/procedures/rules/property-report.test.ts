import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  changeReportDays,
  changesSince,
  compareReport,
  type FoundAsset,
  isChangeReportTimely,
  isMaterialDifference,
  lateChanges,
  obligationStatusOn,
  proposalsFor,
  reportDueOn,
  reportKindOf,
  reportPeriodDays,
} from './property-report.ts';

test('the reporting period: 5 days from the order (practice)', () => {
  assert.equal(reportPeriodDays, 5);
  assert.equal(reportDueOn('2026-03-02'), '2026-03-07');
  assert.equal(reportDueOn('2026-02-26'), '2026-03-03');
  assert.equal(reportDueOn('2026-03-02', 10), '2026-03-12');
});

test('changes since 1 year before the order (CPL art. 252)', () => {
  assert.equal(changesSince('2026-03-02'), '2025-03-02');
  assert.equal(changesSince('2028-02-29'), '2027-02-28');
});

test('a later change is reported within 10 days of it (财产调查规定 art. 9)', () => {
  assert.equal(changeReportDays, 10);
  assert.ok(isChangeReportTimely('2026-03-01', '2026-03-11'));
  assert.ok(!isChangeReportTimely('2026-03-01', '2026-03-12'));
  const late = lateChanges(
    [
      { kind: 'vehicle', description: '卖出车辆', changedOn: '2026-03-01' },
      { kind: 'deposit', description: '新开账户', changedOn: '2026-03-05' },
      { kind: 'other', description: '无日期' },
    ],
    '2026-03-12',
  );
  assert.deepEqual(
    late.map((d) => [d.code, d.description]),
    [['changeReportedLate', '卖出车辆']],
  );
});

test('an obligation: awaiting until its due date, late after it, reported or refused as recorded', () => {
  const o = { dueOn: '2026-03-07', firstReportedOn: null, isRefused: false };
  assert.equal(obligationStatusOn(o, '2026-03-07'), 'awaiting');
  assert.equal(obligationStatusOn(o, '2026-03-08'), 'late');
  assert.equal(obligationStatusOn({ ...o, isRefused: true }, '2026-03-05'), 'refused');
  assert.equal(obligationStatusOn({ ...o, firstReportedOn: '2026-03-09' }, '2026-03-10'), 'reported');
});

function anAsset(overrides: Partial<FoundAsset>): FoundAsset {
  return {
    assetType: 'deposit',
    institution: 'icbc',
    institutionName: '中国工商银行',
    identifier: '6222020000001234',
    description: '活期存款',
    valueFen: null,
    balanceFen: 5_000_000,
    ...overrides,
  };
}

test('inquiry asset types fall under the report kinds', () => {
  assert.equal(reportKindOf('deposit'), 'deposit');
  assert.equal(reportKindOf('onlinePayment'), 'deposit');
  assert.equal(reportKindOf('realEstate'), 'realEstate');
  assert.equal(reportKindOf('housingFund'), 'other');
});

test('comparison: matched by identifier (or its last 4+ characters), then by institution', () => {
  const found = [
    anAsset({}),
    anAsset({
      assetType: 'vehicle',
      institution: 'vehicle-registry',
      institutionName: '车管所',
      identifier: '浙A12345',
      balanceFen: null,
      valueFen: 8_000_000,
    }),
    anAsset({
      assetType: 'realEstate',
      institution: 'realty',
      institutionName: '不动产登记中心',
      identifier: '浙(2020)杭州市不动产权第0001号',
      balanceFen: null,
      valueFen: 300_000_000,
    }),
  ];
  const differences = compareReport(
    [
      { kind: 'deposit', description: '工资卡', identifier: '1234', valueFen: 5_000_000 },
      { kind: 'vehicle', description: '小汽车', institution: '车管所', valueFen: 7_900_000 },
      { kind: 'securities', description: '股票账户', identifier: 'A000111' },
      { kind: 'receivable', description: '对某公司的到期债权', valueFen: 100_000 },
    ],
    found,
  );
  assert.deepEqual(
    differences.map((d) => [d.code, d.kind]),
    [
      ['notReported', 'realEstate'],
      ['notFound', 'securities'],
    ],
  );
  const [concealed] = differences;
  assert.equal(concealed?.foundValueFen, 300_000_000);
});

test('comparison: a value far from the institution’s is flagged (practice: 10% and ¥1,000)', () => {
  assert.ok(!isMaterialDifference(5_000_000, 5_090_000), '¥900 apart');
  assert.ok(isMaterialDifference(5_000_000, 5_600_000), '¥6,000 and 10.7% apart');
  assert.ok(!isMaterialDifference(100_000_000, 105_000_000), '¥50,000 but 4.8% apart');
  const differences = compareReport(
    [{ kind: 'deposit', description: '存款', identifier: '6222 0200 0000 1234', valueFen: 100_000 }],
    [anAsset({})],
  );
  assert.deepEqual(
    differences.map((d) => [d.code, d.reportedValueFen, d.foundValueFen]),
    [['valueDiffers', 100_000, 5_000_000]],
  );
});

test('comparison: nothing reported and nothing found — nothing to flag', () => {
  assert.deepEqual(compareReport([], []), []);
  assert.deepEqual(
    compareReport([], [anAsset({})]).map((d) => d.code),
    ['notReported'],
  );
});

test('proposals: a fine or detention and a listing on ground 4 when the duty is breached', () => {
  const caseId = '00000000-0000-4000-8000-000000000001';
  assert.deepEqual(proposalsFor('awaiting', [], caseId), []);
  assert.deepEqual(proposalsFor('reported', [], caseId), []);
  for (const status of ['late', 'refused'] as const) {
    assert.deepEqual(
      proposalsFor(status, [], caseId).map((p) => [p.kind, p.ground]),
      [
        ['sanction', null],
        ['dishonestListing', 4],
      ],
    );
  }
  const concealed = compareReport([], [anAsset({})]);
  assert.equal(proposalsFor('reported', concealed, caseId).length, 2);
  const onlyToVerify = compareReport([{ kind: 'equity', description: '某公司股权' }], []);
  assert.deepEqual(proposalsFor('reported', onlyToVerify, caseId), []);
});
