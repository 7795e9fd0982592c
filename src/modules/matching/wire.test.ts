import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MatchResult, PunishmentView } from './engine/matcher.ts';
import { toWireChanges, toWireResult } from './wire.ts';

const listing: PunishmentView = {
  punishment: 'dishonestList',
  role: 'debtor',
  since: '2026-01-05',
  until: '2028-01-05',
  court: '杭州市西湖区人民法院',
  caseNumber: '（2026）浙0106执1号',
  reference: 'ZX0000000001',
};

test('the published names: a punishment is a `measure` in `measures`, fields in their order', () => {
  const r: MatchResult = {
    subject: { name: '杭州华新科技有限公司' },
    restricted: true,
    match: 'fuzzy',
    score: 1,
    matchedName: '杭州华新科技有限公司',
    punishments: [{ ...listing, punishment: 'consumptionRestriction', behaviours: [9] }],
    candidates: [{ name: '杭州华新科技有限公司', score: 1, punishments: [listing] }],
  };
  const wire = JSON.parse(JSON.stringify(toWireResult(r)));
  assert.deepEqual(Object.keys(wire), [
    'subject',
    'restricted',
    'match',
    'score',
    'matchedName',
    'measures',
    'candidates',
  ]);
  assert.deepEqual(wire.measures, [
    {
      measure: 'consumptionRestriction',
      behaviours: [9],
      role: 'debtor',
      since: '2026-01-05',
      until: '2028-01-05',
      court: '杭州市西湖区人民法院',
      caseNumber: '（2026）浙0106执1号',
      reference: 'ZX0000000001',
    },
  ]);
  assert.equal(wire.candidates[0].measures[0].measure, 'dishonestList');
  assert.ok(!JSON.stringify(wire).includes('punishment'));
});

test('a subject not restricted, or in error, answers `measures: []` and nothing else', () => {
  const serialised = (r: MatchResult) => JSON.stringify(toWireResult(r));
  assert.equal(
    serialised({ subject: { idNumber: 'x' }, restricted: false, punishments: [] }),
    '{"subject":{"idNumber":"x"},"restricted":false,"measures":[]}',
  );
  const failed = JSON.parse(
    serialised({
      subject: {},
      restricted: false,
      punishments: [],
      error: { code: 'EMPTY_SUBJECT', message: 'x' },
    }),
  );
  assert.deepEqual(Object.keys(failed), ['subject', 'restricted', 'measures', 'error']);
});

test('a change of the feed carries its punishment as `measure`', () => {
  const page = toWireChanges({
    changes: [
      {
        seq: 7,
        kind: 'restrictionAdded',
        punishment: 'consumptionRestriction',
        subject: { kind: 'natural', idNumber: null, creditCode: null, name: '张伟' },
        behaviours: [1],
        role: 'legalRepresentative',
        since: '2026-01-05',
        until: null,
        court: '杭州市西湖区人民法院',
        caseNumber: '（2026）浙0106执1号',
        reference: 'ZX0000000004',
        occurredAt: '2026-01-05T02:00:00.000Z',
      },
    ],
    next: '7',
  });
  assert.equal(page.changes[0]?.measure, 'consumptionRestriction');
  assert.deepEqual(Object.keys(page.changes[0] ?? {}).slice(0, 4), ['seq', 'kind', 'measure', 'subject']);
  assert.equal(page.next, '7');
});
