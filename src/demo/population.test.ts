import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_POPULATION, generatePopulation } from './population.ts';

// Independent checks: the standards' weights are powers (2^k mod 11, 3^k mod 31), derived here, not copied.
function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (2 ** (17 - i) % 11);
  const expected = (12 - (sum % 11)) % 11; // GB 11643: value v with (sum + v) ≡ 1 (mod 11)
  return id[17] === (expected === 10 ? 'X' : String(expected));
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function isValidCreditCode(code: string): boolean {
  if (code.length !== 18 || [...code].some((c) => !ALPHABET.includes(c))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(code.charAt(i)) * (3 ** i % 31);
  // (sum + check) ≡ 0 (mod 31)
  if ((sum + ALPHABET.indexOf(code.charAt(17))) % 31 !== 0) return false;
  const org = code.slice(8, 17);
  let orgSum = 0;
  for (let i = 0; i < 8; i++) orgSum += Number.parseInt(org.charAt(i), 36) * (2 ** (8 - i) % 11);
  const orgCheck = org.charAt(8) === 'X' ? 10 : Number(org.charAt(8));
  return (orgSum + orgCheck) % 11 === 0;
}

describe('generatePopulation', () => {
  const population = generatePopulation(DEMO_POPULATION);

  it('is deterministic: the same seed gives the same population', () => {
    assert.deepEqual(generatePopulation(DEMO_POPULATION), population);
  });

  it('gives a different population for a different seed', () => {
    const other = generatePopulation({ ...DEMO_POPULATION, seed: 7 });
    assert.notDeepEqual(other.persons[0], population.persons[0]);
  });

  it('produces the requested counts', () => {
    assert.equal(population.persons.length, 3000);
    assert.equal(population.companies.length, 800);
  });

  it('gives every person a valid, unique GB 11643 ID number matching birth date and sex', () => {
    const seen = new Set<string>();
    for (const p of population.persons) {
      assert.ok(isValidIdNumber(p.idNumber), p.idNumber);
      assert.ok(!seen.has(p.idNumber));
      seen.add(p.idNumber);
      assert.equal(p.idNumber.slice(6, 14), p.birthDate.replaceAll('-', ''));
      assert.equal(p.sex, Number(p.idNumber[16]) % 2 === 1 ? 'male' : 'female');
      assert.match(p.idNumber, /^33/);
      assert.ok(!Number.isNaN(Date.parse(p.birthDate)), p.birthDate);
    }
  });

  it('checks the standard sample ID number with the independent check', () => {
    assert.ok(isValidIdNumber('11010519491231002X'));
    assert.ok(!isValidIdNumber('110105194912310021'));
  });

  it('spreads birth dates over 1950–2008, including some minors', () => {
    const years = population.persons.map((p) => Number(p.birthDate.slice(0, 4)));
    assert.ok(Math.min(...years) >= 1950 && Math.max(...years) <= 2008);
    assert.ok(population.persons.some((p) => p.birthDate >= '2008-01-01'));
  });

  it('gives plausible names, phones and addresses', () => {
    for (const p of population.persons) {
      assert.match(p.name, /^[\u4e00-\u9fff]{2,4}$/);
      assert.match(p.phone, /^1[3-9]\d{9}$/);
      assert.match(p.address, /^浙江省(杭州市|宁波市)/);
    }
  });

  it('pairs spouses symmetrically between adults of opposite sex', () => {
    const byId = new Map(population.persons.map((p) => [p.id, p]));
    const married = population.persons.filter((p) => p.spouseId);
    assert.ok(married.length > 500);
    for (const p of married) {
      const spouse = byId.get(p.spouseId ?? '');
      assert.ok(spouse);
      assert.equal(spouse.spouseId, p.id);
      assert.notEqual(spouse.sex, p.sex);
    }
  });

  it('gives every company a valid, unique GB 32100 credit code and a unique name', () => {
    const codes = new Set(population.companies.map((c) => c.creditCode));
    const names = new Set(population.companies.map((c) => c.name));
    assert.equal(codes.size, 800);
    assert.equal(names.size, 800);
    for (const c of population.companies) {
      assert.ok(isValidCreditCode(c.creditCode), c.creditCode);
      assert.match(c.creditCode, /^9133\d{4}/);
      assert.match(c.name, /^(杭州|宁波|浙江).+(有限公司)$/);
    }
  });

  it('gives companies an adult legal representative and shareholders adding up to 100%', () => {
    const persons = new Map(population.persons.map((p) => [p.id, p]));
    const companyIndex = new Map(population.companies.map((c, i) => [c.id, i]));
    population.companies.forEach((c, i) => {
      const rep = persons.get(c.legalRepresentativeId);
      assert.ok(rep && rep.birthDate < '2008-01-01');
      assert.ok(c.shareholders.length >= 1);
      assert.equal(
        c.shareholders.reduce((s, h) => s + h.sharePct, 0),
        100,
      );
      for (const h of c.shareholders) {
        assert.ok(h.sharePct >= 1);
        if (h.holderKind === 'person') assert.ok(persons.has(h.holderId));
        else
          assert.ok(
            (companyIndex.get(h.holderId) ?? Number.POSITIVE_INFINITY) < i,
            'held by an earlier company',
          );
      }
    });
  });

  it('generates 100,000 persons with valid, unique ID numbers', () => {
    const large = generatePopulation({ seed: 42, persons: 100_000, companies: 2_000 });
    assert.equal(new Set(large.persons.map((p) => p.idNumber)).size, 100_000);
    assert.ok(large.persons.every((p) => isValidIdNumber(p.idNumber)));
    assert.ok(large.companies.every((c) => isValidCreditCode(c.creditCode)));
  });
});
