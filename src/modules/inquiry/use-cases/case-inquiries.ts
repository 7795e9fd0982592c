import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { enqueueJob } from '../../../platform/jobs.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { driveInstitutionJob } from '../jobs/drive-institution.ts';
import { assertCanAct } from '../policy.ts';
import { canMove, type RequestState, requestStateValues } from '../rules/request-states.ts';
import { caseInquiries, requests } from '../tables.ts';
import { institutionNames } from './institution-names.ts';

/** The case's inquiries (clicks, batches, 终本 re-query rounds) and the requests of the latest one. */
export async function listCaseInquiries(db: Db, actor: Actor, caseId: string) {
  const c = await loadCaseContext(db, actor, caseId);
  const rows = await db
    .select()
    .from(caseInquiries)
    .where(eq(caseInquiries.caseId, c.id))
    .orderBy(desc(caseInquiries.createdAt))
    .limit(50);
  const counts = await db.execute<{ case_inquiry_id: string; state: string; n: number }>(sql`
    select case_inquiry_id, state, count(*)::int as n from inquiry.requests where case_id = ${c.id}::uuid and case_inquiry_id is not null
    group by case_inquiry_id, state`);
  const latest = rows[0];
  const latestRequests = latest
    ? await db
        .select()
        .from(requests)
        .where(eq(requests.caseInquiryId, latest.id))
        .orderBy(requests.institution)
    : [];
  const names = await institutionNames(
    db,
    latestRequests.map((r) => r.institution),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      batchId: r.batchId,
      kind: r.kind,
      requeryRound: r.requeryRound,
      purpose: r.purpose,
      createdAt: r.createdAt.toISOString(),
      doneAt: r.doneAt?.toISOString() ?? null,
      byState: Object.fromEntries(
        counts.filter((x) => x.case_inquiry_id === r.id).map((x) => [x.state, x.n]),
      ),
    })),
    requests: latestRequests.map((r) => ({
      id: r.id,
      institution: r.institution,
      institutionName: names.get(r.institution) ?? r.institution,
      operation: r.operation,
      state: requestStateValues.find((s) => s === r.state) ?? 'pending',
      attempts: r.attempts,
      lastError: r.lastError,
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}

/** Retry by hand a request that ended failed or expired: the same request (same idempotency key) is sent again. */
export async function retryRequest(db: Db, actor: Actor, requestId: string) {
  if (!isUuid(requestId)) throw notFound('请求', 'Request');
  const [row] = await db.select().from(requests).where(eq(requests.id, requestId));
  if (!row) throw notFound('请求', 'Request');
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, row.caseId);
    assertCanAct(c);
    const [locked] = await tx.select().from(requests).where(eq(requests.id, requestId)).for('update');
    const state = requestStateValues.find((s) => s === locked?.state);
    if (!locked || !state || !canMove(state, 'pending')) {
      throw new AppError(
        ErrorCode.conflict,
        bi('只有失败或超时的请求可以重试', 'Only failed or expired requests can be retried'),
      );
    }
    const next: RequestState = 'pending';
    await tx
      .update(requests)
      .set({
        state: next,
        attempts: 0,
        nextAttemptAt: new Date(),
        remoteRequestId: null,
        leaseUntil: null,
        updatedAt: new Date(),
      })
      .where(eq(requests.id, requestId));
    if (locked.measureId) {
      await tx.execute(sql`update inquiry.measures set state = 'requested', reason = null, answered_at = null
        where id = ${locked.measureId}::uuid and state = 'failed'`);
    }
    // The officer judges the institution to be back: its push-back pause and open circuit no longer hold this request.
    await tx.execute(sql`update inquiry.institutions set paused_until = null, circuit_open_until = null
      where code = ${locked.institution}`);
    if (locked.caseInquiryId) {
      await tx.update(caseInquiries).set({ doneAt: null }).where(eq(caseInquiries.id, locked.caseInquiryId));
    }
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'inquiry.request.retry',
      objectType: 'case',
      objectId: c.id,
      detail: { requestId, institution: locked.institution, previousState: state },
    });
    await enqueueJob(
      tx,
      driveInstitutionJob,
      { institution: locked.institution },
      { singletonKey: locked.institution, isUrgent: true },
    );
    return { id: requestId, state: next };
  });
}
