import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { prepareTestServer, templateName, withDatabase } from '../scripts/test-database.ts';
import { createRandom } from '../src/demo/random.ts';
import { addCalendarDays, addMonths, provinceAbbreviations } from '../src/kernel/index.ts';
import { terminationChecklistItems } from '../src/modules/cases/index.ts';
import {
  compareWithRecompute,
  computeIndicators,
  type IndicatorCode,
  readFailing,
  recomputeIndicators,
  refreshCaseFacts,
} from '../src/modules/command/index.ts';
import { type Actor, Role } from '../src/modules/identity/index.ts';
import { clock } from '../src/platform/clock.ts';
import { connectDatabase } from '../src/platform/db.ts';
import { type Figure, printFigures, summarise, timeIt } from './support.ts';

/**
 * The command centre's "3+1" indicators read model (docs/decisions/0016-indicator-read-model.md)
 * over a national court tree: the SPC, 32 high courts, 400 intermediate and 3,100 basic courts, and
 * BENCH_COMMAND_CASES cases (default 200,000; the issue's scale is 10,000,000) filed over the three
 * years up to today, generated set-based in PostgreSQL month by month, with petitions and 终本 reviews
 * (the indexes that back no constraint are dropped for the load and built again after it).
 * The command centre's copy of the cases (`command.case_facts`) is built from `cases.indicator_facts`
 * with the migration's rule functions, as `refreshCaseFacts` does; the monthly counts by
 * `recomputeIndicators`. Figures: the full recompute beside a `count(*)` of the cases in the same run;
 * `refreshCaseFacts` per event (a case closed, or its handling period moved), beside the case's own
 * update; the roll-up (`computeIndicators`) of each province and of the SPC, and the drill-down
 * (`readFailing`, first page of 50 with its total) of basic courts and provinces, beside a
 * `count(*)` of the same scope's cases. At the end the incremental counts must equal a recompute.
 * BENCH_COMMAND_CASES and BENCH_COMMAND_EVENTS set the sizes.
 */
const CASES = Number(process.env.BENCH_COMMAND_CASES ?? 200_000);
const EVENTS = Number(process.env.BENCH_COMMAND_EVENTS ?? 500);
const SPC_READS = 10;
const DRILL_BASIC_COURTS = 30;

