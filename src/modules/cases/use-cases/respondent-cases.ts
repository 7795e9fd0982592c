import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { ClosingType } from '../rules/closing.ts';

/**
 * How many other cases, in any court, name the same respondents (by ID number or credit code): the
 * open ones, and those closed by 终本 and not restored. Counts only, with no data scope applied —
 * for a rating, which shows the numbers and nothing of the cases themselves.
 */
export type OtherCaseCounts = { open: number; terminated: number };

export type RespondentIdentity = { partyId: string; idNumber: string | null; creditCode: string | null };

export async function countOtherCasesOfRespondents(
  db: DbOrTx,
  caseId: string,
  respondents: readonly RespondentIdentity[],
): Promise<Map<string, OtherCaseCounts>> {
  const idNumbers = respondents.flatMap((r) => (r.idNumber ? [r.idNumber] : []));
  const creditCodes = respondents.flatMap((r) => (r.creditCode ? [r.creditCode] : []));
  const rows =
    idNumbers.length + creditCodes.length === 0
      ? []
      : await db.execute<{ key: string; open: number; terminated: number }>(sql`
          select coalesce(p.id_number, p.credit_code) as key,
            count(distinct c.id) filter (where c.status <> 'closed')::int as open,
            count(distinct c.id) filter (where c.closing_type = ${ClosingType.terminatedThisRound}
              and c.restored_to_id is null)::int as terminated
          from cases.parties p join cases.cases c on c.id = p.case_id
          where p.role = 'respondent' and p.case_id <> ${caseId}::uuid
            and (p.id_number = any(${sql.param(idNumbers)}::text[]) or p.credit_code = any(${sql.param(creditCodes)}::text[]))
          group by 1`);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return new Map(
    respondents.map((r) => {
      const found = byKey.get(r.idNumber ?? r.creditCode ?? '');
      return [r.partyId, { open: found?.open ?? 0, terminated: found?.terminated ?? 0 }];
    }),
  );
}
