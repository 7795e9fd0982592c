import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { chinaDateOf, formatYuan, maskIdNumber } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type CaseContext, loadCaseContext } from '../../cases/index.ts';
import { type Actor, courtNamesByIds, systemActorFor } from '../../identity/index.ts';
import type {
  TPublicRewardNotice,
  TPublicRewardNoticePage,
  TRewardDecision,
  TRewardNotice,
  TRewardNoticeInput,
} from '../reward-contracts.ts';
import { type PublishedDebtor, rewardClues, rewardNotices } from '../reward-tables.ts';
import { assertCaseJudge } from '../team-policy.ts';
import type { CaseAccess } from './party-access.ts';
import { closeRequest, openRequest } from './party-requests.ts';

/**
 * Reward notices (悬赏公告; 财产调查规定 (2020) arts. 21–24): the applicant (or their lawyer)
 * applies — a task due in 10 days on the team's workbench — the case judge decides, and an
 * approved notice is published on the portal (where grid workers see it too) with the debtor's
 * name and the ID number masked. Clues and their verification: reward-clues.ts.
 */
type NoticeRow = typeof rewardNotices.$inferSelect;

const publicPageSize = 20;

/** The case as the court sees it, read for a portal user (no court user acts here). */
export async function caseOfAccess(db: DbOrTx, access: CaseAccess): Promise<CaseContext> {
  const actor = await systemActorFor(db, access.courtId);
  if (!actor) throw new Error(`court ${access.courtId} not found`);
  return loadCaseContext(db, actor, access.caseId);
}

export function assertCaseOpen(c: Pick<CaseContext, 'status'>): void {
  if (c.status === 'closed') {
    throw new AppError(
      ErrorCode.conflict,
      bi('案件已结案，请申请恢复执行', 'The case is closed; apply to restore it'),
    );
  }
}

/** 财产调查规定 (2020) art. 21: the applicant applies (in writing), itself or through its lawyer. */
function assertApplicantSide(access: CaseAccess): void {
  const isApplicantSide =
    access.role === 'applicant' ||
    (access.role === 'lawyer' && access.seats.some((s) => s.role === 'applicant'));
  if (!isApplicantSide) {
    throw new AppError(
      ErrorCode.forbidden,
      bi(
        '只有申请执行人或其代理律师可以申请悬赏公告',
        'Only the applicant or its lawyer may apply for a reward notice',
      ),
    );
  }
}

export async function applyForRewardNotice(
  db: Db,
  access: CaseAccess,
  input: TRewardNoticeInput,
): Promise<{ id: string; dueOn: string }> {
  assertApplicantSide(access);
  return db.transaction(async (tx) => {
    assertCaseOpen(await caseOfAccess(tx, access));
    const text = `悬赏金 ¥${formatYuan(input.rewardFen)}：${input.text}`;
    const task = await openRequest(tx, access, { kind: 'rewardNotice', text });
    const id = randomUUID();
    await tx.insert(rewardNotices).values({
      id,
      caseId: access.caseId,
      courtId: access.courtId,
      caseNumber: access.caseNumber,
      requestId: task.id,
      appliedByKind: access.role === 'lawyer' ? 'lawyer' : 'applicant',
      appliedByName: access.submitter.name,
      appliedById: access.submitter.id,
      rewardFen: input.rewardFen,
      text: input.text,
      appliedAt: clock.now(),
      dueOn: task.dueOn,
    });
    await appendAudit(tx, {
      actor: null,
      action: 'disclosure.reward-notice.apply',
      objectType: 'case',
      objectId: access.caseId,
      detail: { noticeId: id, requestId: task.id, rewardFen: input.rewardFen, by: access.submitter.kind },
    });
    return { id, dueOn: task.dueOn };
  });
}

/** The notice and its case, for a court user: 404 for an unknown notice or one outside the data scope. */
export async function loadNoticeForTeam(
  tx: DbOrTx,
  actor: Actor,
  noticeId: string,
  opts: { forUpdate?: boolean; lockCase?: boolean } = {},
): Promise<{ notice: NoticeRow; c: CaseContext }> {
  const query = tx.select().from(rewardNotices).where(eq(rewardNotices.id, noticeId));
  const [notice] = opts.forUpdate ? await query.for('update') : await query;
  if (!notice) throw notFound('悬赏公告', 'Reward notice');
  const c = await loadCaseContext(tx, actor, notice.caseId, { forUpdate: opts.lockCase });
  return { notice, c };
}

function debtorsOf(c: CaseContext): PublishedDebtor[] {
  return c.respondents.map((r) => ({
    name: r.name,
    idNumber: r.idNumber ? maskIdNumber(r.idNumber) : null,
    creditCode: r.creditCode,
  }));
}

