import type postgres from 'postgres';
import type { Sql } from '../../../platform/db.ts';

export type CourtNumber = { courtNo: number; name: string; courtCode: string };

/**
 * Every court by its small number (`ensureCourtNo`), as punishments and changes refer to it. Plain
 * SQL, so that it can run inside the snapshot's transaction (`readPunishmentSnapshot`).
 */
export async function listCourtNumbers(sql: Sql | postgres.TransactionSql): Promise<CourtNumber[]> {
  const rows = await sql<
    { court_no: number; name: string; court_code: string }[]
  >`select court_no, name, court_code from credit.courts`;
  return rows.map((r) => ({ courtNo: r.court_no, name: r.name, courtCode: r.court_code }));
}
