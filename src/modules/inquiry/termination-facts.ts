import { sql } from 'drizzle-orm';
import type { TerminationFactProvider } from '../cases/index.ts';

/**
 * 终本规定 art. 1(3): the online inquiry system was searched. A case inquiry of this case that
 * finished with at least one answer counts; what the case timeline says by hand is not enough.
 */
export const inquiryTerminationFacts: TerminationFactProvider = async (tx, caseId) => {
  const rows = await tx.execute<{ ok: boolean }>(sql`select exists (select 1 from inquiry.case_inquiries
    where case_id = ${caseId}::uuid and done_at is not null and answered_count > 0) as ok`);
  return rows[0]?.ok === true ? { onlineInquiryDone: true } : {};
};
