import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fromDayNumber, isWorkingDay, toDayNumber } from '../../../kernel/index.ts';
import {
  computeDeadlines,
  type DeadlineInput,
  DeadlineKind,
  type DeadlineView,
  daysLeft,
  NodeKind,
  pausedIntervals,
} from './deadlines.ts';

const filed = (overrides: Partial<DeadlineInput> = {}): DeadlineInput => ({
  filedOn: '2026-03-02',
  caseType: '执',
  today: '2026-03-05',
  nodes: [{ kind: NodeKind.filed, occurredOn: '2026-03-02' }],
  ...overrides,
});

const byKind = (views: DeadlineView[], kind: string): DeadlineView => {
  const found = views.find((v) => v.kind === kind);
  assert.ok(found, `no deadline ${kind}`);
  return found;
};

test('first enforcement: the node deadlines from filing', () => {
  const views = computeDeadlines(filed());
  // 执行期限规定 art. 2: officer within 7 days
  assert.equal(byKind(views, DeadlineKind.officerAssignment).dueOn, '2026-03-09');
  // CPL-I art. 480: enforcement notice within 10 days; the report order goes with it in money cases
  assert.equal(byKind(views, DeadlineKind.enforcementNotice).dueOn, '2026-03-12');
  assert.equal(byKind(views, DeadlineKind.propertyReportOrder).dueOn, '2026-03-12');
  // 执行期限规定 art. 5: leads within 3 days (from filing while no officer is recorded)
  assert.equal(byKind(views, DeadlineKind.askApplicantForLeads).dueOn, '2026-03-05');
  // 执行期限规定 art. 7: investigation within about 1 month
  assert.equal(byKind(views, DeadlineKind.investigationFinished).dueOn, '2026-04-02');
  // 执行期限规定 art. 1: 6 months from filing; extension requested ≥ 5 days before expiry
  const handling = byKind(views, DeadlineKind.handlingPeriod);
  assert.equal(handling.dueOn, '2026-09-02');
  assert.equal(handling.latestExtensionRequestOn, '2026-08-28');
  assert.ok(views.every((v) => v.state === 'open'));
  assert.deepEqual(byKind(views, DeadlineKind.enforcementNotice).label, {
    zh: '发出执行通知书',
    en: 'Send the enforcement notice',
  });
});

test('deadlines are met by their nodes, late ones are flagged, missed ones overdue', () => {
  const views = computeDeadlines(
    filed({
      today: '2026-03-20',
      nodes: [
        { kind: NodeKind.filed, occurredOn: '2026-03-02' },
        { kind: NodeKind.officerAssigned, occurredOn: '2026-03-03' },
        { kind: NodeKind.enforcementNoticeSent, occurredOn: '2026-03-13' },
        { kind: NodeKind.applicantAskedForLeads, occurredOn: '2026-03-05' },
      ],
    }),
  );
  const notice = byKind(views, DeadlineKind.enforcementNotice);
  assert.equal(notice.state, 'met');
  assert.equal(notice.metOn, '2026-03-13');
  assert.equal(notice.isLate, true);
  const leads = byKind(views, DeadlineKind.askApplicantForLeads);
  assert.equal(leads.startOn, '2026-03-03');
  assert.equal(leads.dueOn, '2026-03-06');
  assert.equal(leads.isLate, false);
  const report = byKind(views, DeadlineKind.propertyReportOrder);
  assert.equal(report.state, 'overdue');
  // due Thursday 03-12; working days 03-13, 03-16 … 03-20 have passed
  assert.equal(report.daysLeft, -6);
});

test('CPL art. 85: a deadline on a holiday moves to the next working day (configurable)', () => {
  const input = filed({ filedOn: '2026-09-24', today: '2026-09-24', nodes: [] });
  // 2026-09-24 + 7 days = 2026-10-01, National Day holiday until 10-07
  assert.equal(byKind(computeDeadlines(input), DeadlineKind.officerAssignment).dueOn, '2026-10-08');
  const plain = computeDeadlines(input, { rollOverHolidays: false });
  assert.equal(byKind(plain, DeadlineKind.officerAssignment).dueOn, '2026-10-01');
});

test('practice: the investigation period and lead verification are configurable', () => {
  const sixtyDays = computeDeadlines(filed(), { investigationPeriod: { days: 60 } });
  // 2026-03-02 + 60 days = 2026-05-01, Labour Day holiday until 05-05
  assert.equal(byKind(sixtyDays, DeadlineKind.investigationFinished).dueOn, '2026-05-06');
  const lead = filed({ nodes: [{ kind: NodeKind.leadProvided, occurredOn: '2026-03-10' }] });
  // 财产调查规定 (2020): 7 days by default; 执行期限规定 art. 6: 5 days
  assert.equal(byKind(computeDeadlines(lead), DeadlineKind.leadVerification).dueOn, '2026-03-17');
  assert.equal(
    byKind(computeDeadlines(lead, { leadVerificationDays: 5 }), DeadlineKind.leadVerification).dueOn,
    '2026-03-16',
  );
});

