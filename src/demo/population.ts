import { daysInMonth, makeCreditCode, makeIdNumber } from '../kernel/index.ts';
import {
  BIRTH_ONLY_DIVISIONS,
  COMPANY_WORDS,
  type District,
  FEMALE_GIVEN,
  HOME_DISTRICT_WEIGHTS,
  HOME_DISTRICTS,
  INDUSTRIES,
  MALE_GIVEN,
  SURNAMES,
} from './names.ts';
import { createRandom, createWeightedPicker, deriveSeed, drawDigits, pickAt, type Random } from './random.ts';

export type Sex = 'male' | 'female';
export type HolderKind = 'person' | 'company';

export type Person = {
  id: string;
  name: string;
  idNumber: string;
  sex: Sex;
  /** `YYYY-MM-DD` */
  birthDate: string;
  phone: string;
  address: string;
  spouseId?: string;
};

export type Shareholder = { holderId: string; holderKind: HolderKind; sharePct: number };

export type Company = {
  id: string;
  name: string;
  creditCode: string;
  legalRepresentativeId: string;
  /** Share percentages are integers that add up to 100. */
  shareholders: Shareholder[];
  address: string;
};

export type PopulationOptions = { seed: number; persons: number; companies: number };
export type Population = { seed: number; persons: Person[]; companies: Company[] };

/** The population the demo cases and the simulator share. */
export const DEMO_POPULATION: PopulationOptions = { seed: 20260101, persons: 3000, companies: 800 };

/** Reference date for "adult": the demo year starts on it. */
const ADULT_BORN_BEFORE = '2008-01-01';

const pickSurname = createWeightedPicker(SURNAMES);
const pickDistrict = createWeightedPicker(
  HOME_DISTRICTS.map((d, i) => [d, HOME_DISTRICT_WEIGHTS[i] ?? 1] as const),
);
const pickIndustry = createWeightedPicker(INDUSTRIES);
// Birth years 1950–2008, most debtors and creditors of working age.
const pickBirthYear = createWeightedPicker(
  Array.from({ length: 59 }, (_, i) => {
    const year = 1950 + i;
    const weight = year < 1960 ? 1 : year < 1965 ? 2 : year <= 1992 ? 4 : year <= 2000 ? 2.5 : 1;
    return [year, weight] as const;
  }),
);
const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '175',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
] as const;

/** A deterministic synthetic population: same options → same persons and companies. */
export function generatePopulation(options: PopulationOptions): Population {
  const persons = generatePersons(options.seed, options.persons);
  pairSpouses(createRandom(deriveSeed(options.seed, 'spouses')), persons);
  const companies = generateCompanies(options.seed, options.companies, persons);
  return { seed: options.seed, persons, companies };
}

function generatePersons(seed: number, count: number): Person[] {
  const random = createRandom(deriveSeed(seed, 'persons'));
  const usedIds = new Set<string>();
  const persons: Person[] = [];
  for (let i = 0; i < count; i++) {
    const home = pickDistrict(random);
    const birthDivision = random.chance(0.7) ? home.code : drawBirthDivision(random);
    const birthDate = drawBirthDate(random);
    let idNumber = '';
    do idNumber = makeIdNumber(birthDivision, birthDate, random.int(1, 999));
    while (usedIds.has(idNumber));
    usedIds.add(idNumber);
    // GB 11643: an odd sequence digit is a man, an even one a woman.
    const sex: Sex = Number(idNumber.charAt(16)) % 2 === 1 ? 'male' : 'female';
    persons.push({
      id: `P${String(i + 1).padStart(6, '0')}`,
      name: drawPersonName(random, sex),
      idNumber,
      sex,
      birthDate,
      phone: `${random.pick(PHONE_PREFIXES)}${drawDigits(random, 8)}`,
      address: drawHomeAddress(random, home),
    });
  }
  return persons;
}

function drawBirthDivision(random: Random): string {
  return random.chance(0.5) ? pickDistrict(random).code : random.pick(BIRTH_ONLY_DIVISIONS);
}

