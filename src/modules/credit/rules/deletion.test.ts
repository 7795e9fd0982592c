import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  applicantBarEndsOn,
  applicantRequestBarMonths,
  deletionDueOn,
  deletionForCaseClosing,
  deletionGrounds,
  deletionWorkingDays,
  hasTermEnded,
  isApplicantBarred,
  isCreditRepair,
  isSuspensionDeletionGround,
  minimumEmptySearches,
  revocationDueOn,
  revocationWorkingDays,
  shouldDeleteAfterTermination,
  termEndDeletionDueOn,
} from './deletion.ts';

test('失信规定 art. 10: deletion within 3 working days, skipping weekends and holidays', () => {
  assert.equal(deletionWorkingDays, 3);
  // Friday 2026-06-05 → Mon 8, Tue 9, Wed 10
  assert.equal(deletionDueOn('2026-06-05'), '2026-06-10');
  // National Day 2026: 1–7 October off; Thu 8, Fri 9 and the make-up Saturday 10 October count
  assert.equal(deletionDueOn('2026-09-30'), '2026-10-10');
  assert.equal(termEndDeletionDueOn('2026-06-05'), '2026-06-10');
});

test('art. 9: a wrong entry is revoked or corrected within 3 working days', () => {
  assert.equal(revocationWorkingDays, 3);
  assert.equal(revocationDueOn('2026-06-05'), '2026-06-10');
});

test('art. 10: every ground that closes a case maps to its deletion ground', () => {
  assert.equal(deletionForCaseClosing('fulfilled', false), 'fullyPerformed');
  assert.equal(deletionForCaseClosing('fulfilled', true), 'settlementPerformed');
  assert.equal(deletionForCaseClosing('terminated', false), 'enforcementTerminated');
  assert.equal(deletionForCaseClosing('withdrawn', false), 'enforcementTerminated');
  assert.equal(deletionForCaseClosing('notEnforced', false), 'notEnforced');
  assert.equal(deletionForCaseClosing('rejected', false), 'notEnforced');
  // 终本 by itself is no ground: art. 10(4) needs two empty searches afterwards
  assert.equal(deletionForCaseClosing('terminatedThisRound', false), null);
  assert.equal(deletionGrounds.fullyPerformed.clause, 'art. 10(1)');
  assert.equal(deletionGrounds.enforcementTerminated.clause, 'art. 10(7)');
});

test('art. 10(4): two or more empty searches after 终本 and no lead; never for a fixed term', () => {
  assert.equal(minimumEmptySearches, 2);
  const base = { hasFixedTerm: false, hasLead: false };
  assert.equal(shouldDeleteAfterTermination({ ...base, searchesWithNothingFound: 1 }), false);
  assert.equal(shouldDeleteAfterTermination({ ...base, searchesWithNothingFound: 2 }), true);
  assert.equal(shouldDeleteAfterTermination({ ...base, searchesWithNothingFound: 3 }), true);
  assert.equal(shouldDeleteAfterTermination({ ...base, searchesWithNothingFound: 2, hasLead: true }), false);
  assert.equal(
    shouldDeleteAfterTermination({ ...base, searchesWithNothingFound: 5, hasFixedTerm: true }),
    false,
  );
});

test('art. 10(5): only a suspension for retrial or bankruptcy deletes', () => {
  assert.equal(isSuspensionDeletionGround('因本案进入审判监督程序，裁定中止执行'), true);
  assert.equal(isSuspensionDeletionGround('被执行人进入破产程序'), true);
  assert.equal(isSuspensionDeletionGround('申请执行人同意暂缓'), false);
});

test('art. 10(3): the same applicant’s new request is refused for 6 months after deletion on request', () => {
  assert.equal(applicantRequestBarMonths, 6);
  assert.equal(applicantBarEndsOn('2026-01-31'), '2026-07-31');
  assert.equal(isApplicantBarred('2026-01-31', '2026-07-31'), true);
  assert.equal(isApplicantBarred('2026-01-31', '2026-08-01'), false);
  assert.equal(isApplicantBarred(null, '2026-02-01'), false);
});

test('a fixed term has ended the day after its last day; credit repair grounds', () => {
  assert.equal(hasTermEnded('2026-06-01', '2026-06-01'), false);
  assert.equal(hasTermEnded('2026-06-01', '2026-06-02'), true);
  assert.equal(hasTermEnded(null, '2099-01-01'), false);
  assert.equal(isCreditRepair('fullyPerformed'), true);
  assert.equal(isCreditRepair('settlementPerformed'), true);
  assert.equal(isCreditRepair('securityProvided'), true);
  assert.equal(isCreditRepair('termExpired'), false);
});
