import { eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { queueInApp } from '../../notify/index.ts';
import type { TSearch, TSearchApproval } from '../search-contracts.ts';
import { assertWarrantSigner } from '../search-policy.ts';
import { searches } from '../search-tables.ts';
import { loadSearch, searchView } from './search-views.ts';
import { auditActorOf, conflict } from './settlement-store.ts';

/**
 * 签发搜查令 (CPL art. 259: the warrant is signed by the court president): a court leader of the
 * case's court signs the warrant the judge asked for; the judge is told. Signing late is still
 * signing, shown as overdue against the 7 days (DOMAIN §2).
 */
export async function approveSearch(
  db: Db,
  actor: Actor,
  searchId: string,
  input: TSearchApproval,
): Promise<TSearch> {
  return db.transaction(async (tx) => {
    const s = await loadSearch(tx, searchId, { forUpdate: true });
    const c = await loadCaseContext(tx, actor, s.caseId);
    assertWarrantSigner(actor, c);
    if (s.state !== 'requested') throw conflict('搜查令已签发', 'The warrant has been signed');
    if (c.status === 'closed') throw conflict('案件已结案', 'The case is closed');
    const today = clock.today();
    const [updated] = await tx
      .update(searches)
      .set({
        state: 'approved',
        approvedOn: today,
        approvedAt: clock.now(),
        approvedBy: actor.userId,
        approvedByName: actor.displayName,
        approvalNote: input.note ?? null,
      })
      .where(eq(searches.id, s.id))
      .returning();
    if (!updated) throw new Error('the locked search vanished');
    await queueInApp(tx, {
      dedupeKey: `procedures.search-approved:${s.id}`,
      userIds: c.team.judgeId ? [c.team.judgeId] : [],
      title: `${c.caseNumber} 搜查令已签发`,
      body: `${actor.displayName}已签发对被执行人${s.respondentName}的搜查令。`,
      kind: 'procedures.searchWarrantSigned',
      caseId: c.id,
      courtId: c.courtId,
    });
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.search.approve',
      objectType: 'case',
      objectId: c.id,
      detail: { searchId: s.id, approvalDueOn: s.approvalDueOn, approvedOn: today },
    });
    return searchView(updated, today);
  });
}
