import { type Company, DEMO_POPULATION, generatePopulation, type Person } from './population.ts';
import { createRandom, type Random } from './random.ts';

/** One planned demo case: who files it, its parties, and how far it has gone. */
export type CasePlan = {
  filer: string;
  caseType: '执' | '执保';
  filedOn: string;
  basis: {
    kind: 'judgment' | 'mediation' | 'arbitration' | 'notarizedDebt' | 'paymentOrder';
    documentNumber: string;
    issuedBy: string;
    effectiveDate: string;
  };
  applicants: DemoParty[];
  respondents: DemoParty[];
  claimAmountFen: number;
  triage: 'simple' | 'complex';
  flags: ('stateOrgan' | 'military' | 'livelihood' | 'enterprise')[];
  stage: Stage;
};

export type DemoParty = {
  kind: 'natural' | 'legal';
  name: string;
  idNumber?: string;
  creditCode?: string;
  phone?: string;
  address?: string;
  legalRepresentative?: string;
};

/** Stages, in order: each adds nodes to the previous one; the last three end closed. */
export const stages = [
  'filed',
  'noticed',
  'investigating',
  'controlling',
  'suspended',
  'fulfilled',
  'terminatedThisRound',
  'restored',
] as const;
export type Stage = (typeof stages)[number];

const filers = [
  { user: 'xihu.judge', court: '杭州市西湖区人民法院', prefix: '浙0106', weight: 200 },
  { user: 'xihu.judge2', court: '杭州市西湖区人民法院', prefix: '浙0106', weight: 100 },
  { user: 'shangcheng.judge', court: '杭州市上城区人民法院', prefix: '浙0102', weight: 100 },
  { user: 'haishu.judge', court: '宁波市海曙区人民法院', prefix: '浙0203', weight: 100 },
];

