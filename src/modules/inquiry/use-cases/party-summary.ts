import { sql } from 'drizzle-orm';
import type { Bilingual } from '../../../kernel/index.ts';
import type { DbOrTx } from '../../../platform/db.ts';

/**
 * What a case's parties may know of its inquiry and control (the party portal): how many measures
 * of each kind are in force or done and the amounts, and the rounds of online inquiry — never the
 * institutions' answers themselves.
 */
const measureLabels: Record<string, Bilingual> = {
  freeze: { zh: '冻结', en: 'Freezes' },
  seal: { zh: '查封', en: 'Seals' },
  seize: { zh: '扣押', en: 'Seizures' },
  deduct: { zh: '扣划', en: 'Deductions' },
};

export async function partyInquirySummary(db: DbOrTx, caseId: string) {
  const [measureRows, roundRows] = await Promise.all([
    db.execute<{ kind: string; n: number; fen: number }>(sql`
      select kind, count(*)::int as n,
        coalesce(sum(case when kind = 'deduct' then deducted_fen else coalesce(amount_fen, 0) end), 0)::float8 as fen
      from inquiry.measures
      where case_id = ${caseId}::uuid and kind in ('freeze', 'seal', 'seize', 'deduct')
        and state in ('inForce', 'queued', 'done')
      group by kind order by kind`),
    db.execute<{ rounds: number; last_on: string | null; answered: number }>(sql`
      select count(*)::int as rounds,
        to_char(max(done_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as last_on,
        coalesce(sum(answered_count), 0)::int as answered
      from inquiry.case_inquiries where case_id = ${caseId}::uuid and done_at is not null`),
  ]);
  const round = roundRows[0];
  return {
    measures: measureRows.map((m) => ({
      kind: m.kind,
      label: measureLabels[m.kind] ?? { zh: m.kind, en: m.kind },
      count: m.n,
      amountFen: m.fen,
    })),
    inquiry: {
      rounds: round?.rounds ?? 0,
      lastOn: round?.last_on ?? null,
      institutionsAnswered: round?.answered ?? 0,
    },
  };
}
