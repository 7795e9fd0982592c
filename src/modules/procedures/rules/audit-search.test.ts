import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  auditDecisionDays,
  auditDecisionDueOn,
  auditFeeAdvancedBy,
  auditFeeBorneBy,
  auditorsDrawn,
  auditRespondentProblem,
  isAuditDecisionLate,
  searchApprovalDays,
  searchApprovalDueOn,
  searchDateProblem,
  searchWarrantValidDays,
} from './audit-search.ts';

test('财产调查规定 art. 17: an audit application is decided within 10 days of receipt', () => {
  assert.equal(auditDecisionDays, 10);
  assert.equal(auditDecisionDueOn('2026-03-01'), '2026-03-11');
  assert.equal(auditDecisionDueOn('2026-02-25'), '2026-03-07');
  assert.equal(isAuditDecisionLate('2026-03-11', '2026-03-11'), false);
  assert.equal(isAuditDecisionLate('2026-03-11', '2026-03-12'), true);
});

test('财产调查规定 art. 17: only an organisation is audited', () => {
  assert.notEqual(auditRespondentProblem('natural'), null);
  assert.equal(auditRespondentProblem('legal'), null);
  assert.equal(auditRespondentProblem('other'), null);
});

test('财产调查规定 arts. 18, 21: one auditor at random; the applicant advances the fee, the evader bears it', () => {
  assert.equal(auditorsDrawn, 1);
  assert.equal(auditFeeAdvancedBy, 'applicant');
  assert.equal(auditFeeBorneBy(true), 'respondent');
  assert.equal(auditFeeBorneBy(false), 'applicant');
});

test('DOMAIN §2: the warrant is signed (or refused) within 7 days of the request', () => {
  assert.equal(searchApprovalDays, 7);
  assert.equal(searchApprovalDueOn('2026-03-01'), '2026-03-08');
});

test('a search is recorded on a day between the signed warrant and today, within 30 days (practice)', () => {
  assert.equal(searchWarrantValidDays, 30);
  const today = '2026-04-15';
  assert.equal(searchDateProblem('2026-04-01', '2026-04-01', today), null);
  assert.equal(searchDateProblem('2026-04-15', '2026-04-01', today), null);
  assert.notEqual(searchDateProblem('2026-04-16', '2026-04-01', today), null);
  assert.notEqual(searchDateProblem('2026-03-31', '2026-04-01', today), null);
  assert.equal(searchDateProblem('2026-05-01', '2026-04-01', '2026-06-01'), null);
  assert.notEqual(searchDateProblem('2026-05-02', '2026-04-01', '2026-06-01'), null);
});
