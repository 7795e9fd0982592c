import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DeadlineKind,
  deadlineKindLabel,
  deadlineKindLabels,
  defaultDeadlineOptions,
  handlingPeriodOf,
  isExtensionRequestTimely,
  latestExtensionRequestOn,
  nodeDeadlineRules,
} from './deadline-rules.ts';

test('执行期限规定 art. 1: 6 months, non-litigation 3 months; CPL art. 236: objections 15 days; reviews 30', () => {
  assert.deepEqual(handlingPeriodOf('执', false)?.period, { months: 6 });
  assert.deepEqual(handlingPeriodOf('执恢', false)?.period, { months: 6 });
  assert.deepEqual(handlingPeriodOf('执', true)?.period, { months: 3 });
  assert.deepEqual(handlingPeriodOf('执异', false)?.period, { days: 15 });
  assert.deepEqual(handlingPeriodOf('执复', false)?.period, { days: 30 });
  assert.equal(handlingPeriodOf('执协', false), null);
});

test('the node deadlines carry the numbers of DOMAIN §2', () => {
  const daysOf = (kind: string) => {
    const rule = nodeDeadlineRules.find((r) => r.kind === kind);
    assert.ok(rule, kind);
    const period = rule.period(defaultDeadlineOptions);
    return 'days' in period ? period.days : `${period.months} months`;
  };
  assert.equal(daysOf(DeadlineKind.officerAssignment), 7);
  assert.equal(daysOf(DeadlineKind.enforcementNotice), 10);
  assert.equal(daysOf(DeadlineKind.propertyReportOrder), 10);
  assert.equal(daysOf(DeadlineKind.askApplicantForLeads), 3);
  assert.equal(daysOf(DeadlineKind.leadVerification), 7);
  assert.equal(daysOf(DeadlineKind.investigationStart), 10);
  assert.equal(daysOf(DeadlineKind.investigationFinished), '1 months');
  assert.equal(daysOf(DeadlineKind.referencePriceStart), 30);
  // 执行款物管理规定 art. 15: 30 days from arrival; 10 days once an approved delay's reason ends
  assert.equal(daysOf(DeadlineKind.payout), 30);
  assert.equal(daysOf(DeadlineKind.payoutAfterDelay), 10);
});

test('执行期限规定 art. 1: an extension is requested at least 5 days before expiry', () => {
  assert.equal(latestExtensionRequestOn('2026-09-02'), '2026-08-28');
  assert.equal(isExtensionRequestTimely('2026-09-02', '2026-08-28'), true);
  assert.equal(isExtensionRequestTimely('2026-09-02', '2026-08-29'), false);
});

test('labels for every deadline kind; unknown kinds are shown as they are', () => {
  for (const kind of Object.values(DeadlineKind)) assert.ok(deadlineKindLabels[kind].zh.length > 0, kind);
  assert.equal(deadlineKindLabel(DeadlineKind.handlingPeriod).zh, '执行期限');
  assert.deepEqual(deadlineKindLabel('legacy'), { zh: 'legacy', en: 'legacy' });
});
