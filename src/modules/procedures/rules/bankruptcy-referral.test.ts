import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  acceptanceDays,
  caseEffectOf,
  checkReferralCriteria,
  type DebtorFacts,
  defaultMinCasesAgainstDebtor,
  isEnterpriseLegalPerson,
  isReferralOpen,
  isTransferLate,
  ReferralCriterion,
  referralDates,
  serviceDays,
  statusAfterOutcome,
  transferDays,
} from './bankruptcy-referral.ts';

const company: DebtorFacts = {
  partyKind: 'legal',
  creditCode: '91330106MA2B123456',
  outstandingFen: 1_000_000,
  inquiry: { answeredQueries: 4, pendingQueries: 0, assetCount: 0, attachableFen: 0 },
  otherCases: { open: 1, terminated: 0 },
};

function met(facts: DebtorFacts, criterion: string): boolean | undefined {
  return checkReferralCriteria(facts).criteria.find((c) => c.criterion === criterion)?.isMet;
}

test('法发〔2017〕2号 art. 2(1): only an enterprise legal person (GB 32100 "91…") is referred', () => {
  assert.equal(isEnterpriseLegalPerson('legal', '91330106MA2B123456'), true);
  // A state organ (registering authority 1 = 机构编制) is a legal person that never goes bankrupt.
  assert.equal(isEnterpriseLegalPerson('legal', '11330000002482168Q'), false);
  // A partnership or sole proprietorship registered as an enterprise is no legal person.
  assert.equal(isEnterpriseLegalPerson('other', '91330106MA2B123456'), false);
  assert.equal(isEnterpriseLegalPerson('natural', null), false);
  assert.equal(met({ ...company, partyKind: 'natural', creditCode: null }, 'enterpriseLegalPerson'), false);
});

test('art. 2(3) evidenced by the online inquiry: run, finished, nothing or too little found', () => {
  assert.equal(met(company, ReferralCriterion.inquiryShowsTooLittle), true);
  assert.equal(met({ ...company, inquiry: null }, 'inquiryShowsTooLittle'), false);
  const running = { answeredQueries: 2, pendingQueries: 1, assetCount: 0, attachableFen: 0 };
  assert.equal(met({ ...company, inquiry: running }, 'inquiryShowsTooLittle'), false);
  const some = { answeredQueries: 4, pendingQueries: 0, assetCount: 2, attachableFen: 999_999 };
  assert.equal(met({ ...company, inquiry: some }, 'inquiryShowsTooLittle'), true);
  assert.equal(
    met({ ...company, inquiry: { ...some, attachableFen: 1_000_000 } }, 'inquiryShowsTooLittle'),
    false,
  );
});

test('(practice) several cases: this one and at least one other, open or 终本, against the debtor', () => {
  assert.equal(defaultMinCasesAgainstDebtor, 2);
  assert.equal(met({ ...company, otherCases: { open: 0, terminated: 0 } }, 'severalCases'), false);
  assert.equal(met({ ...company, otherCases: { open: 0, terminated: 1 } }, 'severalCases'), true);
  const three = checkReferralCriteria(
    { ...company, otherCases: { open: 1, terminated: 0 } },
    { minCasesAgainstDebtor: 3 },
  );
  assert.equal(three.meetsCriteria, false);
  const several = three.criteria.find((c) => c.criterion === 'severalCases');
  assert.equal(several?.basis, 'practice');
  assert.match(several?.zh ?? '', /共2件/);
});

test('all criteria met: the respondent may be referred; each criterion says why', () => {
  const check = checkReferralCriteria(company);
  assert.equal(check.meetsCriteria, true);
  assert.deepEqual(
    check.criteria.map((c) => [c.criterion, c.isMet, c.basis]),
    [
      ['enterpriseLegalPerson', true, 'law'],
      ['inquiryShowsTooLittle', true, 'law'],
      ['severalCases', true, 'practice'],
    ],
  );
  for (const c of check.criteria) assert.ok(c.zh.length > 0 && c.en.length > 0);
});

test('periods: served within 5 days, transferred within 15 days of the consent (practice), 30 days to rule', () => {
  assert.equal(serviceDays, 5);
  assert.equal(transferDays, 15);
  assert.equal(acceptanceDays, 30);
  // 2026-03-02 is a Monday: 5 days → Saturday 03-07 → Monday 03-09 (CPL art. 85).
  assert.deepEqual(referralDates('2026-03-02', '2026-03-02'), {
    transferDueOn: '2026-03-17',
    serviceDueOn: '2026-03-09',
    acceptanceDueOn: '2026-04-01',
  });
  // CPL art. 85: a period ending in the National Day holiday ends on the next working day.
  assert.equal(referralDates('2026-09-16', '2026-09-16').transferDueOn, '2026-10-08');
  assert.equal(isTransferLate('2026-03-02', '2026-03-17'), false);
  assert.equal(isTransferLate('2026-03-02', '2026-03-18'), true);
});

test('CPL-I art. 513: accepted stays suspended, bankrupt terminates, not accepted resumes', () => {
  assert.deepEqual(caseEffectOf, {
    accepted: 'staySuspended',
    declaredBankrupt: 'terminate',
    refused: 'resume',
  });
  assert.equal(statusAfterOutcome('awaitingAcceptance', 'accepted'), 'accepted');
  assert.equal(statusAfterOutcome('awaitingAcceptance', 'refused'), 'refused');
  assert.equal(statusAfterOutcome('awaitingAcceptance', 'declaredBankrupt'), 'declaredBankrupt');
  assert.equal(statusAfterOutcome('accepted', 'declaredBankrupt'), 'declaredBankrupt');
  assert.equal(statusAfterOutcome('accepted', 'refused'), 'refused');
  assert.equal(statusAfterOutcome('accepted', 'accepted'), null);
  assert.equal(statusAfterOutcome('refused', 'accepted'), null);
  assert.equal(statusAfterOutcome('declaredBankrupt', 'refused'), null);
  assert.equal(isReferralOpen('awaitingAcceptance'), true);
  assert.equal(isReferralOpen('accepted'), true);
  assert.equal(isReferralOpen('refused'), false);
});
