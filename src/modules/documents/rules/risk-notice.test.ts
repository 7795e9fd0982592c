import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRiskNoticeDue, riskNoticeWindowDays } from './risk-notice.ts';
import { buildDocument, type DocumentFacts, documentLines } from './templates.ts';

const facts: DocumentFacts = {
  courtName: '杭州市西湖区人民法院',
  caseNumber: '（2026）浙0106执88号',
  filedOn: '2026-03-02',
  issuedOn: '2026-03-02',
  basis: {
    kind: 'judgment',
    documentNumber: '（2025）浙0106民初9号',
    issuedBy: '杭州市西湖区人民法院',
    effectiveDate: '2026-01-10',
  },
  applicants: [
    {
      name: '杭州钱江建材有限公司',
      kind: 'legal',
      idNumber: null,
      creditCode: '91330106MA2B3C4D5E',
      address: null,
      legalRepresentative: '陆海',
    },
  ],
  respondents: [
    {
      name: '周文斌',
      kind: 'natural',
      idNumber: '330106198004210011',
      creditCode: null,
      address: null,
      legalRepresentative: null,
    },
  ],
  claimFen: 8_650_000,
  recoveredFen: 0,
  caseAccount: null,
  measures: [],
  inquiryRounds: 0,
  lastInquiryOn: null,
  dishonestGround: null,
};

test('the risk notice is addressed to the applicant and names the case, the respondent and the basis', () => {
  const model = buildDocument('riskNotice', facts);
  assert.equal(model.title, '执行风险提示书');
  assert.equal(model.number, facts.caseNumber);
  assert.equal(model.addressee, '杭州钱江建材有限公司：');
  const text = documentLines(model).join('\n');
  for (const expected of ['周文斌', '（2025）浙0106民初9号', '2026年3月2日', facts.caseNumber])
    assert.ok(text.includes(expected), `names ${expected}`);
});

test('the risk notice states the risks with the numbers of the rules it cites', () => {
  const text = documentLines(buildDocument('riskNotice', facts)).join('\n');
  // 财产调查规定 art. 2: a concrete lead verified within 7 days, 3 if urgent.
  assert.match(text, /7日内调查核实，情况紧急的在3日内调查核实/);
  // 终本规定 art. 1(4): not before 3 months; art. 9: every 6 months for 5 years; CPL-I art. 517.
  assert.match(text, /立案满3个月后裁定终结本次执行程序/);
  assert.match(text, /5年内每6个月通过网络执行查控系统查询一次/);
  assert.match(text, /第五百一十七条/);
  assert.match(text, /再次申请不受申请执行时效期间的限制/);
  // 执行期限规定 art. 1 and CPL art. 237: six months, then the court above.
  assert.match(text, /6个月内执结/);
  assert.match(text, /第二百三十七条/);
  for (const risk of ['无财产可供执行', '财产线索', '流拍', '参与分配', '执行和解', '终结本次执行程序'])
    assert.ok(text.includes(risk), `warns of ${risk}`);
});

test('a first or restored enforcement filing gets the notice within 7 days; other filings and closed cases do not', () => {
  assert.equal(riskNoticeWindowDays, 7);
  const filed = { caseType: '执', status: 'filed', filedOn: '2026-03-02' };
  assert.equal(isRiskNoticeDue(filed, '2026-03-02'), true);
  assert.equal(isRiskNoticeDue(filed, '2026-03-09'), true, 'the 7th day');
  assert.equal(isRiskNoticeDue(filed, '2026-03-10'), false, 'the 8th day is past the filing stage');
  assert.equal(isRiskNoticeDue({ ...filed, caseType: '执恢' }, '2026-03-02'), true);
  for (const caseType of ['执异', '执复', '执保', '执监', '执协', '执他'])
    assert.equal(isRiskNoticeDue({ ...filed, caseType }, '2026-03-02'), false, caseType);
  assert.equal(isRiskNoticeDue({ ...filed, status: 'closed' }, '2026-03-02'), false);
  assert.equal(isRiskNoticeDue(filed, '2026-03-01'), false, 'not before the filing');
});
