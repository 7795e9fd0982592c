import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  allRestrictedBehaviours,
  boundPersonsOf,
  boundRoleValues,
  isRestrictedBehaviour,
  isSpendingAllowed,
  liftGrounds,
} from './consumption.ts';

test('限消规定 art. 3: nine restricted behaviours', () => {
  assert.deepEqual(allRestrictedBehaviours, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(isRestrictedBehaviour(0), false);
  assert.equal(isRestrictedBehaviour(10), false);
});

test('art. 3: an organisation’s restriction binds its legal representative, principal, responsible person and actual controller', () => {
  assert.deepEqual(boundRoleValues, [
    'legalRepresentative',
    'principal',
    'responsiblePerson',
    'actualController',
  ]);
  const persons = [
    { role: 'legalRepresentative' as const, name: '张伟', idNumber: '330106198005011236' },
    { role: 'actualController' as const, name: '', idNumber: '330106198005011236' },
  ];
  assert.equal(boundPersonsOf('legal', persons).length, 1);
  assert.equal(boundPersonsOf('natural', persons).length, 0);
});

test('art. 9: lifted on performance or security (credit repair) or the applicant’s consent', () => {
  assert.equal(liftGrounds.performed.isRepair, true);
  assert.equal(liftGrounds.security.isRepair, true);
  assert.equal(liftGrounds.applicantConsent.isRepair, false);
});

test('a private-spending permission covers its behaviours within its dates only', () => {
  const permission = { behaviours: [1, 9], validFrom: '2026-06-01', validUntil: '2026-06-10' };
  assert.equal(isSpendingAllowed(permission, 1, '2026-06-01'), true);
  assert.equal(isSpendingAllowed(permission, 9, '2026-06-10'), true);
  assert.equal(isSpendingAllowed(permission, 9, '2026-06-11'), false);
  assert.equal(isSpendingAllowed(permission, 3, '2026-06-05'), false);
  assert.equal(isSpendingAllowed(null, 1, '2026-06-05'), false);
});