test('triggered deadlines: investigation request (10 days) and seizure → reference price (30 days)', () => {
  const views = computeDeadlines(
    filed({
      nodes: [
        { kind: NodeKind.investigationRequested, occurredOn: '2026-03-04' },
        { kind: NodeKind.assetControlled, occurredOn: '2026-03-10' },
      ],
    }),
  );
  assert.equal(byKind(views, DeadlineKind.investigationStart).dueOn, '2026-03-16');
  assert.equal(byKind(views, DeadlineKind.referencePriceStart).dueOn, '2026-04-09');
  assert.equal(
    computeDeadlines(filed()).some((v) => v.kind === DeadlineKind.referencePriceStart),
    false,
  );
});

test('执行款物管理规定 art. 15: payout in 30 days, or a delay approved; 10 days once its reason ends', () => {
  const received = { kind: NodeKind.paymentReceived, occurredOn: '2026-03-10' };
  const plain = computeDeadlines(filed({ today: '2026-04-10', nodes: [received] }));
  assert.equal(byKind(plain, DeadlineKind.payout).dueOn, '2026-04-09');
  assert.equal(byKind(plain, DeadlineKind.payout).state, 'overdue');
  assert.equal(
    plain.some((v) => v.kind === DeadlineKind.payoutAfterDelay),
    false,
  );
  // An approved delay meets the 30 days; the end of its reason starts the 10 days.
  const delayed = computeDeadlines(
    filed({
      today: '2026-05-15',
      nodes: [
        received,
        { kind: NodeKind.payoutDelayApproved, occurredOn: '2026-04-01' },
        { kind: NodeKind.payoutDelayEnded, occurredOn: '2026-05-11' },
      ],
    }),
  );
  const payout = byKind(delayed, DeadlineKind.payout);
  assert.equal(payout.state, 'met');
  assert.equal(payout.metOn, '2026-04-01');
  const after = byKind(delayed, DeadlineKind.payoutAfterDelay);
  assert.equal(after.startOn, '2026-05-11');
  assert.equal(after.dueOn, '2026-05-21');
  assert.equal(after.state, 'open');
  assert.deepEqual(after.label, {
    zh: '延期事由消除后发放执行款',
    en: 'Pay out once the delay’s reason has ended',
  });
  const missed = computeDeadlines(
    filed({
      today: '2026-05-22',
      nodes: [
        received,
        { kind: NodeKind.paymentDisbursed, occurredOn: '2026-03-20' },
        { kind: NodeKind.payoutDelayApproved, occurredOn: '2026-04-01' },
        { kind: NodeKind.payoutDelayEnded, occurredOn: '2026-05-11' },
      ],
    }),
  );
  // A payout before the reason ended does not meet the 10 days that run after it.
  assert.equal(byKind(missed, DeadlineKind.payoutAfterDelay).state, 'overdue');
  const paid = computeDeadlines(
    filed({
      today: '2026-05-22',
      nodes: [
        received,
        { kind: NodeKind.payoutDelayApproved, occurredOn: '2026-04-01' },
        { kind: NodeKind.payoutDelayEnded, occurredOn: '2026-05-11' },
        { kind: NodeKind.paymentDisbursed, occurredOn: '2026-05-18' },
      ],
    }),
  );
  assert.equal(byKind(paid, DeadlineKind.payoutAfterDelay).state, 'met');
  assert.equal(byKind(paid, DeadlineKind.payoutAfterDelay).isLate, false);
});

test('a deadline is met only by a node on or after its start', () => {
  const views = computeDeadlines(
    filed({
      today: '2026-03-20',
      nodes: [
        { kind: NodeKind.leadVerified, occurredOn: '2026-03-05' },
        { kind: NodeKind.leadProvided, occurredOn: '2026-03-10' },
      ],
    }),
  );
  assert.equal(byKind(views, DeadlineKind.leadVerification).state, 'overdue');
});

test('non-litigation enforcement: 3 months; no report order in a non-money case', () => {
  const views = computeDeadlines(filed({ isNonLitigation: true, isMoneyClaim: false }));
  assert.equal(byKind(views, DeadlineKind.handlingPeriod).dueOn, '2026-06-02');
  assert.equal(
    views.some((v) => v.kind === DeadlineKind.propertyReportOrder),
    false,
  );
});

test('objection 15 days (CPL art. 236), review 30 days; no node deadlines for them', () => {
  const objection = computeDeadlines(filed({ caseType: '执异' }));
  assert.deepEqual(
    objection.map((v) => [v.kind, v.dueOn]),
    [[DeadlineKind.handlingPeriod, '2026-03-17']],
  );
  const review = computeDeadlines(filed({ caseType: '执复' }));
  assert.deepEqual(
    review.map((v) => [v.kind, v.dueOn]),
    [[DeadlineKind.handlingPeriod, '2026-04-01']],
  );
  assert.deepEqual(computeDeadlines(filed({ caseType: '执他' })), []);
});

