import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, ne, type SQL, sql } from 'drizzle-orm';
import { validateIdNumber } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField, notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type CaseContext, loadCaseParties, NodeKind, recordNode } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TClueVerification, TRewardClue, TRewardClueInput } from '../reward-contracts.ts';
import { rewardClues, rewardNotices } from '../reward-tables.ts';
import { type ExcludedPeople, rewardAmountProblem, rewardExclusionOf } from '../rules/reward-notice.ts';
import { assertCaseTeam } from '../team-policy.ts';
import { loadNoticeForTeam } from './reward-notices.ts';

/**
 * Clues on a published reward notice (财产调查规定 (2020) arts. 23–24): anyone sends one; each is
 * logged in order of arrival — numbered 1, 2, 3 … per notice under the notice row's lock, so that
 * concurrent clues get distinct, consecutive numbers — and the informant's identity is for the case
 * team only. The team verifies each once; a useful clue may earn a reward, paid from the applicant's
 * recovery, never to the applicant's agent nor to anyone obliged to report the property.
 */
type ClueRow = typeof rewardClues.$inferSelect;

export function clientHashOf(address: string): string {
  return createHash('sha256').update(`reward-clue:${address}`).digest('hex');
}

export async function submitRewardClue(
  db: Db,
  noticeId: string,
  input: TRewardClueInput,
  clientAddress: string,
): Promise<{ id: string; seq: number }> {
  const id = validateIdNumber(input.idNumber, clock.today());
  if (!id.ok) throw invalidField('idNumber', id.reason.zh, id.reason.en);
  return db.transaction(async (tx) => {
    const [notice] = await tx
      .select({ id: rewardNotices.id, caseId: rewardNotices.caseId, lastClueSeq: rewardNotices.lastClueSeq })
      .from(rewardNotices)
      .where(and(eq(rewardNotices.id, noticeId), eq(rewardNotices.state, 'published')))
      .for('update');
    if (!notice) throw notFound('悬赏公告', 'Reward notice');
    const seq = notice.lastClueSeq + 1;
    const clueId = randomUUID();
    await tx.update(rewardNotices).set({ lastClueSeq: seq }).where(eq(rewardNotices.id, notice.id));
    await tx.insert(rewardClues).values({
      id: clueId,
      noticeId: notice.id,
      seq,
      name: input.name,
      phone: input.phone,
      idNumber: id.value,
      text: input.text,
      submittedAt: clock.now(),
      clientHash: clientHashOf(clientAddress),
    });
    // The audit names the clue, never the informant (art. 23: kept confidential).
    await appendAudit(tx, {
      actor: null,
      action: 'disclosure.reward-clue.submit',
      objectType: 'case',
      objectId: notice.caseId,
      detail: { noticeId: notice.id, clueId, seq },
    });
    return { id: clueId, seq };
  });
}

function viewOf(r: ClueRow): TRewardClue {
  return {
    id: r.id,
    seq: r.seq,
    name: r.name,
    phone: r.phone,
    idNumber: r.idNumber,
    text: r.text,
    submittedAt: r.submittedAt.toISOString(),
    state: r.state,
    isUseful: r.isUseful,
    rewardFen: r.rewardFen,
    note: r.note,
    verifiedAt: r.verifiedAt?.toISOString() ?? null,
    verifiedBy: r.verifiedByName,
  };
}

/** The notice's clues in order of arrival, for the case team; the read of informants' identities is audited. */
export async function listRewardClues(
  db: Db,
  actor: Actor,
  noticeId: string,
  purpose: string,
): Promise<TRewardClue[]> {
  return db.transaction(async (tx) => {
    const { notice, c } = await loadNoticeForTeam(tx, actor, noticeId);
    assertCaseTeam(c);
    const rows = await tx
      .select()
      .from(rewardClues)
      .where(eq(rewardClues.noticeId, notice.id))
      .orderBy(asc(rewardClues.seq));
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'disclosure.reward-clue.read',
      objectType: 'case',
      objectId: c.id,
      purpose,
      detail: { noticeId: notice.id, clues: rows.length },
    });
    return rows.map(viewOf);
  });
}

