import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ProgressFacts, progressScript, spokenNodeCount } from './progress-script.ts';

const facts: ProgressFacts = {
  caseNumber: '（2026）浙0106执88号',
  court: '杭州市西湖区人民法院',
  filedOn: '2026-03-02',
  statusLabel: { zh: '执行中', en: 'In progress' },
  claimFen: 8_650_000,
  recoveredFen: 1_000_050,
  paidFen: 0,
  latestNodes: [
    { kind: 'other', label: { zh: '其他', en: 'Other' }, occurredOn: '2026-03-07' },
    {
      kind: 'onlineInquiryDone',
      label: { zh: '网络查控完毕', en: 'Online inquiry completed' },
      occurredOn: '2026-03-06',
    },
    {
      kind: 'enforcementNoticeSent',
      label: { zh: '发出执行通知书', en: 'Enforcement notice sent' },
      occurredOn: '2026-03-03',
    },
  ],
  nextDeadline: { label: { zh: '启动调查', en: 'Investigation' }, dueOn: '2026-03-12' },
  judge: '王法官',
  materials: null,
};

test('the progress is read as sentences: status, money, latest steps (no bare "other"), next deadline, judge', () => {
  const lines = progressScript(facts);
  assert.deepEqual(lines, [
    '（2026）浙0106执88号案由杭州市西湖区人民法院于2026年3月2日立案，目前状态：执行中。',
    '申请执行标的86,500.00元，已执行到位10,000.50元。',
    '最近进展：2026年3月6日网络查控完毕；2026年3月3日发出执行通知书。',
    '下一节点：启动调查，期限为2026年3月12日。',
    '承办法官：王法官。',
  ]);
});

test('money paid out is told; at most five steps are read; a case without steps says so', () => {
  assert.equal(spokenNodeCount, 5);
  const many = Array.from({ length: 8 }, (_, i) => ({
    kind: 'leadVerified',
    label: { zh: `步骤${i}`, en: `Step ${i}` },
    occurredOn: '2026-03-03',
  }));
  const lines = progressScript({
    ...facts,
    paidFen: 500_000,
    latestNodes: many,
    nextDeadline: null,
    judge: null,
  });
  assert.match(lines[1] ?? '', /已向申请执行人发放5,000.00元/);
  assert.equal((lines[2]?.match(/步骤/g) ?? []).length, 5);
  assert.equal(lines.length, 3);
  assert.equal(progressScript({ ...facts, latestNodes: [] })[2], '本案暂无其他进展。');
});

test('materials received at the window are told with the last receipt', () => {
  const lines = progressScript({
    ...facts,
    materials: { count: 2, lastReceivedOn: '2026-03-07', lastReceiptNumber: '（2026）浙0106执事收12号' },
  });
  assert.ok(
    lines.includes('执行事务中心已收取本案材料2次，最近一次为2026年3月7日（回执（2026）浙0106执事收12号）。'),
  );
});
