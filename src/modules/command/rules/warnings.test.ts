import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deadlineWarning, passiveWarning } from './warnings.ts';

test('yellow from 3 working days before the due date, red after it', () => {
  // 2025-06-13 is a Friday; 3 working days before it is Tuesday 06-10.
  assert.equal(deadlineWarning('2025-06-13', '2025-06-09', []), null);
  assert.deepEqual(deadlineWarning('2025-06-13', '2025-06-10', []), {
    level: 'yellow',
    escalation: 'team',
    days: -3,
  });
  assert.deepEqual(deadlineWarning('2025-06-13', '2025-06-13', []), {
    level: 'yellow',
    escalation: 'team',
    days: 0,
  });
  assert.deepEqual(deadlineWarning('2025-06-13', '2025-06-14', []), {
    level: 'red',
    escalation: 'team',
    days: 1,
  });
});

test('a red warning reaches the leader after 3 days and the centre after 10; special cases twice as fast', () => {
  assert.equal(deadlineWarning('2025-06-13', '2025-06-16', [])?.escalation, 'courtLeader');
  assert.equal(deadlineWarning('2025-06-13', '2025-06-22', [])?.escalation, 'courtLeader');
  assert.equal(deadlineWarning('2025-06-13', '2025-06-23', [])?.escalation, 'commandCentre');
  assert.equal(deadlineWarning('2025-06-13', '2025-06-15', ['livelihood'])?.escalation, 'courtLeader');
  assert.equal(deadlineWarning('2025-06-13', '2025-06-18', ['military'])?.escalation, 'commandCentre');
});

test('no node for 30 days may be passive (15 for special cases); twice that goes to the centre', () => {
  assert.equal(passiveWarning('2025-01-01', '2025-01-30', [], 30), null);
  assert.deepEqual(passiveWarning('2025-01-01', '2025-01-31', [], 30), {
    level: 'red',
    escalation: 'courtLeader',
    days: 30,
  });
  assert.equal(passiveWarning('2025-01-01', '2025-03-02', [], 30)?.escalation, 'commandCentre');
  assert.equal(passiveWarning('2025-01-01', '2025-01-16', ['stateOrgan'], 30)?.days, 15);
  assert.equal(passiveWarning('2025-01-01', '2025-01-21', [], 20)?.escalation, 'courtLeader');
});
