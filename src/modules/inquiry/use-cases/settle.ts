import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../kernel/index.ts';
import type { Database, DbOrTx } from '../../../platform/db.ts';
import { publishEvent } from '../../../platform/events.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { systemActorFor } from '../../identity/index.ts';
import { caseInquiryCompleted, requeryCompleted } from '../events.ts';
import { notices } from '../tables.ts';

/**
 * Closes case inquiries whose requests are all terminal: counts what was answered and found,
 * announces it (a flow records "online inquiry done" on the case), and for a 终本 re-query round keeps
 * the result per respondent, publishes `inquiry.requery-completed`, and prompts the team (and the
 * applicant) when new assets appeared. Runs every minute and whenever a driver finishes.
 */
type Due = {
  id: string;
  case_id: string;
  court_id: string;
  case_number: string;
  kind: string;
  requery_round: number | null;
  requested_by: string | null;
};
type RespondentStat = { respondent_party_id: string; answered: number; found: number; fresh: number };

export async function teamOf(tx: DbOrTx, courtId: string, caseId: string): Promise<string[]> {
  const actor = await systemActorFor(tx, courtId);
  if (!actor) return [];
  try {
    const c = await loadCaseContext(tx, actor, caseId);
    return [c.team.judgeId, c.team.assistantId, c.team.bailiffId, c.team.clerkId].filter(
      (id): id is string => id !== null,
    );
  } catch {
    return [];
  }
}

export async function settleCaseInquiries(database: Database, now: Date, limit = 200): Promise<number> {
  return database.db.transaction(async (tx) => {
    const due =
      await tx.execute<Due>(sql`select ci.id, ci.case_id, ci.court_id, ci.case_number, ci.kind, ci.requery_round, ci.requested_by
      from inquiry.case_inquiries ci
      where ci.done_at is null and not exists (select 1 from inquiry.requests r
        where r.case_inquiry_id = ci.id and r.state in ('pending', 'sending', 'accepted'))
      order by ci.created_at limit ${limit} for update skip locked`);
    const today = chinaDateOf(now);
    for (const ci of due) {
      const stats = await tx.execute<RespondentStat>(sql`
        select r.respondent_party_id, count(*) filter (where r.state = 'answered')::int as answered,
          (select count(*)::int from inquiry.assets a join inquiry.requests q on q.id = a.last_request_id
            where q.case_inquiry_id = ${ci.id}::uuid and a.respondent_party_id = r.respondent_party_id
              and coalesce(a.available_fen, a.value_fen, 0) > 0) as found,
          (select count(*)::int from inquiry.assets a join inquiry.requests q on q.id = a.first_request_id
            where q.case_inquiry_id = ${ci.id}::uuid and a.respondent_party_id = r.respondent_party_id
              and coalesce(a.available_fen, a.value_fen, 0) > 0) as fresh
        from inquiry.requests r where r.case_inquiry_id = ${ci.id}::uuid and r.respondent_party_id is not null
        group by r.respondent_party_id`);
      const answered = stats.reduce((n, s) => n + s.answered, 0);
      const found = stats.reduce((n, s) => n + s.found, 0);
      await tx.execute(sql`update inquiry.case_inquiries set done_at = ${now.toISOString()}::timestamptz, answered_count = ${answered},
        found_count = ${found} where id = ${ci.id}::uuid`);
      await publishEvent(
        tx,
        caseInquiryCompleted,
        {
          caseInquiryId: ci.id,
          caseId: ci.case_id,
          kind: ci.kind,
          requestedBy: ci.requested_by,
          answeredCount: answered,
          foundCount: found,
          completedOn: today,
        },
        { aggregateId: ci.case_id },
      );
      if (ci.kind === 'requery' && ci.requery_round !== null)
        await completeRequeryRound(tx, ci, stats, today);
    }
    return due.length;
  });
}

async function completeRequeryRound(
  tx: DbOrTx,
  ci: Due,
  stats: RespondentStat[],
  today: string,
): Promise<void> {
  const round = ci.requery_round ?? 0;
  for (const s of stats) {
    await tx.execute(sql`insert into inquiry.requery_results (case_id, respondent_party_id, round, case_inquiry_id, has_found_assets,
        new_asset_count, completed_on)
      values (${ci.case_id}::uuid, ${s.respondent_party_id}::uuid, ${round}, ${ci.id}::uuid, ${s.found > 0}, ${s.fresh}, ${today}::date)
      on conflict do nothing`);
    await publishEvent(
      tx,
      requeryCompleted,
      {
        caseId: ci.case_id,
        respondentPartyId: s.respondent_party_id,
        round,
        hasFoundAssets: s.found > 0,
        completedOn: today,
      },
      { aggregateId: ci.case_id },
    );
  }
  const fresh = stats.reduce((n, s) => n + s.fresh, 0);
  await appendAudit(tx, {
    actor: null,
    action: 'inquiry.requery.complete',
    objectType: 'case',
    objectId: ci.case_id,
    purpose: '终本案件定期查询 / periodic re-query of a terminated case (终本规定 art. 9)',
    detail: { round, newAssets: fresh },
  });
  if (fresh === 0) return;
  const team = await teamOf(tx, ci.court_id, ci.case_id);
  const title = `终本案件${ci.case_number}第${round}轮定期查询发现新财产`;
  const body = `本轮网络查控发现 ${fresh} 项此前未发现的财产，可申请或依职权恢复执行（终本规定第九条）。 / The round-${round} re-query found ${fresh} new asset(s); enforcement may be restored.`;
  for (const audience of ['team', 'applicant'] as const) {
    await tx
      .insert(notices)
      .values({
        id: randomUUID(),
        caseId: ci.case_id,
        courtId: ci.court_id,
        kind: 'newAssets',
        audience,
        recipientIds: audience === 'team' ? team : [],
        title,
        body,
        dedupeKey: `newAssets:${audience}:${ci.id}`,
      })
      .onConflictDoNothing();
  }
}
