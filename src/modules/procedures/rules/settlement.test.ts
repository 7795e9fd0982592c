import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addCalendarDays } from '../../../kernel/index.ts';
import {
  checkInstalments,
  dueSoonReminderDays,
  type Instalment,
  type InstalmentStatus,
  limitationEndsOn,
  limitationYears,
  maxInstalments,
  reminderFor,
  type SettlementPayment,
  standingOn,
} from './settlement.ts';

const today = '2026-03-02';

test('instalments: at least one, due today or later, strictly increasing, positive fen', () => {
  const ok = checkInstalments(
    [
      { dueDate: today, amountFen: 100 },
      { dueDate: '2026-04-01', amountFen: 250 },
    ],
    today,
  );
  assert.deepEqual(ok, { ok: true, totalFen: 350, lastDueDate: '2026-04-01' });
  const none = checkInstalments([], today);
  assert.equal(none.ok, false);
  assert.equal(!none.ok && none.path, 'instalments');
  const past = checkInstalments([{ dueDate: '2026-03-01', amountFen: 100 }], today);
  assert.equal(!past.ok && past.path, 'instalments.0.dueDate');
  const same = checkInstalments(
    [
      { dueDate: '2026-04-01', amountFen: 100 },
      { dueDate: '2026-04-01', amountFen: 100 },
    ],
    today,
  );
  assert.equal(!same.ok && same.path, 'instalments.1.dueDate');
  const backwards = checkInstalments(
    [
      { dueDate: '2026-05-01', amountFen: 100 },
      { dueDate: '2026-04-01', amountFen: 100 },
    ],
    today,
  );
  assert.equal(!backwards.ok && backwards.path, 'instalments.1.dueDate');
  for (const amountFen of [0, -1, 1.5]) {
    const wrong = checkInstalments([{ dueDate: today, amountFen }], today);
    assert.equal(!wrong.ok && wrong.path, 'instalments.0.amountFen', String(amountFen));
  }
  const many = Array.from({ length: maxInstalments + 1 }, (_, i) => ({
    dueDate: addCalendarDays(today, i),
    amountFen: 1,
  }));
  assert.equal(checkInstalments(many, today).ok, false);
  const huge = checkInstalments(
    [
      { dueDate: today, amountFen: Number.MAX_SAFE_INTEGER },
      { dueDate: '2026-04-01', amountFen: 1 },
    ],
    today,
  );
  assert.equal(!huge.ok && huge.path, 'instalments.1.amountFen');
});

test('the 2-year limit runs from the last day of performance (CPL art. 250)', () => {
  assert.equal(limitationYears, 2);
  assert.equal(limitationEndsOn('2026-06-30'), '2028-06-30');
  // No 29 February two years on: the month's last day.
  assert.equal(limitationEndsOn('2028-02-29'), '2030-02-28');
});

const plan: Instalment[] = [
  { dueDate: '2026-03-10', amountFen: 10_000 },
  { dueDate: '2026-04-10', amountFen: 20_000 },
];

test('payments go to the earliest instalment; unpaid after its due date is overdue', () => {
  const before = standingOn(plan, [], '2026-03-10');
  assert.deepEqual(
    before.instalments.map((i) => i.status),
    ['pending', 'pending'],
  );
  const after = standingOn(plan, [], '2026-03-11');
  assert.deepEqual(
    after.instalments.map((i) => i.status),
    ['overdue', 'pending'],
  );
  assert.ok(after.hasOverdue);
  const payments: SettlementPayment[] = [{ paidOn: '2026-03-09', amountFen: 15_000 }];
  const paid = standingOn(plan, payments, '2026-03-20');
  assert.deepEqual(
    paid.instalments.map((i) => [i.status, i.paidFen]),
    [
      ['paid', 10_000],
      ['pending', 5_000],
    ],
  );
  assert.equal(paid.paidFen, 15_000);
  assert.equal(paid.outstandingFen, 15_000);
  // A payment dated later does not count on an earlier day.
  assert.equal(standingOn(plan, payments, '2026-03-08').paidFen, 0);
  const all = standingOn(plan, [...payments, { paidOn: '2026-04-01', amountFen: 15_000 }], '2026-04-01');
  assert.ok(all.isFullyPaid);
  assert.equal(all.outstandingFen, 0);
});

