import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkMeetingDay, meetingHorizonDays } from './meeting-day.ts';

test('a meeting is booked on a working day of the official calendar', () => {
  // 国庆节 2026: 10月1日至7日放假，10月10日（周六）上班.
  assert.deepEqual(checkMeetingDay('2026-10-08', '2026-09-28'), { ok: true, value: '2026-10-08' });
  assert.equal(checkMeetingDay('2026-10-10', '2026-09-28').ok, true, 'a make-up Saturday is a working day');
  const holiday = checkMeetingDay('2026-10-01', '2026-09-28');
  assert.equal(holiday.ok, false);
  if (!holiday.ok) assert.equal(holiday.code, 'nonWorkingDay');
  const sunday = checkMeetingDay('2026-10-11', '2026-09-28');
  assert.equal(sunday.ok ? null : sunday.code, 'nonWorkingDay');
});

test('not in the past, and at most 30 days ahead', () => {
  assert.equal(meetingHorizonDays, 30);
  const past = checkMeetingDay('2026-09-25', '2026-09-28');
  assert.equal(past.ok ? null : past.code, 'past');
  assert.equal(checkMeetingDay('2026-09-28', '2026-09-28').ok, true, 'today');
  // 2026-10-28 (Wednesday) is the 30th day after 2026-09-28; 2026-10-29 the 31st.
  assert.equal(checkMeetingDay('2026-10-28', '2026-09-28').ok, true);
  const far = checkMeetingDay('2026-10-29', '2026-09-28');
  assert.equal(far.ok ? null : far.code, 'tooFar');
});
