import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  type ClosingFacts,
  ClosingType,
  canRestore,
  checkClosingPreconditions,
  closingTypeLabel,
  closingTypeList,
  closingTypes,
  evaluateTerminationChecklist,
  isClosingType,
  resolveTerminationFacts,
  restoredCaseType,
} from './closing.ts';
import { NodeKind } from './node-kinds.ts';

const base: ClosingFacts = {
  filedOn: '2026-01-10',
  today: '2026-05-01',
  status: 'inProgress',
  nodeKinds: [NodeKind.filed],
  recoveredFen: 0,
  claimAmountFen: 1_000_000,
  reason: '',
};

const fullTermination: ClosingFacts = {
  ...base,
  nodeKinds: new Set<string>([
    NodeKind.filed,
    NodeKind.enforcementNoticeSent,
    NodeKind.propertyReportOrderIssued,
    NodeKind.consumptionRestrictionIssued,
    NodeKind.dishonestListed,
    NodeKind.onlineInquiryDone,
    NodeKind.onSiteInquiryDone,
    NodeKind.applicantInterviewed,
    NodeKind.applicantConfirmedTermination,
  ]),
};

const itemsOf = (type: string, facts: ClosingFacts) =>
  checkClosingPreconditions(type, facts).unmet.map((u) => u.item);

test('six closing types with labels', () => {
  assert.deepEqual(closingTypes, [
    'fulfilled',
    'terminatedThisRound',
    'terminated',
    'withdrawn',
    'notEnforced',
    'rejected',
  ]);
  assert.deepEqual(closingTypeLabel(ClosingType.terminatedThisRound), {
    zh: '终结本次执行程序',
    en: 'This round of enforcement terminated',
  });
  assert.equal(closingTypeLabel('withdrawn').zh, '销案');
  assert.deepEqual(closingTypeLabel('legacy'), { zh: 'legacy', en: 'legacy' });
  assert.equal(closingTypeList().length, 6);
  assert.ok(isClosingType('notEnforced') && !isClosingType('closed'));
});

test('an unknown closing type and a closed case are refused', () => {
  assert.deepEqual(itemsOf('paidInFull', base), ['closingType']);
  const closed = checkClosingPreconditions(ClosingType.fulfilled, {
    ...base,
    status: 'closed',
    recoveredFen: 1_000_000,
  });
  assert.equal(closed.ok, false);
  assert.deepEqual(closed.unmet, [
    { item: 'status', zh: '案件已结案，不能再次结案', en: 'The case is already closed' },
  ]);
});

test('fulfilled: recovered ≥ claim, or a payment/settlement node with a reason', () => {
  assert.equal(checkClosingPreconditions('fulfilled', { ...base, recoveredFen: 1_000_000 }).ok, true);
  assert.equal(checkClosingPreconditions('fulfilled', { ...base, recoveredFen: 1_200_000 }).ok, true);
  const short = checkClosingPreconditions('fulfilled', { ...base, recoveredFen: 999_999 });
  assert.deepEqual(
    short.unmet.map((u) => u.item),
    ['recoveredFen'],
  );
  assert.equal(short.unmet[0]?.zh, '已执行到位9,999.99元，不足申请执行标的10,000.00元');
  const paidDirectly = { ...base, nodeKinds: [NodeKind.settlementReached] };
  assert.deepEqual(itemsOf('fulfilled', paidDirectly), ['reason']);
  assert.equal(
    checkClosingPreconditions('fulfilled', { ...paidDirectly, reason: '和解协议已履行完毕' }).ok,
    true,
  );
  assert.equal(
    checkClosingPreconditions('fulfilled', {
      ...base,
      nodeKinds: [NodeKind.paymentReceived],
      reason: '被执行人直接向申请人支付',
    }).ok,
    true,
  );
});

test('terminatedThisRound runs the 终本 checklist', () => {
  assert.equal(checkClosingPreconditions('terminatedThisRound', fullTermination).ok, true);
  assert.deepEqual(itemsOf('terminatedThisRound', base), [
    'noticeAndReportOrder',
    'consumptionRestrictionAndDishonestList',
    'propertyInvestigationExhausted',
    'applicantInterviewed',
    'applicantConfirmedOrCollegialReview',
  ]);
  // 终本规定 art. 1(4): not before 3 months have passed since filing
  assert.deepEqual(itemsOf('terminatedThisRound', { ...fullTermination, today: '2026-04-10' }), [
    'filedOverThreeMonths',
  ]);
  assert.deepEqual(itemsOf('terminatedThisRound', { ...fullTermination, recoveredFen: 1_000_000 }), [
    'recoveredFen',
  ]);
});

test('facts from other modules override the nodes', () => {
  // the credit module knows that no dishonest ground applies; the inquiry module that property remains
  const noListing = {
    ...fullTermination,
    nodeKinds: [...fullTermination.nodeKinds].filter((k) => k !== NodeKind.dishonestListed),
  };
  assert.deepEqual(itemsOf('terminatedThisRound', noListing), ['consumptionRestrictionAndDishonestList']);
  assert.equal(
    checkClosingPreconditions('terminatedThisRound', { ...noListing, dishonestListedOrNoGround: true }).ok,
    true,
  );
  assert.deepEqual(itemsOf('terminatedThisRound', { ...fullTermination, hasDisposableProperty: true }), [
    'propertyInvestigationExhausted',
  ]);
  assert.equal(
    resolveTerminationFacts({ ...fullTermination, onlineInquiryDone: undefined }).onlineInquiryDone,
    true,
  );
  assert.equal(
    resolveTerminationFacts({ ...fullTermination, onlineInquiryDone: false }).onlineInquiryDone,
    false,
  );
  const checklist = evaluateTerminationChecklist(fullTermination);
  assert.equal(checklist.length, 7);
  assert.ok(checklist.every((i) => i.satisfied && i.label.zh.length > 0));
});

test('terminated (CPL art. 268), withdrawn, notEnforced (CPL arts. 248–249) and rejected need a reason', () => {
  for (const type of [
    ClosingType.terminated,
    ClosingType.withdrawn,
    ClosingType.notEnforced,
    ClosingType.rejected,
  ]) {
    assert.deepEqual(itemsOf(type, base), ['reason'], type);
    assert.deepEqual(itemsOf(type, { ...base, reason: '   ' }), ['reason'], type);
    assert.equal(checkClosingPreconditions(type, { ...base, reason: '申请执行人撤回申请' }).ok, true, type);
  }
  assert.equal(checkClosingPreconditions('terminated', base).unmet[0]?.zh, '请填写终结执行的事由');
});

test('终本规定 art. 9: only a 终本 closing can be restored, as 执恢', () => {
  assert.equal(canRestore(ClosingType.terminatedThisRound), true);
  for (const type of closingTypes.filter((t) => t !== ClosingType.terminatedThisRound))
    assert.equal(canRestore(type), false);
  assert.equal(canRestore(null), false);
  assert.equal(restoredCaseType, '执恢');
});

test('property: a closed case is never closable; ok means nothing unmet', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...closingTypes),
      fc.constantFrom('filed', 'inProgress', 'suspended', 'closed'),
      fc.subarray(Object.values(NodeKind)),
      fc.nat({ max: 2_000_000 }),
      fc.string({ maxLength: 5 }),
      (type, status, kinds, recoveredFen, reason) => {
        const check = checkClosingPreconditions(type, {
          ...base,
          status,
          nodeKinds: kinds,
          recoveredFen,
          reason,
        });
        return (status !== 'closed' || !check.ok) && check.ok === (check.unmet.length === 0);
      },
    ),
  );
});
