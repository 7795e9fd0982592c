import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  applicationDecisionDays,
  applicationDecisionDueOn,
  checkExtension,
  checkGraceMonths,
  graceMonthsRange,
  listingExpiresOn,
  listingExtensionYears,
  listingTermYears,
  publishFrom,
} from './term.ts';

test('失信规定 art. 2: grounds (2)–(6) run two years from the decision; ground (1) has no fixed term', () => {
  assert.equal(listingTermYears, 2);
  for (const ground of [2, 3, 4, 5, 6] as const)
    assert.equal(listingExpiresOn(ground, '2024-03-15'), '2026-03-15');
  assert.equal(listingExpiresOn(1, '2024-03-15'), null);
  // a year counted from 29 February ends on the month's last day in a common year (民法典 art. 202)
  assert.equal(listingExpiresOn(2, '2024-02-29'), '2026-02-28');
});

test('art. 2: the term may be extended by 1 to 3 years, never for ground (1)', () => {
  assert.deepEqual(listingExtensionYears, { min: 1, max: 3 });
  assert.equal(listingExpiresOn(2, '2024-03-15', 1), '2027-03-15');
  assert.equal(listingExpiresOn(3, '2024-03-15', 3), '2029-03-15');
  assert.equal(checkExtension(2, 1).ok, true);
  assert.equal(checkExtension(2, 3).ok, true);
  assert.equal(checkExtension(2, undefined).ok, true);
  for (const bad of [0, 4, 1.5, -1]) {
    const r = checkExtension(2, bad);
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.path, 'extendYears');
  }
  const one = checkExtension(1, 1);
  assert.equal(one.ok, false);
  if (!one.ok) assert.match(one.zh, /无固定期限/);
});

test('2019 opinion: a grace period of 1 to 3 months before publication', () => {
  assert.deepEqual(graceMonthsRange, { min: 1, max: 3 });
  assert.equal(checkGraceMonths(undefined).ok, true);
  assert.equal(checkGraceMonths(0).ok, true);
  assert.equal(checkGraceMonths(1).ok, true);
  assert.equal(checkGraceMonths(3).ok, true);
  assert.equal(checkGraceMonths(4).ok, false);
  assert.equal(checkGraceMonths(2.5).ok, false);
  assert.equal(publishFrom('2026-01-31'), '2026-01-31');
  // one month from 31 January ends on 28 February; publication starts the next day
  assert.equal(publishFrom('2026-01-31', 1), '2026-03-01');
  assert.equal(publishFrom('2026-03-10', 3), '2026-06-11');
});

test('art. 5: an applicant’s application is decided within 15 days', () => {
  assert.equal(applicationDecisionDays, 15);
  assert.equal(applicationDecisionDueOn('2026-05-20'), '2026-06-04');
  assert.equal(applicationDecisionDueOn('2026-12-25'), '2027-01-09');
});
