import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { enqueueJob } from '../../../platform/jobs.ts';
import { driveInstitutionJob } from '../jobs/drive-institution.ts';
import { batches, caseInquiries } from '../tables.ts';

/**
 * Writes a query batch: one case inquiry per case and one request per (respondent × institution),
 * all `pending` before anything is sent, and wakes each institution's driver in the same transaction.
 */
export type QuerySubject = {
  partyId: string;
  name: string;
  kind: 'person' | 'company';
  idNumber: string | null;
  creditCode: string | null;
};

export type PlannedCase = {
  caseId: string;
  courtId: string;
  caseNumber: string;
  courtName: string;
  subjects: QuerySubject[];
  requeryRound?: number;
};

export type BatchInput = {
  kind: 'case' | 'batch' | 'requery';
  courtId: string | null;
  requestedBy: string | null;
  purpose: string;
  cases: PlannedCase[];
};

/** A natural person by ID number, an organisation by credit code; without one an institution cannot answer. */
export function subjectOf(p: {
  id: string;
  kind: string;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
}): QuerySubject | null {
  if (p.kind === 'natural')
    return p.idNumber
      ? { partyId: p.id, name: p.name, kind: 'person', idNumber: p.idNumber, creditCode: null }
      : null;
  return p.creditCode
    ? { partyId: p.id, name: p.name, kind: 'company', idNumber: null, creditCode: p.creditCode }
    : null;
}

const priorityOf = { case: 1, batch: 2, requery: 3 } as const;

export async function readCallbackBase(tx: DbOrTx): Promise<string | null> {
  const rows = await tx.execute<{ value: string }>(
    sql`select value from inquiry.settings where key = 'callbackBaseUrl'`,
  );
  return rows[0]?.value ?? null;
}

export async function queryInstitutionCodes(tx: DbOrTx): Promise<string[]> {
  const rows = await tx.execute<{ code: string }>(
    sql`select code from inquiry.institutions where is_enabled and 'query' = any(operations) order by code`,
  );
  return rows.map((r) => r.code);
}

export async function insertQueryBatch(
  tx: DbOrTx,
  input: BatchInput,
): Promise<{ batchId: string; requestCount: number }> {
  const codes = await queryInstitutionCodes(tx);
  const callbackBase = await readCallbackBase(tx);
  const batchId = randomUUID();
  const requestCount = codes.length * input.cases.reduce((n, c) => n + c.subjects.length, 0);
  await tx.insert(batches).values({
    id: batchId,
    kind: input.kind,
    courtId: input.courtId,
    requestedBy: input.requestedBy,
    purpose: input.purpose,
    caseCount: input.cases.length,
    requestCount,
  });
  let pending: Record<string, unknown>[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    await tx.execute(sql`insert into inquiry.requests (id, batch_id, case_inquiry_id, case_id, court_id, respondent_party_id,
        institution, operation, body, state, priority, requested_by)
      select x.id, ${batchId}::uuid, x.case_inquiry_id, x.case_id, x.court_id, x.respondent_party_id, x.institution, 'query',
        x.body, 'pending', ${priorityOf[input.kind]}, ${input.requestedBy}::uuid
      from jsonb_to_recordset(${JSON.stringify(pending)}::jsonb) as x(id uuid, case_inquiry_id uuid, case_id uuid,
        court_id uuid, respondent_party_id uuid, institution text, body jsonb)`);
    pending = [];
  };
  const planned = input.cases.map((c) => ({ c, caseInquiryId: randomUUID() }));
  for (let i = 0; i < planned.length; i += 1000) {
    await tx.insert(caseInquiries).values(
      planned.slice(i, i + 1000).map(({ c, caseInquiryId }) => ({
        id: caseInquiryId,
        batchId,
        caseId: c.caseId,
        courtId: c.courtId,
        caseNumber: c.caseNumber,
        kind: input.kind,
        requeryRound: c.requeryRound ?? null,
        requestedBy: input.requestedBy,
        purpose: input.purpose,
      })),
    );
  }
  for (const { c, caseInquiryId } of planned) {
    for (const s of c.subjects) {
      const subject =
        s.kind === 'person'
          ? { kind: 'person', name: s.name, idNumber: s.idNumber }
          : { kind: 'company', name: s.name, creditCode: s.creditCode };
      for (const code of codes) {
        const body = {
          subject,
          caseNumber: c.caseNumber,
          court: c.courtName,
          ...(callbackBase ? { callbackUrl: `${callbackBase}/api/v1/inquiry/callbacks/${code}` } : {}),
        };
        pending.push({
          id: randomUUID(),
          case_inquiry_id: caseInquiryId,
          case_id: c.caseId,
          court_id: c.courtId,
          respondent_party_id: s.partyId,
          institution: code,
          body,
        });
        if (pending.length >= 2000) await flush();
      }
    }
  }
  await flush();
  for (const code of codes) {
    await enqueueJob(tx, driveInstitutionJob, { institution: code }, { singletonKey: code, isUrgent: true });
  }
  return { batchId, requestCount };
}
