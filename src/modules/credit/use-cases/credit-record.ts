import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';

/**
 * What the credit records say of a case's respondents, for a rating (read through this module's
 * index.ts): listed as dishonest now in any case, how often listed for conduct — grounds (2)–(6) of
 * 失信规定 art. 1: obstruction, evasion, the reporting duty, a consumption restriction, a
 * settlement — and whether this case already restricts or lists them.
 */
export type CreditRecord = {
  isListed: boolean;
  breachCount: number;
  isRestrictedHere: boolean;
  isListedHere: boolean;
};

export type CreditSubject = { partyId: string; idNumber: string | null; creditCode: string | null };

export async function readCreditRecords(
  db: DbOrTx,
  caseId: string,
  subjects: readonly CreditSubject[],
): Promise<Map<string, CreditRecord>> {
  const idNumbers = subjects.flatMap((s) => (s.idNumber ? [s.idNumber] : []));
  const creditCodes = subjects.flatMap((s) => (s.creditCode ? [s.creditCode] : []));
  const [entryRows, restrictionRows] = await Promise.all([
    db.execute<{
      idNumber: string | null;
      creditCode: string | null;
      caseId: string;
      party: string;
      state: string;
      ground: number;
    }>(sql`
      select id_number as "idNumber", credit_code as "creditCode", case_id as "caseId",
        respondent_party_id as party, state, ground
      from credit.entries
      where (id_number = any(${sql.param(idNumbers)}::text[]) or credit_code = any(${sql.param(creditCodes)}::text[])
          or case_id = ${caseId}::uuid)
        and state in ('pendingApproval', 'listed', 'deleted')`),
    db.execute<{ party: string }>(sql`
      select respondent_party_id as party from credit.restrictions
      where case_id = ${caseId}::uuid and state = 'active'`),
  ]);
  const restricted = new Set(restrictionRows.map((r) => r.party));
  return new Map(
    subjects.map((s) => {
      const own = entryRows.filter(
        (e) =>
          (s.idNumber !== null && e.idNumber === s.idNumber) ||
          (s.creditCode !== null && e.creditCode === s.creditCode) ||
          (e.caseId === caseId && e.party === s.partyId),
      );
      return [
        s.partyId,
        {
          isListed: own.some((e) => e.state === 'listed'),
          // 失信规定 art. 1(2)–(6): conduct, not mere inability; only decided listings (a revoked or refused one is none).
          breachCount: own.filter((e) => e.state !== 'pendingApproval' && e.ground >= 2 && e.ground <= 6)
            .length,
          isRestrictedHere: restricted.has(s.partyId),
          isListedHere: own.some(
            (e) => e.caseId === caseId && e.party === s.partyId && e.state !== 'deleted',
          ),
        },
      ];
    }),
  );
}
