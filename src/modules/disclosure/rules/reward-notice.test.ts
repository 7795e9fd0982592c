import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rewardAmountProblem, rewardDecisionDueOn, rewardExclusionOf } from './reward-notice.ts';

test('a reward notice is decided within 10 days of the application (财产调查规定 art. 21)', () => {
  assert.equal(rewardDecisionDueOn('2026-03-02'), '2026-03-12');
  // Calendar days: across a month's end and the Spring Festival alike.
  assert.equal(rewardDecisionDueOn('2026-02-25'), '2026-03-07');
});

const excluded = {
  agents: [{ name: '李明', idNumber: null }],
  obliged: [
    { name: '王五', idNumber: '33010619900101123X' },
    { name: '张伟', idNumber: null },
  ],
};

test('the applicant’s agent takes no reward: matched by name (art. 24)', () => {
  assert.equal(
    rewardExclusionOf({ name: '李 明', idNumber: '330106198001011238' }, excluded)?.reason,
    'agent',
  );
});

test('a respondent obliged to report takes no reward: by ID number (any case of x) or name (art. 24)', () => {
  assert.equal(
    rewardExclusionOf({ name: '赵六', idNumber: '33010619900101123x' }, excluded)?.reason,
    'obliged',
  );
  assert.equal(
    rewardExclusionOf({ name: '王五', idNumber: '330106198001011238' }, excluded)?.reason,
    'obliged',
  );
  // An organisation's legal representative reports for it.
  assert.equal(
    rewardExclusionOf({ name: '张伟', idNumber: '330106198001011238' }, excluded)?.reason,
    'obliged',
  );
});

test('anyone else may be rewarded', () => {
  assert.equal(rewardExclusionOf({ name: '赵六', idNumber: '330106198001011238' }, excluded), null);
});

const ledger = { announcedFen: 500_000, grantedOnNoticeFen: 0, recoveredFen: 300_000, grantedOnCaseFen: 0 };

test('the reward is paid from the recovery: never more than the case recovered (art. 24)', () => {
  assert.equal(rewardAmountProblem(300_000, ledger), null);
  assert.ok(rewardAmountProblem(300_001, ledger));
  // What other notices of the case already paid counts against the recovery.
  assert.equal(rewardAmountProblem(100_000, { ...ledger, grantedOnCaseFen: 200_000 }), null);
  assert.ok(rewardAmountProblem(100_001, { ...ledger, grantedOnCaseFen: 200_000 }));
  // Nothing recovered: no reward yet, but a clue may be found useful without one.
  assert.ok(rewardAmountProblem(1, { ...ledger, recoveredFen: 0 }));
  assert.equal(rewardAmountProblem(0, { ...ledger, recoveredFen: 0 }), null);
});

test('a notice pays no more than it announced', () => {
  const rich = { ...ledger, recoveredFen: 10_000_000 };
  assert.equal(rewardAmountProblem(500_000, rich), null);
  assert.ok(rewardAmountProblem(500_001, rich));
  assert.ok(rewardAmountProblem(1, { ...rich, grantedOnNoticeFen: 500_000 }));
});

test('a reward is a whole, non-negative number of fen', () => {
  assert.ok(rewardAmountProblem(-1, ledger));
  assert.ok(rewardAmountProblem(1.5, ledger));
});