const server = await prepareTestServer({ port: 54995 });
const dbName = `zx_bench_command_${Date.now()}`;
const admin = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${dbName} template ${templateName}`);
await admin.end();
const database = connectDatabase(withDatabase(server.adminUrl, dbName), { max: 4 });
const { sql, db } = database;

type Court = {
  idx: number;
  id: string;
  name: string;
  courtCode: string;
  level: 'supreme' | 'high' | 'intermediate' | 'basic';
  divisionCode: string;
  parentId: string | null;
  path: string;
  weight: number;
};

/** The national tree: SPC → 32 high courts → 12–13 intermediate each → 6–10 basic each. */
function courtTree(): Court[] {
  const random = createRandom(2018);
  const courts: Court[] = [];
  const add = (c: Omit<Court, 'idx' | 'id' | 'path'>, parent: Court | null) => {
    const id = randomUUID();
    const court = { ...c, idx: courts.length, id, path: `${parent?.path ?? '/'}${id}/` };
    courts.push(court);
    return court;
  };
  const spc = add(
    {
      name: '最高人民法院',
      courtCode: '最高法',
      level: 'supreme',
      divisionCode: '100000',
      parentId: null,
      weight: 0,
    },
    null,
  );
  const provinces = provinceAbbreviations.filter((a) => a !== '军');
  const basicCounts = [6, 8, 7, 9, 8, 7, 10, 7];
  let intermediates = 0;
  provinces.forEach((abbr, p) => {
    const prefix = String(11 + p);
    const high = add(
      {
        name: `${abbr}高级人民法院`,
        courtCode: abbr,
        level: 'high',
        divisionCode: `${prefix}0000`,
        parentId: spc.id,
        weight: 0.2,
      },
      spc,
    );
    for (let j = 1; j <= (p < 16 ? 13 : 12); j++) {
      const jj = String(j).padStart(2, '0');
      const mid = add(
        {
          name: `${abbr}第${jj}中级人民法院`,
          courtCode: `${abbr}${jj}`,
          level: 'intermediate',
          divisionCode: `${prefix}${jj}00`,
          parentId: high.id,
          weight: 1,
        },
        high,
      );
      const basics = basicCounts[intermediates++ % basicCounts.length] ?? 7;
      for (let k = 1; k <= basics; k++) {
        const kk = String(k).padStart(2, '0');
        // Basic courts differ in size: a few city districts take several times a county's cases.
        add(
          {
            name: `${abbr}${jj}${kk}基层人民法院`,
            courtCode: `${abbr}${jj}${kk}`,
            level: 'basic',
            divisionCode: `${prefix}${jj}${kk}`,
            parentId: mid.id,
            weight: 0.4 + 2.6 * random.next() ** 2,
          },
          mid,
        );
      }
    }
  });
  return courts;
}

const ms = (t0: number) => performance.now() - t0;
const secs = (v: number) => `${(v / 1000).toFixed(1)} s`;
const median = (values: number[]) => summarise(values).p50;
const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);

try {
  const today = clock.today();
  const year = Number(today.slice(0, 4));
  // Filing days: the three years up to today, spread evenly over each court's cases.
  const start = addCalendarDays(addMonths(today, -36), 1);
  const span = Math.round((Date.parse(today) - Date.parse(start)) / 86_400_000) + 1;
  const clerk = randomUUID();
  const setupStarted = performance.now();
  // The set-up's own session, with room to sort: the timed parts use the pool's ordinary sessions.
  const setup = await sql.reserve();
  await setup`set work_mem = '256MB'`;
  await setup`set maintenance_work_mem = '1GB'`;

  // 1. The court tree and each court's share of the cases.
  const courts = courtTree();
  await sql`insert into identity.courts ${sql(
    courts.map((c) => ({
      id: c.id,
      name: c.name,
      court_code: c.courtCode,
      level: c.level,
      division_code: c.divisionCode,
      parent_id: c.parentId,
      path: c.path,
    })),
  )}`;
  const totalWeight = courts.reduce((s, c) => s + c.weight, 0);
  const counts = courts.map((c) => Math.floor((CASES * c.weight) / totalWeight));
  for (let i = 0, left = CASES - counts.reduce((s, n) => s + n, 0); left > 0; i++)
    if ((courts[i]?.weight ?? 0) > 0) {
      counts[i] = (counts[i] ?? 0) + 1;
      left--;
    }
  let first = 0;
  const shares = courts.map((c, i) => {
    const n = counts[i] ?? 0;
    const row = { idx: c.idx, id: c.id, path: c.path, code: c.courtCode, name: c.name, first, n };
    first += n;
    return row;
  });
  await sql`create table public.bench_courts (idx int primary key, id uuid not null, path text not null,
    code text not null, name text not null, first bigint not null, n int not null)`;
  await sql`insert into public.bench_courts ${sql(shares.filter((s) => s.n > 0))}`;
  // A uniform draw in [0, 1) from a case's number and a salt: the same world on every run.
  await sql`create function public.bench_u(x bigint, salt bigint) returns float8 language sql immutable parallel safe
    as $$ select (hashint8extended(x, salt) & 16777215)::float8 / 16777216 $$`;

  // 2. The cases, one statement per month of filing (so the table is in filing order, as it grows
  //    in life), with their petitions and 终本 reviews. Of the cases: 85 % 执, 8 % 执恢, 4 % 执异,
  //    3 % 执保; handling period 6 months from filing (3 for the 5 % non-litigation), 10 % extended by
  //    a suspension; 80 % closed within it, 13 % up to 300 days late, 7 % after 300–1,500 days; of
  //    the 执/执恢 closures 40 % 终本; 15 % of open cases suspended (clock stopped).
  const months: [string, string][] = [];
  for (let from = start; from <= today; ) {
    const next = addMonths(`${from.slice(0, 8)}01`, 1);
    const to = next > today ? addCalendarDays(today, 1) : next;
    months.push([from, to]);
    from = to;
  }
  const dayOf = (d: string) => Math.round((Date.parse(d) - Date.parse(start)) / 86_400_000);
  const casesStarted = performance.now();
  const caseIndexes = await dropPlainIndexes(setup, 'cases.cases');
  let loaded = 0;
  for (const [m, [from, to]] of months.entries()) {
    const [d1, d2] = [dayOf(from), dayOf(to)];
    const rows = await setup<{ n: number }[]>`
      with g as (
        select c.id as court_id, c.path as court_path, c.code as court_code, c.name as court_name, c.n, k,
          c.first + k as x, (${start}::date + ((k - 1) * ${span}::bigint / c.n)::int) as filed_on
        from public.bench_courts c
        cross join lateral generate_series(
          least(c.n::bigint, (${d1}::bigint * c.n + ${span}::bigint - 1) / ${span}::bigint) + 1,
          least(c.n::bigint, (${d2}::bigint * c.n + ${span}::bigint - 1) / ${span}::bigint)) as k
      ), t as materialized (
        select g.*, extract(year from filed_on)::int as year,
          case when public.bench_u(x, 1) < 0.85 then '执' when public.bench_u(x, 1) < 0.93 then '执恢'
            when public.bench_u(x, 1) < 0.97 then '执异' else '执保' end as case_type,
          public.bench_u(x, 3) as u_close, public.bench_u(x, 4) as u_type, public.bench_u(x, 5) as u_open,
          public.bench_u(x, 6) as u_claim, public.bench_u(x, 7) as u_ext
        from g
      ), d as (
        -- Numbered per court and year without gaps: k less the court's cases filed in earlier years.
        select t.*, (k - case when make_date(year, 1, 1) > ${start}::date
            then ((make_date(year, 1, 1) - ${start}::date)::bigint * n + ${span}::bigint - 1) / ${span}::bigint
            else 0 end)::int as seq,
          (case_type = '执' and public.bench_u(x, 2) < 0.05) as is_non_litigation
        from t
      ), p as materialized (
        select d.*, case when case_type in ('执', '执恢') then
            (filed_on + case when is_non_litigation then interval '3 months' else interval '6 months' end)::date
              + case when u_ext < 0.1 then (u_ext * 900)::int else 0 end
          end as due
        from d
      ), e as (
        select p.*, case
            when u_close < 0.80 then 10 + ((coalesce(due, filed_on + 180) - filed_on - 10) * u_close / 0.80)::int
            when u_close < 0.93 then coalesce(due, filed_on + 180) - filed_on + 1 + ((u_close - 0.80) / 0.13 * 300)::int
            else 300 + ((u_close - 0.93) / 0.07 * 1200)::int
          end as days_to_close
        from p
      ), s as materialized (
        select e.*, case when filed_on + days_to_close <= ${today}::date then filed_on + days_to_close end as closed_on
        from e
      ), f as (
        select s.*,
          case when closed_on is null then null
            when case_type not in ('执', '执恢') then case when u_type < 0.8 then 'fulfilled' else 'rejected' end
            when u_type < 0.40 then 'terminatedThisRound' when u_type < 0.85 then 'fulfilled'
            when u_type < 0.93 then 'withdrawn' when u_type < 0.97 then 'terminated'
            when u_type < 0.99 then 'notEnforced' else 'rejected' end as closing_type,
          case when closed_on is not null then 'closed' when u_open < 0.15 then 'suspended'
            when filed_on > ${today}::date - 7 then 'filed' else 'inProgress' end as status,
          '（' || year || '）' || court_code || case_type || seq || '号' as case_number,
          (100000 + power(u_claim, 3) * 500000000)::bigint as claim
        from s
      ), ins as (
        insert into cases.cases (id, court_id, court_path, court_code, case_type, year, sequence, case_number, status,
          filed_on, filed_by, basis_kind, basis_document_number, basis_issued_by, basis_effective_date,
          claim_amount_fen, recovered_fen, is_non_litigation, closing_type, closed_on, closed_by, handling_due_on,
          next_deadline_kind, next_deadline_on, search_text)
        select gen_random_uuid(), court_id, court_path, court_code, case_type, year, seq, case_number, status,
          filed_on, ${clerk}::uuid, 'judgment', '（' || (year - 1) || '）' || court_code || '民初' || seq || '号',
          court_name, filed_on - 20 - (u_claim * 60)::int, claim,
          case when closing_type = 'fulfilled' then claim else 0 end, is_non_litigation, closing_type, closed_on,
          case when closed_on is not null then ${clerk}::uuid end,
          case when status <> 'suspended' then due end,
          case when status in ('filed', 'inProgress') and due is not null then 'handlingPeriod' end,
          case when status in ('filed', 'inProgress') then due end, case_number
        from f
        returning id, court_id, court_path, case_number, filed_on, closing_type, closed_on,
          hashtext(case_number)::bigint as h
      ), petitions as (
        insert into command.petitions (id, case_id, court_id, court_path, case_number, received_by_court_id,
          petitioner, summary, registered_on, registered_by, state, resolution, concluded_on, concluded_by)
        select gen_random_uuid(), id, court_id, court_path, case_number, court_id,
          (array['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'])[1 + floor(public.bench_u(h, 13) * 10)::int]
            || (array['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋'])[1 + floor(public.bench_u(h, 14) * 10)::int],
          '申请执行人反映执行不力，要求加快执行', registered_on, ${clerk}::uuid,
          case when concluded_on is null then 'open' else 'concluded' end,
          case when concluded_on is not null then '已督促承办法官并答复信访人' end, concluded_on,
          case when concluded_on is not null then ${clerk}::uuid end
        from (select i.*, r.registered_on, case when public.bench_u(h, 15) < 0.88
              and r.registered_on + 3 + floor(public.bench_u(h, 16) * 40)::int <= ${today}::date
              then r.registered_on + 3 + floor(public.bench_u(h, 16) * 40)::int end as concluded_on
            from ins i
            cross join lateral (select least(${today}::date,
              i.filed_on + 20 + floor(public.bench_u(i.h, 17) * 400)::int) as registered_on) r
            where public.bench_u(i.h, 11) < 0.002) p
        returning 1
      ), reviews as (
        -- 终本 case reviews by the court above, finding a condition unmet in 2 % of the closures.
        insert into command.termination_reviews (id, case_id, item, finding, reviewed_by, reviewer_court_id, reviewed_on)
        select gen_random_uuid(), id,
          (${terminationChecklistItems as string[]}::text[])[1 + floor(public.bench_u(h, 18) * ${terminationChecklistItems.length}::int)::int],
          '检查发现未满足终本条件', ${clerk}::uuid,
          split_part(court_path, '/', cardinality(string_to_array(court_path, '/')) - 2)::uuid,
          least(${today}::date, closed_on + 30)
        from ins where closing_type = 'terminatedThisRound' and public.bench_u(h, 12) < 0.02
        returning 1
      )
      select count(*)::int as n from ins`;
    loaded += rows[0]?.n ?? 0;
    if (m % 6 === 5 || m === months.length - 1)
      console.log(`  ${loaded.toLocaleString('en')} cases filed to ${to} (${secs(ms(casesStarted))})`);
  }
  if (loaded !== CASES) throw new Error(`generated ${loaded} cases, expected ${CASES}`);
  const casesMs = ms(casesStarted);
  const caseIndexesStarted = performance.now();
  for (const def of caseIndexes) await setup.unsafe(def);
  const caseIndexesMs = ms(caseIndexesStarted);

  // 3. The command centre's copy of every case, set-based, as refreshCaseFacts writes it: the same
  //    view, the same rule functions, the first upheld 终本 finding.
  const factsStarted = performance.now();
  const factIndexes = await dropPlainIndexes(setup, 'command.case_facts');
  await setup`insert into command.case_facts (case_id, court_id, court_path, case_number, case_type, filed_on, status,
      closing_type, closed_on, handling_due_on, flags, termination_unmet, asset_on, asset_ok, termination_on,
      termination_ok, overall_on, overall_ok, updated_at)
    select f.case_id, f.court_id, f.court_path, f.case_number, f.case_type, f.filed_on, f.status, f.closing_type,
      f.closed_on, f.handling_due_on, f.flags, r.item,
      command.asset_on(f.case_type, f.closing_type, f.closed_on, f.handling_due_on),
      command.asset_ok(f.closed_on, f.handling_due_on),
      command.termination_on(f.closing_type, f.closed_on), r.item is null,
      command.overall_on(f.case_type, f.filed_on), f.closing_type is not null, now()
    from cases.indicator_facts f
    left join (select distinct on (case_id) case_id, item from command.termination_reviews
      order by case_id, created_at, id) r on r.case_id = f.case_id`;
  for (const def of factIndexes) await setup.unsafe(def);
  const factsMs = ms(factsStarted);
  const vacuumStarted = performance.now();
  await setup`vacuum analyze cases.cases`;
  await setup`vacuum analyze command.case_facts`;
  await setup`vacuum analyze command.petitions`;
  await setup`vacuum analyze command.termination_reviews`;
  await setup`analyze identity.courts`;
  const vacuumMs = ms(vacuumStarted);
  setup.release();
  const setupMs = ms(setupStarted);
  const [shape] = await sql<
    {
      closed: number;
      terminated: number;
      suspended: number;
      petitions: number;
      reviews: number;
      cases_mb: number;
      facts_mb: number;
    }[]
  >`select (select count(*)::int from cases.cases where status = 'closed') as closed,
      (select count(*)::int from cases.cases where closing_type = 'terminatedThisRound') as terminated,
      (select count(*)::int from cases.cases where status = 'suspended') as suspended,
      (select count(*)::int from command.petitions) as petitions,
      (select count(*)::int from command.termination_reviews) as reviews,
      pg_total_relation_size('cases.cases') / 1048576 as cases_mb,
      pg_total_relation_size('command.case_facts') / 1048576 as facts_mb`;
  console.log(
    `\n${courts.length.toLocaleString('en')} courts; ${CASES.toLocaleString('en')} cases filed ${start} – ${today} ` +
      `(${pct(shape?.closed ?? 0, CASES)} closed, ${pct(shape?.terminated ?? 0, shape?.closed ?? 0)} of the closures 终本, ` +
      `${(shape?.suspended ?? 0).toLocaleString('en')} suspended), ${(shape?.petitions ?? 0).toLocaleString('en')} petitions, ` +
      `${(shape?.reviews ?? 0).toLocaleString('en')} 终本 reviews; cases.cases ${shape?.cases_mb} MB, ` +
      `command.case_facts ${shape?.facts_mb} MB with indexes. Set up in ${secs(setupMs)}: cases ${secs(casesMs)} ` +
      `and their ${caseIndexes.length} other indexes ${secs(caseIndexesMs)}, case facts with indexes ${secs(factsMs)}, ` +
      `vacuum and analyze ${secs(vacuumMs)}.`,
  );

  // 4. The full recompute beside a count(*) of the cases in the same run: as the planner runs it (an
  //    index-only scan of the smallest index, the table being vacuumed) and by a sequential scan.
  const countAll = async () => (await timeIt(() => sql`select count(*) from cases.cases`)).ms;
  const countBySeqScan = () =>
    sql.begin(async (tx) => {
      await tx`set local enable_indexonlyscan = off`;
      await tx`set local enable_indexscan = off`;
      await tx`set local enable_bitmapscan = off`;
      return (await timeIt(() => tx`select count(*) from cases.cases`)).ms;
    });
  const plan = await sql<{ 'QUERY PLAN': string }[]>`explain select count(*) from cases.cases`;
  const scanNode =
    plan.map((r) => r['QUERY PLAN'].replace(/^[\s->]+/, '')).find((l) => /Scan/.test(l)) ?? '?';
  const firstRecompute = await timeIt(() => recomputeIndicators(db));
  const baselineRuns: number[] = [];
  const seqScanRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    baselineRuns.push(await countAll());
    seqScanRuns.push(await countBySeqScan());
  }
  const recompute = await timeIt(() => recomputeIndicators(db));
  for (let i = 0; i < 2; i++) {
    baselineRuns.push(await countAll());
    seqScanRuns.push(await countBySeqScan());
  }
  const baselineMs = median(baselineRuns);
  const seqScanMs = median(seqScanRuns);
  if (recompute.value.differences.length !== 0)
    throw new Error(`a second recompute found ${recompute.value.differences.length} differences; expected 0`);
  console.log(
    `\nFirst recompute (from empty counts): ${secs(firstRecompute.ms)}, ${firstRecompute.value.differences.length.toLocaleString('en')} ` +
      `differences (every row); second: ${recompute.value.rows.toLocaleString('en')} rows, ${recompute.value.differences.length} differences. ` +
      `count(*) runs: ${baselineRuns.map((v) => v.toFixed(0)).join(', ')} ms (${scanNode}); ` +
      `by sequential scan: ${seqScanRuns.map((v) => v.toFixed(0)).join(', ')} ms.`,
  );

  // 5. Incremental update per event: a case changes — half the events close an open case today, the
  //    other half move the handling period of any case (a suspension recorded) — then the subscriber's
  //    transaction refreshes its facts and moves the counts.
  const picked: { id: string; close: boolean }[] = [];
  while (picked.length < EVENTS) {
    const close = picked.length % 2 === 0;
    const [row] = await sql<{ id: string }[]>`select id from cases.cases
      where id >= ${randomUUID()}::uuid and (${!close}::boolean or status <> 'closed') order by id limit 1`;
    if (row && !picked.some((p) => p.id === row.id)) picked.push({ id: row.id, close });
  }
  const updateMs: number[] = [];
  const refreshMs: number[] = [];
  const eventKinds = { closed: 0, periodMoved: 0 };
  for (const [i, c] of picked.entries()) {
    const close = c.close;
    const u = await timeIt(() =>
      close
        ? sql`update cases.cases set status = 'closed',
              closing_type = case when ${i % 4 === 0}::boolean and case_type in ('执', '执恢')
                then 'terminatedThisRound' else 'fulfilled' end, closed_on = ${today}::date,
              closed_by = ${clerk}::uuid, next_deadline_kind = null, next_deadline_on = null, updated_at = now()
            where id = ${c.id}::uuid`
        : sql`update cases.cases set status = case when status = 'suspended' then 'inProgress' else status end,
              handling_due_on = case when case_type in ('执', '执恢')
                then coalesce(handling_due_on, (filed_on + interval '6 months')::date) + 30 end,
              updated_at = now()
            where id = ${c.id}::uuid`,
    );
    eventKinds[close ? 'closed' : 'periodMoved']++;
    updateMs.push(u.ms);
    const r = await timeIt(() => db.transaction((tx) => refreshCaseFacts(tx, [c.id])));
    refreshMs.push(r.ms);
  }

  // 6. Roll-up: each province (high court) once, and the SPC, over three periods.
  const spc = courts[0];
  if (!spc) throw new Error('no SPC');
  const highs = courts.filter((c) => c.level === 'high');
  const basics = courts.filter((c) => c.level === 'basic');
  const periods: [string, { from: string; to: string }][] = [
    [`calendar year ${year - 1}`, { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` }],
    ['12 months to today', { from: addCalendarDays(addMonths(today, -12), 1), to: today }],
    ['this month to date', { from: `${today.slice(0, 8)}01`, to: today }],
  ];
  const scoped = (c: Court) => ({
    id: c.id,
    name: c.name,
    courtCode: c.courtCode,
    level: c.level,
    path: c.path,
  });
  const countScope = async (c: Court) =>
    (await timeIt(() => sql`select count(*) from cases.cases where court_path like ${`${c.path}%`}`)).ms;
  const provinceCount = summarise(await sequential(highs, countScope));
  const rollUps: { period: string; province: number[]; spc: number[] }[] = [];
  let spcValues = '';
  for (const [label, period] of periods) {
    const province: number[] = [];
    for (const h of highs)
      province.push((await timeIt(() => computeIndicators(db, scoped(h), period, today))).ms);
    const root: number[] = [];
    for (let i = 0; i < SPC_READS; i++) {
      const t = await timeIt(() => computeIndicators(db, scoped(spc), period, today));
      root.push(t.ms);
      if (i === 0 && label.startsWith('calendar'))
        spcValues = t.value.indicators
          .map((v) => `${v.code} ${pct(v.numerator, v.denominator)} (${v.denominator.toLocaleString('en')})`)
          .join(', ');
    }
    rollUps.push({ period: label, province, spc: root });
  }

  // 7. Drill-down: the failing cases of a court, first page of 50 with the total, as a command centre
  //    at the SPC reads them (year to date; the overall rate over the three years to today).
  const actor: Actor = {
    userId: clerk,
    username: 'bench.command',
    displayName: '最高法指挥中心',
    roles: [Role.commandCentre],
    court: { id: spc.id, name: spc.name, courtCode: spc.courtCode, level: 'supreme', path: spc.path },
  };
  const drillCourts = basics.filter((_, i) => i % Math.floor(basics.length / DRILL_BASIC_COURTS) === 0);
  const basicCount = summarise(await sequential(drillCourts, countScope));
  const drill = async (code: IndicatorCode, scope: Court[]) => {
    const times: number[] = [];
    let totals = 0;
    for (const c of scope) {
      const t = await timeIt(() =>
        readFailing(db, actor, code, { court: c.courtCode, limit: 50, offset: 0 }),
      );
      if (t.value.items.length > 50) throw new Error('a page of more than 50');
      times.push(t.ms);
      totals += t.value.total;
    }
    return { ...summarise(times), meanTotal: Math.round(totals / scope.length) };
  };
  const drills = {
    assetBasic: await drill('assetCasesConcluded', drillCourts),
    assetProvince: await drill('assetCasesConcluded', highs),
    overallBasic: await drill('overallConcluded', drillCourts),
    overallProvince: await drill('overallConcluded', highs),
  };

  // 8. The incremental counts after the events equal a recompute.
  const check = await timeIt(() => compareWithRecompute(db));
  const differences = check.value.differences.length;

  const updS = summarise(updateMs);
  const refS = summarise(refreshMs);
  const allCount = summarise([await countAll(), await countAll(), await countAll()]);
  const figures: Figure[] = [
    {
      name: 'full recompute (recomputeIndicators)',
      value: recompute.ms,
      unit: 'ms',
      baseline: { name: 'count(*) of cases.cases', value: baselineMs },
      goal: '≤ 3×',
    },
    {
      name: 'full recompute, beside a sequential scan',
      value: recompute.ms,
      unit: 'ms',
      baseline: { name: 'count(*) by sequential scan', value: seqScanMs },
    },
    { name: 'first recompute (counts empty)', value: firstRecompute.ms, unit: 'ms' },
    {
      name: `refreshCaseFacts per event p50 (${EVENTS} events)`,
      value: refS.p50,
      unit: 'ms',
      baseline: { name: "the case's own update", value: updS.p50 },
    },
    {
      name: 'refreshCaseFacts per event p99',
      value: refS.p99,
      unit: 'ms',
      baseline: { name: "the case's own update", value: updS.p99 },
      goal: '< 5 ms',
    },
  ];
  for (const r of rollUps) {
    const p = summarise(r.province);
    const s = summarise(r.spc);
    figures.push(
      {
        name: `roll-up, province, ${r.period} p50`,
        value: p.p50,
        unit: 'ms',
        baseline: { name: "count(*) of the province's cases", value: provinceCount.p50 },
      },
      {
        name: `roll-up, province, ${r.period} p99`,
        value: p.p99,
        unit: 'ms',
        baseline: { name: "count(*) of the province's cases", value: provinceCount.p99 },
        goal: '< 1 s',
      },
      {
        name: `roll-up, SPC, ${r.period} p50`,
        value: s.p50,
        unit: 'ms',
        baseline: { name: 'count(*) of all cases', value: allCount.p50 },
      },
      { name: `roll-up, SPC, ${r.period} p99`, value: s.p99, unit: 'ms', goal: '< 1 s' },
    );
  }
  const drillFigure = (
    name: string,
    d: (typeof drills)['assetBasic'],
    baseline: { name: string; value: number },
  ) => [
    {
      name: `${name} p50 (mean total ${d.meanTotal.toLocaleString('en')})`,
      value: d.p50,
      unit: 'ms',
      baseline,
    },
    { name: `${name} p99`, value: d.p99, unit: 'ms', goal: '< 200 ms' },
  ];
  figures.push(
    ...drillFigure('drill-down, asset cases, basic court', drills.assetBasic, {
      name: "count(*) of the court's cases",
      value: basicCount.p50,
    }),
    ...drillFigure('drill-down, asset cases, province', drills.assetProvince, {
      name: "count(*) of the province's cases",
      value: provinceCount.p50,
    }),
    ...drillFigure('drill-down, overall rate, basic court', drills.overallBasic, {
      name: "count(*) of the court's cases",
      value: basicCount.p50,
    }),
    ...drillFigure('drill-down, overall rate, province', drills.overallProvince, {
      name: "count(*) of the province's cases",
      value: provinceCount.p50,
    }),
    { name: 'compareWithRecompute after the events', value: check.ms, unit: 'ms' },
    { name: 'differences from a recompute after the events', value: differences, unit: '', goal: '0' },
  );
  printFigures(
    `Command centre indicators: ${CASES.toLocaleString('en')} cases in ${courts.length.toLocaleString('en')} courts ` +
      `(set up in ${secs(setupMs)}); ${EVENTS} events one at a time (${eventKinds.closed} closings, ` +
      `${eventKinds.periodMoved} handling periods moved); roll-up of each of the ${highs.length} provinces and ` +
      `${SPC_READS}× the SPC per period; drill-down of ${drillCourts.length} basic courts and ${highs.length} provinces`,
    figures,
  );
  console.log(`\nSPC, calendar year ${year - 1}: ${spcValues}`);
  if (differences !== 0) {
    console.error(
      `\nFAILED: the incremental counts differ from a recompute in ${differences} rows after ${EVENTS} events:\n` +
        JSON.stringify(check.value.differences.slice(0, 10), null, 1),
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
  const a = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
  await a.unsafe(`drop database if exists ${dbName} with (force)`);
  await a.end();
  await server.stop();
}

/**
 * Drops a table's indexes that back no constraint and returns their definitions, to build them again
 * after a bulk load: the same schema, each index built in one sorted pass instead of row by row.
 */
async function dropPlainIndexes(s: postgres.Sql, table: string): Promise<string[]> {
  const indexes = await s<{ name: string; def: string }[]>`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i where i.indrelid = ${table}::regclass
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`;
  for (const i of indexes) await s.unsafe(`drop index ${i.name}`);
  return indexes.map((i) => i.def);
}

async function sequential<T>(items: readonly T[], f: (item: T) => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (const item of items) out.push(await f(item));
  return out;
}
