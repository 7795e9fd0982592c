import { makeCreditCode, makeIdNumber } from '../src/kernel/index.ts';

let counter = 0;

/** A valid person: real-looking name, ID number with a correct GB 11643 check character. */
export function aPerson(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    kind: 'natural' as const,
    name: `测试人${'甲乙丙丁戊己庚辛壬癸'[counter % 10]}${'子丑寅卯辰巳午未申酉戌亥'[Math.floor(counter / 10) % 12]}`,
    idNumber: makeIdNumber(
      '330106',
      `19${70 + (counter % 30)}-0${1 + (counter % 9)}-1${counter % 10}`,
      100 + (counter % 800),
    ),
    phone: '13800001234',
    address: '浙江省杭州市西湖区文三路100号',
    ...overrides,
  };
}

/** A valid company: unified social credit code with correct GB 32100 and GB 11714 checks. */
export function aCompany(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    kind: 'legal' as const,
    name: `杭州测试${counter}科技有限公司`,
    creditCode: makeCreditCode('91', '330106', String(10000000 + counter * 7919).slice(-8)),
    legalRepresentative: '张伟',
    ...overrides,
  };
}

export function aCaseBody(overrides: Record<string, unknown> = {}) {
  return {
    caseType: '执',
    basis: {
      kind: 'judgment',
      documentNumber: '（2026）浙0106民初123号',
      issuedBy: '杭州市西湖区人民法院',
      effectiveDate: '2026-01-10',
    },
    applicants: [aCompany()],
    respondents: [aPerson()],
    claimAmountFen: 12_345_600,
    ...overrides,
  };
}
