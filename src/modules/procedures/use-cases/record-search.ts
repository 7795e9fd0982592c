import { eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext, NodeKind, recordNode } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { searchDateProblem } from '../rules/audit-search.ts';
import type { TSearch, TSearchRecord } from '../search-contracts.ts';
import { assertSearchTeam } from '../search-policy.ts';
import { searches } from '../search-tables.ts';
import { loadSearch, searchView } from './search-views.ts';
import { auditActorOf, conflict } from './settlement-store.ts';

/**
 * 搜查笔录 (CPL-I arts. 494–497): the case team records the search made under the signed warrant — when
 * and where, the officers, those present, what was found, who refused to sign — and the timeline
 * gets "debtorSearched" (the node the 终本 checklist reads), keyed by the search. Once per warrant.
 */
export async function recordSearch(
  db: Db,
  actor: Actor,
  searchId: string,
  input: TSearchRecord,
): Promise<TSearch> {
  return db.transaction(async (tx) => {
    const s = await loadSearch(tx, searchId, { forUpdate: true });
    const c = await loadCaseContext(tx, actor, s.caseId);
    assertSearchTeam(c);
    if (s.state === 'requested') throw conflict('搜查令尚未签发', 'The warrant has not been signed');
    if (s.state === 'searched') throw conflict('该搜查已录入笔录', 'The search has been recorded');
    const today = clock.today();
    const problem = searchDateProblem(input.searchedOn, s.approvedOn ?? today, today);
    if (problem) throw invalidField('searchedOn', problem.zh, problem.en);
    const found = input.findings.length > 60 ? `${input.findings.slice(0, 60)}…` : input.findings;
    const node = await recordNode(
      tx,
      actor,
      c.id,
      {
        kind: NodeKind.debtorSearched,
        occurredOn: input.searchedOn,
        note: `依搜查令对被执行人${s.respondentName}搜查（${input.place}）：${found}`,
        documents: [{ name: '搜查令' }, { name: '搜查笔录' }],
      },
      { sourceKey: `procedures.search:${s.id}` },
    );
    const [updated] = await tx
      .update(searches)
      .set({
        state: 'searched',
        searchedOn: input.searchedOn,
        place: input.place,
        officers: input.officers,
        witnesses: input.witnesses ?? [],
        findings: input.findings,
        signatureNote: input.signatureNote ?? null,
        recordedAt: clock.now(),
        recordedBy: actor.userId,
        recordedByName: actor.displayName,
        nodeId: node.id,
      })
      .where(eq(searches.id, s.id))
      .returning();
    if (!updated) throw new Error('the locked search vanished');
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.search.record',
      objectType: 'case',
      objectId: c.id,
      detail: { searchId: s.id, searchedOn: input.searchedOn, nodeId: node.id },
    });
    return searchView(updated, today);
  });
}
