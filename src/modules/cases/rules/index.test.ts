import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addWorkingDays,
  CaseType,
  canRestore,
  checkClosingPreconditions,
  chinaToday,
  computeDeadlines,
  daysLeft,
  evaluateTerminationChecklist,
  formatCaseNumber,
  isValidCourtCode,
  makeCreditCode,
  maskIdNumber,
  parseCaseNumber,
  validateCreditCode,
  validateIdNumber,
  validatePartyName,
  workingDaysBetween,
} from './index.ts';

test('the rules are reachable through the index', () => {
  const functions = [
    addWorkingDays,
    canRestore,
    checkClosingPreconditions,
    chinaToday,
    computeDeadlines,
    daysLeft,
    evaluateTerminationChecklist,
    isValidCourtCode,
    makeCreditCode,
    maskIdNumber,
    parseCaseNumber,
    validateCreditCode,
    validateIdNumber,
    validatePartyName,
    workingDaysBetween,
  ];
  assert.ok(functions.every((f) => typeof f === 'function'));
  assert.equal(
    formatCaseNumber({ year: 2026, courtCode: '浙0106', typeCode: CaseType.first, sequence: 1234 }),
    '（2026）浙0106执1234号',
  );
});
