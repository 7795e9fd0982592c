import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NodeKind } from './node-kinds.ts';
import {
  minimumMonthsSinceFiling,
  runTerminationChecklist,
  type TerminationInput,
  terminationChecklist,
  terminationFactKeys,
  terminationFactsFromNodes,
} from './termination-checklist.ts';

const allDone: TerminationInput = {
  filedOn: '2026-01-10',
  today: '2026-05-01',
  enforcementNoticeSent: true,
  propertyReportOrderIssued: true,
  consumptionRestricted: true,
  dishonestListedOrNoGround: true,
  onlineInquiryDone: true,
  onSiteInquiryDone: false,
  leadsChecked: true,
  hasDisposableProperty: false,
  isDebtorLocated: true,
  debtorSearched: false,
  hasObstruction: false,
  obstructionSanctioned: false,
  applicantInterviewed: true,
  applicantConfirmed: false,
  collegialReviewed: true,
};

const itemOf = (input: TerminationInput, item: string) => {
  const found = runTerminationChecklist(input).find((r) => r.item === item);
  assert.ok(found, item);
  return found;
};

test('seven items: 终本规定 art. 1(1)–(5), art. 5, CPL-I art. 517', () => {
  assert.deepEqual(
    terminationChecklist.map((i) => i.item),
    [
      'noticeAndReportOrder',
      'consumptionRestrictionAndDishonestList',
      'propertyInvestigationExhausted',
      'filedOverThreeMonths',
      'debtorSearchedAndObstructionSanctioned',
      'applicantInterviewed',
      'applicantConfirmedOrCollegialReview',
    ],
  );
  const results = runTerminationChecklist(allDone);
  assert.ok(results.every((r) => r.satisfied));
  assert.equal(results[0]?.zh, '已发出执行通知书和报告财产令');
  assert.equal(results[0]?.source, '终本规定 art. 1(1)');
});

test('an unsatisfied item says what is missing, in both languages', () => {
  const r = itemOf({ ...allDone, propertyReportOrderIssued: false }, 'noticeAndReportOrder');
  assert.equal(r.satisfied, false);
  assert.equal(r.zh, '尚未完成：发出报告财产令');
  assert.equal(r.en, 'Not yet done: issue the property report order');
  const both = itemOf(
    { ...allDone, consumptionRestricted: false, dishonestListedOrNoGround: false },
    'consumptionRestrictionAndDishonestList',
  );
  assert.equal(both.zh, '尚未完成：发出限制消费令、将符合条件的被执行人纳入失信名单');
});

test('art. 1(3): online inquiry plus on-site inquiry or checked leads; nothing disposable left', () => {
  const item = 'propertyInvestigationExhausted';
  assert.equal(itemOf({ ...allDone, onlineInquiryDone: false }, item).satisfied, false);
  assert.equal(itemOf({ ...allDone, leadsChecked: false, onSiteInquiryDone: false }, item).satisfied, false);
  assert.equal(itemOf({ ...allDone, leadsChecked: false, onSiteInquiryDone: true }, item).satisfied, true);
  assert.equal(itemOf({ ...allDone, hasDisposableProperty: true }, item).satisfied, false);
});

test('art. 1(4): more than 3 months since filing', () => {
  assert.equal(minimumMonthsSinceFiling, 3);
  const item = 'filedOverThreeMonths';
  // filed 2026-01-10: three months end on 2026-04-10; 终本 possible from 2026-04-11
  const onTheDay = itemOf({ ...allDone, today: '2026-04-10' }, item);
  assert.equal(onTheDay.satisfied, false);
  assert.equal(onTheDay.zh, '立案未超过三个月，2026-04-11起方可终本');
  assert.equal(itemOf({ ...allDone, today: '2026-04-11' }, item).satisfied, true);
  // month-end clamping: filed 2025-11-30 → 2026-02-28
  assert.equal(itemOf({ ...allDone, filedOn: '2025-11-30', today: '2026-02-28' }, item).satisfied, false);
  assert.equal(itemOf({ ...allDone, filedOn: '2025-11-30', today: '2026-03-01' }, item).satisfied, true);
});

test('art. 1(5): a missing debtor must be searched for; obstruction sanctioned', () => {
  const item = 'debtorSearchedAndObstructionSanctioned';
  assert.equal(itemOf({ ...allDone, isDebtorLocated: false }, item).satisfied, false);
  assert.equal(itemOf({ ...allDone, isDebtorLocated: false, debtorSearched: true }, item).satisfied, true);
  assert.equal(itemOf({ ...allDone, hasObstruction: true }, item).satisfied, false);
  assert.equal(
    itemOf({ ...allDone, hasObstruction: true, obstructionSanctioned: true }, item).satisfied,
    true,
  );
});

test('art. 5 and CPL-I art. 517: interview, then confirmation or collegial review', () => {
  assert.equal(itemOf({ ...allDone, applicantInterviewed: false }, 'applicantInterviewed').satisfied, false);
  const item = 'applicantConfirmedOrCollegialReview';
  assert.equal(itemOf({ ...allDone, collegialReviewed: false }, item).satisfied, false);
  assert.equal(
    itemOf({ ...allDone, collegialReviewed: false, applicantConfirmed: true }, item).satisfied,
    true,
  );
});

test('facts from nodes; debtor taken as located and no obstruction unless told otherwise', () => {
  const facts = terminationFactsFromNodes([
    NodeKind.enforcementNoticeSent,
    NodeKind.dishonestListed,
    NodeKind.leadVerified,
  ]);
  assert.equal(facts.enforcementNoticeSent, true);
  assert.equal(facts.propertyReportOrderIssued, false);
  assert.equal(facts.dishonestListedOrNoGround, true);
  assert.equal(facts.leadsChecked, true);
  assert.equal(facts.isDebtorLocated, true);
  assert.equal(facts.hasObstruction, false);
  assert.deepEqual([...terminationFactKeys].sort(), Object.keys(facts).sort());
});
