import { sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type CaseContext, loadCaseContext } from '../../cases/index.ts';
import { type Actor, courtNamesByIds } from '../../identity/index.ts';
import type { TLaunchBatch } from '../contracts.ts';
import { assertCanQuery } from '../policy.ts';
import { insertQueryBatch, type PlannedCase, queryInstitutionCodes, subjectOf } from './create-requests.ts';

export type InquiryOptions = {
  /** Respondent queries one officer may launch per China day. */
  dailyQuota: number;
  now?: Date;
};

export type Launched = {
  batchId: string;
  caseCount: number;
  requestCount: number;
  skipped: { caseId: string; reason: string }[];
};

const noSubject = bi(
  '无可查询的被执行人（缺少身份证号或统一社会信用代码）',
  'No respondent with an ID number or credit code',
);

/** Counts the officer's respondent queries of the day; refuses past the quota (the transaction rolls back). */
async function takeQuota(tx: DbOrTx, actor: Actor, n: number, opts: InquiryOptions): Promise<void> {
  const day = chinaDateOf(opts.now ?? clock.now());
  const rows = await tx.execute<{ used: number }>(sql`insert into inquiry.quota_usage (user_id, day, used)
    values (${actor.userId}::uuid, ${day}::date, ${n}) on conflict (user_id, day) do update set used = inquiry.quota_usage.used + ${n}
    returning used`);
  const used = rows[0]?.used ?? n;
  if (used > opts.dailyQuota) {
    throw new AppError(
      ErrorCode.tooManyRequests,
      bi(
        `今日查询已达上限（每日 ${opts.dailyQuota} 人次，本次 ${n} 人次）`,
        `Daily query quota of ${opts.dailyQuota} respondents reached (this request: ${n})`,
      ),
    );
  }
}

function planOf(c: CaseContext, courtName: string): PlannedCase {
  const subjects = c.respondents.map(subjectOf).filter((s) => s !== null);
  return { caseId: c.id, courtId: c.courtId, caseNumber: c.caseNumber, courtName, subjects };
}

async function launch(
  db: Db,
  actor: Actor,
  contexts: CaseContext[],
  purpose: string,
  kind: 'case' | 'batch',
  opts: InquiryOptions,
): Promise<Launched> {
  const courtNames = await courtNamesByIds(db, [...new Set(contexts.map((c) => c.courtId))]);
  const plans = contexts.map((c) => planOf(c, courtNames.get(c.courtId) ?? c.courtCode));
  const skipped = plans
    .filter((p) => p.subjects.length === 0)
    .map((p) => ({ caseId: p.caseId, reason: noSubject }));
  const queried = plans.filter((p) => p.subjects.length > 0);
  if (queried.length === 0) throw new AppError(ErrorCode.conflict, noSubject);
  return db.transaction(async (tx) => {
    if ((await queryInstitutionCodes(tx)).length === 0) {
      throw new AppError(
        ErrorCode.conflict,
        bi('没有可用的查控机构', 'No institution is enabled for queries'),
      );
    }
    await takeQuota(
      tx,
      actor,
      queried.reduce((n, p) => n + p.subjects.length, 0),
      opts,
    );
    const { batchId, requestCount } = await insertQueryBatch(tx, {
      kind,
      courtId: actor.court.id,
      requestedBy: actor.userId,
      purpose,
      cases: queried,
    });
    const entries = queried.map((p) => ({
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'inquiry.query',
      objectType: 'case',
      objectId: p.caseId,
      purpose,
      detail: { batchId, respondents: p.subjects.map((s) => s.partyId) },
    }));
    // One audit record per case, written in chunks (a statement takes at most 65,535 parameters).
    for (let i = 0; i < entries.length; i += 1000) await appendAudit(tx, ...entries.slice(i, i + 1000));
    return { batchId, caseCount: queried.length, requestCount, skipped };
  });
}

/** 一键查询: every enabled institution, for every respondent of one case. */
export async function launchCaseInquiry(
  db: Db,
  actor: Actor,
  caseId: string,
  input: { purpose: string },
  opts: InquiryOptions,
) {
  const c = await loadCaseContext(db, actor, caseId);
  assertCanQuery(actor, c);
  return launch(db, actor, [c], input.purpose, 'case', opts);
}

/**
 * 批量查询: many cases at once. Cases the officer is not on the team of are left out and listed
 * with the reason (a selection from the court's list mixes teams); if none is left, the batch is
 * refused. An id outside the officer's scope is an error, as everywhere.
 */
export async function launchBatchInquiry(db: Db, actor: Actor, input: TLaunchBatch, opts: InquiryOptions) {
  const ids = [...new Set(input.caseIds)];
  const contexts: CaseContext[] = [];
  const notOnTeam: { caseId: string; path: string; reason: string }[] = [];
  for (let i = 0; i < ids.length; i += 16) {
    const chunk = ids.slice(i, i + 16);
    const loaded = await Promise.all(
      chunk.map(async (id) => {
        const path = `caseIds.${input.caseIds.indexOf(id)}`;
        try {
          const c = await loadCaseContext(db, actor, id);
          assertCanQuery(actor, c, path);
          return c;
        } catch (err) {
          if (err instanceof AppError && err.code === ErrorCode.forbidden && err.details.length > 0) {
            notOnTeam.push({ caseId: id, path, reason: err.message });
            return null;
          }
          if (err instanceof AppError && err.details.length === 0)
            throw new AppError(err.code, err.message, [{ path, message: err.message }]);
          throw err;
        }
      }),
    );
    contexts.push(...loaded.filter((c) => c !== null));
  }
  if (contexts.length === 0) {
    throw new AppError(
      ErrorCode.forbidden,
      bi('所选案件均非本人所在执行团队承办', 'None of the chosen cases is handled by your team'),
      notOnTeam.map((n) => ({ path: n.path, message: n.reason })),
    );
  }
  const launched = await launch(db, actor, contexts, input.purpose, 'batch', opts);
  return {
    ...launched,
    skipped: [...notOnTeam.map((n) => ({ caseId: n.caseId, reason: n.reason })), ...launched.skipped],
  };
}