/** 财产调查规定 (2020) art. 24: the applicant's agents, and the respondents who must report (a company by its legal representative). */
async function excludedPeopleOf(tx: DbOrTx, c: CaseContext): Promise<ExcludedPeople> {
  const parties = await loadCaseParties(tx, c.id);
  return {
    agents: parties
      .filter((p) => p.role === 'applicant')
      .flatMap((p) => p.agents.map((a) => ({ name: a.name, idNumber: null }))),
    obliged: parties
      .filter((p) => p.role === 'respondent')
      .flatMap((p) => [
        { name: p.name, idNumber: p.idNumber },
        ...(p.legalRepresentative ? [{ name: p.legalRepresentative, idNumber: null }] : []),
      ]),
  };
}

async function grantedFen(tx: DbOrTx, where: SQL): Promise<number> {
  const [row] = await tx
    .select({ fen: sql<string>`coalesce(sum(${rewardClues.rewardFen}), 0)::text` })
    .from(rewardClues)
    .innerJoin(rewardNotices, eq(rewardNotices.id, rewardClues.noticeId))
    .where(where);
  return Number(row?.fen ?? 0);
}

/** The team verifies a clue once (a second time is 409); a useful one may earn a reward. */
export async function verifyRewardClue(
  db: Db,
  actor: Actor,
  noticeId: string,
  clueId: string,
  input: TClueVerification,
): Promise<TRewardClue> {
  const rewardFen = input.rewardFen ?? 0;
  if (!input.isUseful && rewardFen > 0) {
    throw invalidField('rewardFen', '线索无效，不发放悬赏金', 'A clue that is not useful earns no reward');
  }
  return db.transaction(async (tx) => {
    // The case row's lock makes the rewards of one case wait for each other: the cap holds.
    const { notice, c } = await loadNoticeForTeam(tx, actor, noticeId, { forUpdate: true, lockCase: true });
    assertCaseTeam(c);
    const [clue] = await tx
      .select()
      .from(rewardClues)
      .where(and(eq(rewardClues.id, clueId), eq(rewardClues.noticeId, notice.id)))
      .for('update');
    if (!clue) throw notFound('线索', 'Clue');
    if (clue.state === 'verified') {
      throw new AppError(ErrorCode.conflict, bi('该线索已核查', 'The clue was already verified'));
    }
    if (rewardFen > 0) {
      const exclusion = rewardExclusionOf(
        { name: clue.name, idNumber: clue.idNumber },
        await excludedPeopleOf(tx, c),
      );
      if (exclusion) throw invalidField('idNumber', exclusion.message.zh, exclusion.message.en);
      const problem = rewardAmountProblem(rewardFen, {
        announcedFen: notice.rewardFen,
        grantedOnNoticeFen: await grantedFen(tx, eq(rewardClues.noticeId, notice.id)),
        recoveredFen: c.recoveredFen,
        grantedOnCaseFen: await grantedFen(tx, eq(rewardNotices.caseId, c.id)),
      });
      if (problem) throw invalidField('rewardFen', problem.zh, problem.en);
    }
    const [updated] = await tx
      .update(rewardClues)
      .set({
        state: 'verified',
        isUseful: input.isUseful,
        rewardFen,
        note: input.note,
        verifiedAt: clock.now(),
        verifiedBy: actor.userId,
        verifiedByName: actor.displayName,
      })
      .where(and(eq(rewardClues.id, clue.id), ne(rewardClues.state, 'verified')))
      .returning();
    if (!updated) throw new Error('the locked clue vanished');
    if (c.status !== 'closed') {
      await recordNode(
        tx,
        actor,
        c.id,
        {
          kind: NodeKind.leadVerified,
          note: `悬赏线索第${clue.seq}号：${input.isUseful ? '有效' : '无效'} / Reward clue ${clue.seq}: ${input.isUseful ? 'useful' : 'not useful'}`,
        },
        { sourceKey: `disclosure.reward-clue:${clue.id}` },
      );
    }
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'disclosure.reward-clue.verify',
      objectType: 'case',
      objectId: c.id,
      detail: { noticeId: notice.id, clueId: clue.id, seq: clue.seq, isUseful: input.isUseful, rewardFen },
    });
    return viewOf(updated);
  });
}
