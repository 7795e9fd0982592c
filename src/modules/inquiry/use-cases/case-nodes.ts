import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db.ts';

/**
 * Case nodes the inquiry module asks the cases module to record (through src/flows/): "online
 * inquiry done" when a case inquiry finishes, "assets controlled" when a measure takes effect.
 */
export type DueCaseNode = {
  source: 'caseInquiry' | 'measure';
  id: string;
  caseId: string;
  requestedBy: string | null;
  note: string;
  documentName: string | null;
};

export async function listDueCaseNodes(db: Db, limit = 100): Promise<DueCaseNode[]> {
  const inquiries = await db.execute<{
    id: string;
    case_id: string;
    requested_by: string | null;
    answered_count: number;
    found_count: number;
  }>(sql`
    select id, case_id, requested_by, answered_count, found_count from inquiry.case_inquiries
    where node_state = 'due' order by created_at limit ${limit}`);
  const measured = await db.execute<{
    id: string;
    case_id: string;
    requested_by: string;
    kind: string;
    document_name: string;
  }>(sql`
    select id, case_id, requested_by, kind, document_name from inquiry.measures where node_state = 'due' order by created_at limit ${limit}`);
  return [
    ...inquiries.map((r) => ({
      source: 'caseInquiry' as const,
      id: r.id,
      caseId: r.case_id,
      requestedBy: r.requested_by,
      note: `网络查控：${r.answered_count} 项查询已反馈，发现可供执行财产 ${r.found_count} 项 / online inquiry: ${r.answered_count} answers, ${r.found_count} assets found`,
      documentName: null,
    })),
    ...measured.map((r) => ({
      source: 'measure' as const,
      id: r.id,
      caseId: r.case_id,
      requestedBy: r.requested_by,
      note: r.document_name,
      documentName: r.document_name,
    })),
  ];
}

export async function markCaseNode(
  db: Db,
  node: { source: 'caseInquiry' | 'measure'; id: string },
  state: 'recorded' | 'skipped',
): Promise<void> {
  if (node.source === 'caseInquiry') {
    await db.execute(
      sql`update inquiry.case_inquiries set node_state = ${state} where id = ${node.id}::uuid and node_state = 'due'`,
    );
  } else {
    await db.execute(
      sql`update inquiry.measures set node_state = ${state} where id = ${node.id}::uuid and node_state = 'due'`,
    );
  }
}

/** 终本 checklist fact: a case inquiry of this case finished with at least one answer. */
export async function hasOnlineInquiryDone(db: DbOrTx, caseId: string): Promise<boolean> {
  const rows = await db.execute<{ ok: boolean }>(sql`select exists (select 1 from inquiry.case_inquiries
    where case_id = ${caseId}::uuid and done_at is not null and answered_count > 0) as ok`);
  return rows[0]?.ok === true;
}