test('suspension is not counted; approved extensions add on', () => {
  const suspended = filed({
    nodes: [
      { kind: NodeKind.suspended, occurredOn: '2026-04-01' },
      { kind: NodeKind.resumed, occurredOn: '2026-04-21' },
    ],
  });
  const handling = byKind(computeDeadlines(suspended), DeadlineKind.handlingPeriod);
  assert.equal(handling.pausedDays, 20);
  assert.equal(handling.dueOn, '2026-09-22');
  const extended = byKind(
    computeDeadlines(filed({ extensions: [{ months: 3 }] })),
    DeadlineKind.handlingPeriod,
  );
  assert.equal(extended.dueOn, '2026-12-02');
  const both = filed({
    extensions: [{ days: 30 }],
    pausedPeriods: [{ from: '2026-05-01', to: '2026-05-11' }],
  });
  // 09-02 + 30 days = 10-02, + 10 paused days = 10-12
  assert.equal(byKind(computeDeadlines(both), DeadlineKind.handlingPeriod).dueOn, '2026-10-12');
});

test('a running suspension stops the clock: never overdue while suspended', () => {
  const input = filed({
    today: '2026-05-01',
    nodes: [{ kind: NodeKind.suspended, occurredOn: '2026-04-01' }],
  });
  const handling = byKind(computeDeadlines(input), DeadlineKind.handlingPeriod);
  assert.equal(handling.isPaused, true);
  assert.equal(handling.pausedDays, 30);
  // 09-02 + 30 days = 10-02 (holiday) → 10-08
  assert.equal(handling.dueOn, '2026-10-08');
  const late = byKind(computeDeadlines({ ...input, today: '2027-06-01' }), DeadlineKind.handlingPeriod);
  assert.equal(late.state, 'open');
});

test('paused periods merge with suspension nodes', () => {
  const input = filed({
    nodes: [
      { kind: NodeKind.suspended, occurredOn: '2026-04-01' },
      { kind: NodeKind.resumed, occurredOn: '2026-04-21' },
    ],
    pausedPeriods: [
      { from: '2026-04-10', to: '2026-05-01' },
      { from: '2026-06-01', to: '2026-06-02' },
    ],
  });
  assert.deepEqual(pausedIntervals(input), [
    { from: '2026-04-01', to: '2026-05-01' },
    { from: '2026-06-01', to: '2026-06-02' },
  ]);
});

test('closing meets the handling period; node deadlines not yet due drop out', () => {
  const views = computeDeadlines(
    filed({
      today: '2026-10-01',
      closedOn: '2026-03-10',
      nodes: [{ kind: NodeKind.paymentReceived, occurredOn: '2026-03-09' }],
    }),
  );
  const handling = byKind(views, DeadlineKind.handlingPeriod);
  assert.equal(handling.state, 'met');
  assert.equal(handling.metOn, '2026-03-10');
  assert.equal(handling.daysLeft, 0);
  // the officer deadline (03-09) was missed before closing; the notice (03-12) was not yet due
  assert.equal(byKind(views, DeadlineKind.officerAssignment).state, 'overdue');
  assert.equal(
    views.some((v) => v.kind === DeadlineKind.enforcementNotice),
    false,
  );
});

test('daysLeft counts working days; overdue is at least −1', () => {
  assert.equal(daysLeft('2026-10-08', '2026-09-30'), 1);
  assert.equal(daysLeft('2026-10-08', '2026-10-08'), 0);
  assert.equal(daysLeft('2026-10-08', '2026-10-09'), -1);
  assert.equal(daysLeft('2026-10-08', '2026-10-10'), -2);
  assert.equal(daysLeft('2026-03-06', '2026-03-07'), -1);
  assert.equal(daysLeft('2026-03-06', '2026-03-10'), -2);
});

test('property: due dates are working days; state follows today; pauses never bring a due date forward', () => {
  const day = fc.integer({ min: toDayNumber('2010-01-01'), max: toDayNumber('2026-06-30') });
  fc.assert(
    fc.property(day, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 90 }), (f, later, pause) => {
      const filedOn = fromDayNumber(f);
      const today = fromDayNumber(f + later);
      const plain = computeDeadlines({ filedOn, caseType: '执', today, nodes: [] });
      const paused = computeDeadlines({
        filedOn,
        caseType: '执',
        today,
        nodes: [],
        pausedPeriods: [{ from: fromDayNumber(f + 10), to: fromDayNumber(f + 10 + pause) }],
      });
      const a = byKind(plain, DeadlineKind.handlingPeriod);
      const b = byKind(paused, DeadlineKind.handlingPeriod);
      return (
        plain.every((v) => isWorkingDay(v.dueOn) && v.state === (today > v.dueOn ? 'overdue' : 'open')) &&
        b.dueOn >= a.dueOn &&
        b.daysLeft < 0 === today > b.dueOn
      );
    }),
  );
});