/** 财产调查规定 (2020) arts. 21–22: the judge approves (the notice is published at once) or refuses. */
export async function decideRewardNotice(
  db: Db,
  actor: Actor,
  noticeId: string,
  input: TRewardDecision,
): Promise<TRewardNotice> {
  return db.transaction(async (tx) => {
    const { notice, c } = await loadNoticeForTeam(tx, actor, noticeId, { forUpdate: true });
    assertCaseJudge(actor, c);
    if (notice.state !== 'pending') {
      throw new AppError(
        ErrorCode.conflict,
        bi('该悬赏公告申请已作出决定', 'The application was already decided'),
      );
    }
    if (input.approve) assertCaseOpen(c);
    const now = clock.now();
    const today = chinaDateOf(now);
    const courtName = input.approve ? ((await courtNamesByIds(tx, [c.courtId])).get(c.courtId) ?? '') : null;
    const [updated] = await tx
      .update(rewardNotices)
      .set({
        state: input.approve ? 'published' : 'rejected',
        decidedAt: now,
        decidedBy: actor.userId,
        decidedByName: actor.displayName,
        reason: input.reason,
        publishedOn: input.approve ? today : null,
        courtName,
        debtors: input.approve ? debtorsOf(c) : [],
      })
      .where(eq(rewardNotices.id, notice.id))
      .returning();
    if (!updated) throw new Error('the locked notice vanished');
    await closeRequest(tx, notice.requestId, {
      outcome: input.approve ? 'accepted' : 'rejected',
      answer: input.reason,
      actor,
    });
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: input.approve ? 'disclosure.reward-notice.publish' : 'disclosure.reward-notice.reject',
      objectType: 'case',
      objectId: c.id,
      detail: { noticeId: notice.id, rewardFen: notice.rewardFen },
    });
    const [view] = await teamViewsOf(tx, [updated]);
    if (!view) throw new Error('no view of the decided notice');
    return view;
  });
}

async function teamViewsOf(db: DbOrTx, rows: NoticeRow[]): Promise<TRewardNotice[]> {
  const ids = rows.map((r) => r.id);
  const tallies = ids.length
    ? await db
        .select({
          noticeId: rewardClues.noticeId,
          clues: count(),
          grantedFen: sql<string>`coalesce(sum(${rewardClues.rewardFen}), 0)::text`,
        })
        .from(rewardClues)
        .where(inArray(rewardClues.noticeId, ids))
        .groupBy(rewardClues.noticeId)
    : [];
  const tallyOf = new Map(tallies.map((t) => [t.noticeId, t]));
  const today = clock.today();
  return rows.map((r) => {
    const tally = tallyOf.get(r.id);
    return {
      id: r.id,
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      state: r.state,
      rewardFen: r.rewardFen,
      text: r.text,
      appliedAt: r.appliedAt.toISOString(),
      appliedBy: { name: r.appliedByName, role: r.appliedByKind },
      dueOn: r.dueOn,
      isOverdue: (r.decidedAt ? chinaDateOf(r.decidedAt) : today) > r.dueOn,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decidedBy: r.decidedByName,
      reason: r.reason,
      publishedOn: r.publishedOn,
      clues: tally?.clues ?? 0,
      grantedFen: Number(tally?.grantedFen ?? 0),
    };
  });
}

/** The case's notices, oldest first, for whoever sees the case (the informants are on the clues). */
export async function listCaseRewardNotices(
  db: DbOrTx,
  actor: Actor,
  caseId: string,
): Promise<TRewardNotice[]> {
  const c = await loadCaseContext(db, actor, caseId);
  const rows = await db
    .select()
    .from(rewardNotices)
    .where(eq(rewardNotices.caseId, c.id))
    .orderBy(asc(rewardNotices.appliedAt));
  return teamViewsOf(db, rows);
}

function publicViewOf(r: NoticeRow): TPublicRewardNotice {
  return {
    id: r.id,
    caseNumber: r.caseNumber,
    court: r.courtName ?? '',
    debtors: r.debtors,
    rewardFen: r.rewardFen,
    publishedOn: r.publishedOn ?? '',
    text: r.text,
  };
}

const isPublished = eq(rewardNotices.state, 'published');

/** The published notices, newest first, 20 a page (the portal and the grid workers read this list). */
export async function listPublishedRewardNotices(db: DbOrTx, page: number): Promise<TPublicRewardNoticePage> {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(rewardNotices)
      .where(isPublished)
      .orderBy(desc(rewardNotices.publishedOn), desc(rewardNotices.decidedAt))
      .limit(publicPageSize)
      .offset((page - 1) * publicPageSize),
    db.select({ n: count() }).from(rewardNotices).where(isPublished),
  ]);
  return { items: rows.map(publicViewOf), total: total?.n ?? 0, page, pageSize: publicPageSize };
}

/** One published notice; any other (pending, refused, unknown) does not exist. */
export async function getPublishedRewardNotice(db: DbOrTx, id: string): Promise<TPublicRewardNotice> {
  const [row] = await db
    .select()
    .from(rewardNotices)
    .where(and(eq(rewardNotices.id, id), isPublished));
  if (!row) throw notFound('悬赏公告', 'Reward notice');
  return publicViewOf(row);
}
