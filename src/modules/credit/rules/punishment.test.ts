import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isPunishmentKind,
  PunishmentCode,
  punishmentKinds,
  punishmentRoles,
  referenceOf,
} from './punishment.ts';

test('three kinds of punishment, numbered 1 to 3 in their order', () => {
  assert.deepEqual(punishmentKinds, ['dishonestList', 'consumptionRestriction', 'exitRestriction']);
  for (const kind of punishmentKinds) assert.equal(punishmentKinds[PunishmentCode[kind] - 1], kind);
  assert.equal(isPunishmentKind('exitRestriction'), true);
  assert.equal(isPunishmentKind('freeze'), false, 'a control measure is not a punishment');
});

test('限消规定 art. 3: the debtor first, then the four persons an organisation’s restriction binds', () => {
  assert.deepEqual(punishmentRoles, [
    'debtor',
    'legalRepresentative',
    'principal',
    'responsiblePerson',
    'actualController',
  ]);
});

test('a reference is ZX and ten digits', () => {
  assert.equal(referenceOf(42), 'ZX0000000042');
  assert.match(referenceOf(2_000_000_000), /^ZX\d{10}$/);
});
