import { DEMO_POPULATION, generatePopulation } from '../src/demo/population.ts';
import type { Database } from '../src/platform/db.ts';

/** Set-up and measuring helpers of bench/inquiry-batch.bench.ts. */

/**
 * Bulk-inserts cases of the demo court's first team, each with an applicant and two respondents
 * from the shared demo population (a person and a company the simulator knows). Returns their ids.
 */
export async function insertCases(database: Database, count: number, offset: number): Promise<string[]> {
  const population = generatePopulation(DEMO_POPULATION);
  const adults = population.persons.filter((p) => p.birthDate < '2006-01-01');
  const [court] = await database.sql<{ id: string; path: string; court_code: string }[]>`
    select id, path, court_code from identity.courts where court_code = '浙0106'`;
  const [team] = await database.sql<
    { judge_id: string; assistant_id: string | null; clerk_id: string | null }[]
  >`
    select t.judge_id, t.assistant_id, t.clerk_id from identity.teams t join identity.users u on u.id = t.judge_id
    where u.username = 'xihu.judge'`;
  if (!court || !team) throw new Error('demo organisation missing');
  const ids: string[] = [];
  for (let start = 0; start < count; start += 2000) {
    const rows = Array.from({ length: Math.min(2000, count - start) }, (_, k) => {
      const i = offset + start + k;
      const person = adults[i % adults.length];
      const company = population.companies[i % population.companies.length];
      return { seq: 500_000 + i, person, company };
    });
    const inserted = await database.sql<{ id: string; seq: number }[]>`
      insert into cases.cases (id, court_id, court_path, court_code, case_type, year, sequence, case_number, status, filed_on,
        filed_by, basis_kind, basis_document_number, basis_issued_by, basis_effective_date, claim_amount_fen,
        judge_id, assistant_id, clerk_id)
      select gen_random_uuid(), ${court.id}, ${court.path}, ${court.court_code}, '执', 2026, s, '（2026）浙0106执' || s || '号',
        'inProgress', current_date - 30, ${team.judge_id}, 'judgment', '（2025）浙0106民初1号', '杭州市西湖区人民法院',
        current_date - 90, 5000000, ${team.judge_id}, ${team.assistant_id}, ${team.clerk_id}
      from unnest(${rows.map((r) => r.seq)}::int[]) as s
      returning id, sequence as seq`;
    const bySeq = new Map(inserted.map((r) => [r.seq, r.id]));
    const parties = rows.flatMap((r) => {
      const caseId = bySeq.get(r.seq);
      if (!caseId || !r.person || !r.company) return [];
      return [
        {
          case_id: caseId,
          role: 'applicant',
          position: 0,
          kind: 'legal',
          name: '杭州某某小额贷款有限公司',
          id_number: null,
          credit_code: '91330106MA2B0C1D4X',
        },
        {
          case_id: caseId,
          role: 'respondent',
          position: 0,
          kind: 'natural',
          name: r.person.name,
          id_number: r.person.idNumber,
          credit_code: null,
        },
        {
          case_id: caseId,
          role: 'respondent',
          position: 1,
          kind: 'legal',
          name: r.company.name,
          id_number: null,
          credit_code: r.company.creditCode,
        },
      ];
    });
    await database.sql`insert into cases.parties (id, case_id, role, position, kind, name, id_number, credit_code)
      select gen_random_uuid(), x.case_id, x.role, x.position, x.kind, x.name, x.id_number, x.credit_code
      from jsonb_to_recordset(${JSON.stringify(parties)}::jsonb) as x(case_id uuid, role text, position int, kind text,
        name text, id_number text, credit_code text)`;
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}