function isoDay(base: string, plusDays: number): string {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

function personParty(p: Person): DemoParty {
  return { kind: 'natural', name: p.name, idNumber: p.idNumber, phone: p.phone, address: p.address };
}

function companyParty(c: Company, people: Map<string, Person>): DemoParty {
  const representative = people.get(c.legalRepresentativeId);
  return {
    kind: 'legal',
    name: c.name,
    creditCode: c.creditCode,
    address: c.address,
    legalRepresentative: representative?.name ?? '',
    // The contact mobile a company gives is usually its representative's (the court's SMS go there).
    ...(representative?.phone ? { phone: representative.phone } : {}),
  };
}

/**
 * A court's docket: most cases older than the six-month handling period are closed; open ones are
 * mostly recent, and a few run late so that warnings have something to show.
 */
function pickStage(random: Random, ageDays: number): Stage {
  if (ageDays < 10) return 'filed';
  const roll = random.next();
  if (ageDays < 40) return roll < 0.6 ? 'noticed' : 'investigating';
  if (ageDays < 95)
    return roll < 0.25
      ? 'investigating'
      : roll < 0.6
        ? 'controlling'
        : roll < 0.95
          ? 'fulfilled'
          : 'suspended';
  if (ageDays < 180) {
    if (roll < 0.08) return 'investigating';
    if (roll < 0.3) return 'controlling';
    if (roll < 0.35) return 'suspended';
    if (roll < 0.65) return 'fulfilled';
    return roll < 0.95 ? 'terminatedThisRound' : 'restored';
  }
  if (roll < 0.04) return 'controlling';
  if (roll < 0.08) return 'suspended';
  if (roll < 0.5) return 'fulfilled';
  return roll < 0.93 ? 'terminatedThisRound' : 'restored';
}

/** ~500 reproducible cases over the year up to `today`, in every stage. */
export function planDemoCases(today: string, count = 500, seed = 20260101): CasePlan[] {
  const random = createRandom(seed);
  const population = generatePopulation(DEMO_POPULATION);
  const people = new Map(population.persons.map((p) => [p.id, p]));
  const adults = population.persons.filter((p) => p.birthDate < isoDay(today, -18 * 366));
  const minors = population.persons.filter((p) => p.birthDate > isoDay(today, -18 * 365));
  const start = `${today.slice(0, 4)}-01-05`;
  const span = Math.max(1, daysBetween(start, today));
  const totalWeight = filers.reduce((s, f) => s + f.weight, 0);
  const plans: CasePlan[] = [];
  for (let i = 0; i < count; i++) {
    const draw = random.int(0, totalWeight - 1);
    let cumulative = 0;
    const filer = filers.find((f) => {
      cumulative += f.weight;
      return draw < cumulative;
    });
    if (!filer) break;
    // Later in the year more recent filings: skew towards today.
    const filedOn = isoDay(start, Math.floor(span * Math.sqrt(random.next())));
    const ageDays = daysBetween(filedOn, today);
    const basisKinds = [
      'judgment',
      'judgment',
      'judgment',
      'mediation',
      'arbitration',
      'notarizedDebt',
      'paymentOrder',
    ] as const;
    const basisKind = basisKinds[random.int(0, basisKinds.length - 1)] ?? 'judgment';
    const effectiveDate = isoDay(filedOn, -random.int(20, 300));
    const docYear = effectiveDate.slice(0, 4);
    const docNo = random.int(100, 9999);
    const basis = {
      kind: basisKind,
      documentNumber:
        basisKind === 'arbitration'
          ? `杭仲裁字〔${docYear}〕第${docNo}号`
          : basisKind === 'notarizedDebt'
            ? `（${docYear}）浙杭证字第${docNo}号`
            : `（${docYear}）${filer.prefix}民${basisKind === 'paymentOrder' ? '督' : '初'}${docNo}号`,
      issuedBy:
        basisKind === 'arbitration'
          ? '杭州仲裁委员会'
          : basisKind === 'notarizedDebt'
            ? '杭州市国立公证处'
            : filer.court,
      effectiveDate,
    };
    const applicantIsCompany = random.chance(0.55);
    const applicant = applicantIsCompany
      ? companyParty(population.companies[random.int(0, population.companies.length - 1)] as Company, people)
      : personParty(adults[random.int(0, adults.length - 1)] as Person);
    const respondents: DemoParty[] = [];
    const respondentCount = random.chance(0.25) ? 2 : 1;
    for (let r = 0; r < respondentCount; r++) {
      const useMinor = i % 97 === 13 && r === 0 && minors.length > 0;
      const pool = useMinor ? minors : adults;
      const party = random.chance(0.35)
        ? companyParty(
            population.companies[random.int(0, population.companies.length - 1)] as Company,
            people,
          )
        : personParty(pool[random.int(0, pool.length - 1)] as Person);
      if (party.name !== applicant.name && !respondents.some((x) => x.name === party.name))
        respondents.push(party);
    }
    if (respondents.length === 0) respondents.push(personParty(adults[(i * 7) % adults.length] as Person));
    const claimYuan = Math.round(Math.exp(random.normal() * 1.3 + Math.log(80000)));
    const flags: CasePlan['flags'] = [];
    if (random.chance(0.08)) flags.push('livelihood');
    if (respondents.some((p) => p.kind === 'legal') && random.chance(0.3)) flags.push('enterprise');
    if (random.chance(0.02)) flags.push('stateOrgan');
    plans.push({
      filer: filer.user,
      caseType: random.chance(0.04) ? '执保' : '执',
      filedOn,
      basis,
      applicants: [applicant],
      respondents,
      claimAmountFen: Math.max(100000, Math.min(claimYuan, 50_000_000)) * 100,
      triage: claimYuan > 500000 || respondents.length > 1 ? 'complex' : 'simple',
      flags,
      stage: pickStage(random, ageDays),
    });
  }
  return plans.sort((a, b) => a.filedOn.localeCompare(b.filedOn));
}
