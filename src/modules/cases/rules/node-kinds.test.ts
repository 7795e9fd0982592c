import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isNodeKind,
  isRecordedFromFunds,
  NodeKind,
  nodeKindLabel,
  nodeKindLabels,
  nodeKinds,
  recordableNodeKinds,
} from './node-kinds.ts';

test('every node kind has a Chinese and an English label', () => {
  for (const kind of nodeKinds) {
    assert.ok(nodeKindLabels[kind].zh.length > 0 && nodeKindLabels[kind].en.length > 0, kind);
  }
  assert.deepEqual(nodeKindLabel(NodeKind.enforcementNoticeSent), {
    zh: '发出执行通知书',
    en: 'Enforcement notice sent',
  });
  assert.equal(nodeKindLabel(NodeKind.applicantConfirmedTermination).zh, '申请执行人签字确认终本');
});

test('an unknown stored kind is shown as it is', () => {
  assert.equal(isNodeKind('legacyKind'), false);
  assert.deepEqual(nodeKindLabel('legacyKind'), { zh: 'legacyKind', en: 'legacyKind' });
});

test('filing, officer assignment, payouts and payout delays are recorded by the system, not by hand', () => {
  const recordable = recordableNodeKinds().map((k) => k.kind);
  assert.equal(recordable.includes(NodeKind.filed), false);
  assert.equal(recordable.includes(NodeKind.officerAssigned), false);
  // A payout is recorded from the bank's confirmation (funds), never typed in.
  assert.equal(recordable.includes(NodeKind.paymentDisbursed), false);
  // 执行款物管理规定 art. 15: a delay's approval and the end of its reason come from the funds module.
  assert.equal(recordable.includes(NodeKind.payoutDelayApproved), false);
  assert.equal(recordable.includes(NodeKind.payoutDelayEnded), false);
  assert.equal(isRecordedFromFunds(NodeKind.payoutDelayEnded), true);
  assert.equal(isRecordedFromFunds(NodeKind.paymentReceived), false);
  assert.equal(recordable.includes(NodeKind.paymentReceived), true);
  assert.equal(recordable.includes(NodeKind.dishonestListed), true);
  // 变更追加规定 art. 28: a respondent joins the case only through a ruling to add (joinRespondent).
  assert.equal(recordable.includes(NodeKind.respondentAdded), false);
  assert.equal(recordable.length, nodeKinds.length - 6);
});
