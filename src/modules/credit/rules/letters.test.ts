import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderDeletionDecision, renderListingDecision, renderRestrictionOrder } from './letters.ts';
import { isPublishedOn, publicSubjectOf } from './public-record.ts';

const c = {
  courtName: '杭州市西湖区人民法院',
  caseNumber: '（2026）浙0106执123号',
  basisDocumentNumber: '（2025）浙0106民初45号',
  basisIssuedBy: '杭州市西湖区人民法院',
  applicantNames: ['杭州甲公司'],
};
const person = {
  kind: 'natural' as const,
  name: '李四',
  idNumber: '330106198005011236',
  creditCode: null,
  legalRepresentative: null,
};

test('the listing decision states the ground, reasons, term and grace period, signed by the president', () => {
  const text = renderListingDecision({
    c,
    subject: person,
    ground: 2,
    facts: '伪造证据',
    expiresOn: '2028-06-01',
    extendYears: 0,
    publishFrom: '2026-07-02',
    decidedOn: '2026-06-01',
    presidentName: '周正',
  });
  assert.match(text, /第一条第（二）项/);
  assert.match(text, /2028年6月1日止（2年）/);
  assert.match(text, /宽限期/);
  assert.match(text, /院长　周正/);
  const one = renderListingDecision({
    c,
    subject: person,
    ground: 1,
    facts: '有能力不履行',
    expiresOn: null,
    extendYears: 0,
    publishFrom: '2026-06-01',
    decidedOn: '2026-06-01',
    presidentName: '周正',
  });
  assert.match(one, /不设固定期限/);
});

test('the restriction order lists the nine behaviours and the bound persons', () => {
  const text = renderRestrictionOrder({
    c,
    subject: {
      kind: 'legal',
      name: '杭州乙公司',
      idNumber: null,
      creditCode: '9144030071526726XG',
      legalRepresentative: '王五',
    },
    boundPersons: [{ role: 'legalRepresentative', name: '王五' }],
    behaviours: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    orderedOn: '2026-06-01',
    presidentName: '周正',
  });
  assert.match(text, /法定代表人王五/);
  assert.match(text, /（9）乘坐G字头动车组列车/);
  assert.match(
    renderDeletionDecision({
      c,
      subject: person,
      ground: 'fullyPerformed',
      reason: '',
      deletedOn: '2026-07-01',
    }),
    /art\. 10\(1\)/,
  );
});

test('the public record masks digits 11–14 of the ID number and shows sex and age', () => {
  assert.deepEqual(publicSubjectOf(person, '2026-06-01'), {
    kind: 'natural',
    name: '李四',
    sex: 'male',
    age: 46,
    idNumber: '3301061980****1236',
  });
  const custom = publicSubjectOf(person, '2026-06-01', { from: 7, to: 14 });
  assert.equal(custom.kind === 'natural' ? custom.idNumber : '', '330106********1236');
});

test('published: listed, past the grace period, within the term', () => {
  const e = { state: 'listed', publishFrom: '2026-07-01', expiresOn: '2028-06-01' };
  assert.equal(isPublishedOn(e, '2026-06-30'), false);
  assert.equal(isPublishedOn(e, '2026-07-01'), true);
  assert.equal(isPublishedOn(e, '2028-06-02'), false);
  assert.equal(isPublishedOn({ ...e, state: 'deleted' }, '2026-07-02'), false);
});
