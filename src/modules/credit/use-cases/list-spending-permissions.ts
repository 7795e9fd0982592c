import type postgres from 'postgres';
import type { Sql } from '../../../platform/db.ts';

/** 限消规定 art. 3: a bound person's permission to spend private money on some behaviours, by punishment number. */
export type SpendingPermission = {
  punishmentNo: number;
  behaviours: number[];
  validFrom: string;
  validUntil: string;
};

/**
 * The private-spending permissions of consumption restrictions: of the given punishment numbers,
 * or of all. Plain SQL, so that it can run inside the snapshot's transaction.
 */
export async function listSpendingPermissions(
  sql: Sql | postgres.TransactionSql,
  punishmentNos?: readonly number[],
): Promise<SpendingPermission[]> {
  const rows = await sql<
    { punishment_no: string; behaviours: number[]; valid_from: string; valid_until: string }[]
  >`
    select s.punishment_no::text as punishment_no, p.behaviours, p.valid_from::text as valid_from,
      p.valid_until::text as valid_until
    from credit.spending_permissions p join credit.restriction_subjects s on s.id = p.restriction_subject_id
    ${punishmentNos ? sql`where s.punishment_no = any(${[...punishmentNos]}::bigint[])` : sql``}`;
  return rows.map((r) => ({
    punishmentNo: Number(r.punishment_no),
    behaviours: r.behaviours,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
  }));
}
