import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  deputyProposalDueOn,
  isReplyLate,
  longestReplyMonths,
  replyMonths,
} from './deputy-proposal-period.ts';

test('a suggestion or proposal is answered within three months of its assignment by default', () => {
  assert.equal(replyMonths, 3);
  assert.deepEqual(deputyProposalDueOn('2026-03-10'), { ok: true, value: '2026-06-10' });
  // The same day three months later, or the month's last day (2014 SPC reply on periods in months).
  assert.deepEqual(deputyProposalDueOn('2026-11-30'), { ok: true, value: '2027-02-28' });
});

test('a court may set its own period in days, never past six months', () => {
  assert.equal(longestReplyMonths, 6);
  assert.deepEqual(deputyProposalDueOn('2026-03-10', 30), { ok: true, value: '2026-04-09' });
  // Six months from 2026-03-10 is 2026-09-10: 184 days is that day, 185 one past it.
  assert.deepEqual(deputyProposalDueOn('2026-03-10', 184), { ok: true, value: '2026-09-10' });
  const tooLong = deputyProposalDueOn('2026-03-10', 185);
  assert.equal(tooLong.ok ? null : tooLong.code, 'replyDays');
});

test('a reply is late when given, or still missing, after its day', () => {
  assert.equal(isReplyLate('2026-06-10', '2026-06-10', '2026-07-01'), false);
  assert.equal(isReplyLate('2026-06-10', '2026-06-11', '2026-07-01'), true);
  assert.equal(isReplyLate('2026-06-10', null, '2026-06-10'), false);
  assert.equal(isReplyLate('2026-06-10', null, '2026-06-11'), true);
});
