import { createRandom, deriveSeed } from '../src/demo/random.ts';
import type { Database } from '../src/platform/db.ts';
import type { World } from '../src/sim/world/world.ts';

/**
 * Set-up and ground truth of bench/rating.bench.ts: which respondents of the simulated population
 * are filed against, the claim of each case, and what the simulated world says each one could pay.
 */
export type Subject = {
  kind: 'natural' | 'legal';
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  /** The claim of the case filed against the subject, fen. */
  claimFen: number;
};

/**
 * `persons` adults and `companies` companies spread evenly over the population (every k-th, so
 * no one twice and no minor — courts do not pursue minors), each with a claim drawn log-uniformly
 * between 1,000 and 2,000,000 yuan: many small claims, few large, as in enforcement.
 */
export function pickSubjects(world: World, persons: number, companies: number): Subject[] {
  const random = createRandom(deriveSeed(world.seed, 'rating-bench'));
  const claimFen = () => Math.round(Math.exp(Math.log(1_000) + random.next() * Math.log(2_000))) * 100;
  const adults = world.population.persons.filter((p) => p.birthDate < '2006-01-01');
  const everyNth = <T>(list: readonly T[], n: number) =>
    list.filter((_, i) => i % Math.max(1, Math.floor(list.length / n)) === 0).slice(0, n);
  return [
    ...everyNth(adults, persons).map((p) => ({
      kind: 'natural' as const,
      name: p.name,
      idNumber: p.idNumber,
      creditCode: null,
      claimFen: claimFen(),
    })),
    ...everyNth(world.population.companies, companies).map((c) => ({
      kind: 'legal' as const,
      name: c.name,
      idNumber: null,
      creditCode: c.creditCode,
      claimFen: claimFen(),
    })),
  ];
}

export type Truth = {
  /** Balances less what other courts froze before (the world's earlier freezes in force). */
  moneyFen: number;
  /** Registered things (real estate, vehicles, ships, equity) at the value the world gives them. */
  thingsFen: number;
  assetCount: number;
  /** Ground truth of "able to pay": money and things together cover the claim. */
  isAbleToPay: boolean;
};

/**
 * What the subject could pay in the simulated world: every balance it holds less other courts'
 * freezes in force, plus every registered thing at its full value (mortgages and earlier seals not
 * deducted: the world does not say how much they secure). Able to pay when that covers the claim.
 */
export function truthOf(world: World, subject: Subject): Truth {
  const key = subject.idNumber ?? subject.creditCode ?? '';
  let moneyFen = 0;
  let thingsFen = 0;
  const assets = world.assetsBySubject.get(key) ?? [];
  for (const a of assets) {
    if (a.balanceFen !== undefined) {
      const frozen = a.freezes.filter((f) => f.status === 'active').reduce((s, f) => s + f.amountFen, 0);
      moneyFen += Math.max(0, a.balanceFen - frozen);
    } else {
      thingsFen += a.valueFen;
    }
  }
  return {
    moneyFen,
    thingsFen,
    assetCount: assets.length,
    isAbleToPay: moneyFen + thingsFen >= subject.claimFen,
  };
}

/** Bulk-inserts one case of the demo court's first team per subject, filed 30 days ago; returns their ids in order. */
export async function insertRatingCases(database: Database, subjects: readonly Subject[]): Promise<string[]> {
  const [court] = await database.sql<{ id: string; path: string; court_code: string }[]>`
    select id, path, court_code from identity.courts where court_code = '浙0106'`;
  const [team] = await database.sql<
    { judge_id: string; assistant_id: string | null; clerk_id: string | null }[]
  >`
    select t.judge_id, t.assistant_id, t.clerk_id from identity.teams t join identity.users u on u.id = t.judge_id
    where u.username = 'xihu.judge'`;
  if (!court || !team) throw new Error('demo organisation missing');
  const seqs = subjects.map((_, i) => 700_000 + i);
  const inserted = await database.sql<{ id: string; seq: number }[]>`
    insert into cases.cases (id, court_id, court_path, court_code, case_type, year, sequence, case_number, status, filed_on,
      filed_by, basis_kind, basis_document_number, basis_issued_by, basis_effective_date, claim_amount_fen,
      judge_id, assistant_id, clerk_id)
    select gen_random_uuid(), ${court.id}, ${court.path}, ${court.court_code}, '执', 2026, x.seq, '（2026）浙0106执' || x.seq || '号',
      'inProgress', current_date - 30, ${team.judge_id}, 'judgment', '（2025）浙0106民初1号', '杭州市西湖区人民法院',
      current_date - 90, x.claim, ${team.judge_id}, ${team.assistant_id}, ${team.clerk_id}
    from unnest(${seqs}::int[], ${subjects.map((s) => s.claimFen)}::bigint[]) as x(seq, claim)
    returning id, sequence as seq`;
  const bySeq = new Map(inserted.map((r) => [r.seq, r.id]));
  const ids = seqs.map((seq) => bySeq.get(seq) ?? '');
  const parties = subjects.flatMap((s, i) => [
    {
      case_id: ids[i],
      role: 'applicant',
      position: 0,
      kind: 'legal',
      name: '杭州某某小额贷款有限公司',
      id_number: null,
      credit_code: '91330106MA2B0C1D4X',
    },
    {
      case_id: ids[i],
      role: 'respondent',
      position: 0,
      kind: s.kind,
      name: s.name,
      id_number: s.idNumber,
      credit_code: s.creditCode,
    },
  ]);
  await database.sql`insert into cases.parties (id, case_id, role, position, kind, name, id_number, credit_code)
    select gen_random_uuid(), x.case_id, x.role, x.position, x.kind, x.name, x.id_number, x.credit_code
    from jsonb_to_recordset(${JSON.stringify(parties)}::jsonb) as x(case_id uuid, role text, position int, kind text,
      name text, id_number text, credit_code text)`;
  return ids;
}