function drawBirthDate(random: Random): string {
  const year = pickBirthYear(random);
  const month = random.int(1, 12);
  const day = random.int(1, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function drawPersonName(random: Random, sex: Sex): string {
  const pool = sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN;
  const given = random.chance(0.25) ? random.pick(pool) : random.pick(pool) + random.pick(pool);
  return pickSurname(random) + given;
}

function drawHomeAddress(random: Random, home: District): string {
  const street = random.pick(home.streets);
  return `浙江省${home.city}${home.name}${street}${random.int(1, 999)}号${random.int(1, 30)}幢${random.int(1, 4)}单元${random.int(1, 28)}${String(random.int(1, 4)).padStart(2, '0')}室`;
}

/** Pairs some adult men and women of similar age as spouses. */
function pairSpouses(random: Random, persons: Person[]): void {
  const men: Person[] = [];
  const women: Person[] = [];
  for (const p of persons) {
    if (p.birthDate > '2000-12-31' || !random.chance(0.6)) continue;
    (p.sex === 'male' ? men : women).push(p);
  }
  const byBirth = (a: Person, b: Person) =>
    a.birthDate < b.birthDate ? -1 : a.birthDate > b.birthDate ? 1 : 0;
  men.sort(byBirth);
  women.sort(byBirth);
  const pairs = Math.min(men.length, women.length);
  for (let i = 0; i < pairs; i++) {
    const man = pickAt(men, i);
    const woman = pickAt(women, i);
    man.spouseId = woman.id;
    woman.spouseId = man.id;
  }
}

function generateCompanies(seed: number, count: number, persons: readonly Person[]): Company[] {
  const random = createRandom(deriveSeed(seed, 'companies'));
  const adults = persons.filter((p) => p.birthDate < ADULT_BORN_BEFORE);
  const usedNames = new Set<string>();
  const usedCodes = new Set<string>();
  const companies: Company[] = [];
  for (let i = 0; i < count; i++) {
    const district = pickDistrict(random);
    let name = '';
    do name = drawCompanyName(random, district);
    while (usedNames.has(name));
    usedNames.add(name);
    let creditCode = '';
    // GB 32100: '9' registered by market regulation, '1' an enterprise.
    do creditCode = makeCreditCode('91', district.code, drawDigits(random, 8));
    while (usedCodes.has(creditCode));
    usedCodes.add(creditCode);
    const legalRep = adults.length > 0 ? random.pick(adults) : undefined;
    const id = `C${String(i + 1).padStart(6, '0')}`;
    companies.push({
      id,
      name,
      creditCode,
      legalRepresentativeId: legalRep?.id ?? '',
      shareholders: drawShareholders(random, legalRep, adults, companies),
      address: `浙江省${district.city}${district.name}${random.pick(district.streets)}${random.int(1, 999)}号${random.int(1, 25)}楼${random.int(1, 20)}${String(random.int(1, 30)).padStart(2, '0')}室`,
    });
  }
  return companies;
}

function drawCompanyName(random: Random, district: District): string {
  const region = random.chance(0.1) ? '浙江' : district.city.slice(0, 2);
  const brand = random.pick(COMPANY_WORDS) + random.pick(COMPANY_WORDS);
  const form = random.chance(0.06) ? '股份有限公司' : '有限公司';
  return `${region}${brand}${pickIndustry(random)}${form}`;
}

function drawShareholders(
  random: Random,
  legalRep: Person | undefined,
  adults: readonly Person[],
  earlier: readonly Company[],
): Shareholder[] {
  const holders: Shareholder[] = [];
  const seen = new Set<string>();
  const add = (holderId: string, holderKind: HolderKind) => {
    if (seen.has(holderId)) return;
    seen.add(holderId);
    holders.push({ holderId, holderKind, sharePct: 0 });
  };
  if (legalRep && random.chance(0.75)) add(legalRep.id, 'person');
  const wanted = random.chance(0.35) ? 1 : random.int(2, 4);
  // Some companies are held by an earlier company: keeps the ownership graph acyclic.
  if (earlier.length > 0 && random.chance(0.15)) add(random.pick(earlier).id, 'company');
  while (holders.length < wanted && adults.length > 0) add(random.pick(adults).id, 'person');
  splitShares(random, holders);
  return holders;
}

/** Integer percentages, each at least 1, adding up to 100; the first holder gets the largest weight. */
function splitShares(random: Random, holders: Shareholder[]): void {
  const weights = holders.map((_, i) => (i === 0 ? 2 + random.next() * 3 : 0.3 + random.next()));
  const total = weights.reduce((a, b) => a + b, 0);
  let assigned = 0;
  holders.forEach((h, i) => {
    h.sharePct = Math.max(1, Math.floor(((weights[i] ?? 0) / total) * 100));
    assigned += h.sharePct;
  });
  const first = holders[0];
  if (first) first.sharePct += 100 - assigned;
}