test('reminders: due soon from 3 days before the due date (practice), overdue after it', () => {
  assert.equal(dueSoonReminderDays, 3);
  const [first] = standingOn(plan, [], '2026-03-06').instalments;
  assert.ok(first);
  assert.equal(reminderFor(first, '2026-03-06'), null, '4 days before: nothing yet');
  assert.equal(reminderFor(first, '2026-03-07'), 'dueSoon', '3 days before');
  assert.equal(reminderFor(first, '2026-03-10'), 'dueSoon', 'on the day');
  const [late] = standingOn(plan, [], '2026-03-11').instalments;
  assert.ok(late);
  assert.equal(reminderFor(late, '2026-03-11'), 'overdue');
  const [paid] = standingOn(plan, [{ paidOn: '2026-03-01', amountFen: 10_000 }], '2026-03-08').instalments;
  assert.ok(paid);
  assert.equal(reminderFor(paid, '2026-03-08'), null);
});

const arbitraryPlan = fc
  .array(
    fc.record({ gap: fc.integer({ min: 1, max: 60 }), amountFen: fc.integer({ min: 1, max: 5_000_000 }) }),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((parts) => {
    let dueDate = today;
    return parts.map((p): Instalment => {
      dueDate = addCalendarDays(dueDate, p.gap);
      return { dueDate, amountFen: p.amountFen };
    });
  });

const arbitraryPayments = fc.array(
  fc.record({ day: fc.integer({ min: 0, max: 800 }), amountFen: fc.integer({ min: 1, max: 3_000_000 }) }),
  { maxLength: 10 },
);

test('property: paid + outstanding = total, and no instalment is paid beyond its amount', () => {
  fc.assert(
    fc.property(
      arbitraryPlan,
      arbitraryPayments,
      fc.integer({ min: 0, max: 900 }),
      (instalments, raw, day) => {
        const payments = raw.map((p) => ({ paidOn: addCalendarDays(today, p.day), amountFen: p.amountFen }));
        const s = standingOn(instalments, payments, addCalendarDays(today, day));
        assert.equal(s.paidFen + s.outstandingFen, s.totalFen);
        assert.equal(
          s.totalFen,
          instalments.reduce((sum, i) => sum + i.amountFen, 0),
        );
        for (const i of s.instalments) assert.ok(i.paidFen >= 0 && i.paidFen <= i.amountFen);
        assert.equal(s.isFullyPaid, s.outstandingFen === 0);
      },
    ),
  );
});

// pending → overdue → paid, pending → paid: a status never goes back as days pass.
const rank: Record<InstalmentStatus, number> = { pending: 0, overdue: 1, paid: 2 };

test('property: each instalment’s status moves only forward over time', () => {
  fc.assert(
    fc.property(
      arbitraryPlan,
      arbitraryPayments,
      fc.integer({ min: 0, max: 900 }),
      fc.integer({ min: 0, max: 400 }),
      (instalments, raw, day, later) => {
        const payments = raw.map((p) => ({ paidOn: addCalendarDays(today, p.day), amountFen: p.amountFen }));
        const first = standingOn(instalments, payments, addCalendarDays(today, day));
        const second = standingOn(instalments, payments, addCalendarDays(today, day + later));
        first.instalments.forEach((s, i) => {
          const next = second.instalments[i];
          assert.ok(next);
          assert.ok(rank[next.status] >= rank[s.status], `${s.status} → ${next.status}`);
          assert.ok(next.paidFen >= s.paidFen);
        });
      },
    ),
  );
});
