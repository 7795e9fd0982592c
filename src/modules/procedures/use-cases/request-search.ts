import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { type Actor, Role, userIdsWithRole } from '../../identity/index.ts';
import { queueInApp } from '../../notify/index.ts';
import { searchApprovalDueOn } from '../rules/audit-search.ts';
import type { TSearch, TSearchRequest } from '../search-contracts.ts';
import { assertSearchRequester } from '../search-policy.ts';
import { searches } from '../search-tables.ts';
import { searchView } from './search-views.ts';
import { auditActorOf, conflict } from './settlement-store.ts';

/**
 * 申请搜查令 (CPL art. 259; CPL-I arts. 494–497): the respondent has not performed and hides property, so
 * the case judge asks for a warrant to search the respondent, their residence or where the property
 * is hidden. The court's leaders find it in their inbox; the warrant is signed within 7 days
 * (DOMAIN §2). One warrant in progress per respondent; a closed case refuses (409).
 */
export async function requestSearch(
  db: Db,
  actor: Actor,
  caseId: string,
  input: TSearchRequest,
): Promise<TSearch> {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId, { forUpdate: true });
    assertSearchRequester(actor, c);
    const respondent = c.respondents.find((p) => p.id === input.respondentPartyId);
    if (!respondent)
      throw invalidField('respondentPartyId', '不是本案被执行人', 'Not a respondent of this case');
    if (c.status === 'closed') throw conflict('案件已结案', 'The case is closed');
    const [open] = await tx
      .select({ id: searches.id })
      .from(searches)
      .where(
        and(
          eq(searches.caseId, c.id),
          eq(searches.respondentPartyId, respondent.id),
          inArray(searches.state, ['requested', 'approved']),
        ),
      );
    if (open)
      throw conflict('对该被执行人已有未执行的搜查令', 'A warrant against this respondent is in progress');
    const id = randomUUID();
    const today = clock.today();
    const [row] = await tx
      .insert(searches)
      .values({
        id,
        caseId: c.id,
        courtId: c.courtId,
        caseNumber: c.caseNumber,
        respondentPartyId: respondent.id,
        respondentName: respondent.name,
        places: input.places,
        reason: input.reason,
        requestedOn: today,
        requestedAt: clock.now(),
        requestedBy: actor.userId,
        requestedByName: actor.displayName,
        approvalDueOn: searchApprovalDueOn(today),
      })
      .returning();
    if (!row) throw new Error('the search was not inserted');
    await queueInApp(tx, {
      dedupeKey: `procedures.search-request:${id}`,
      userIds: await userIdsWithRole(tx, c.courtId, Role.courtLeader),
      title: `${c.caseNumber} 申请签发搜查令`,
      body: `${actor.displayName}申请对被执行人${respondent.name}搜查，请于${row.approvalDueOn}前审批。`,
      kind: 'procedures.searchWarrantRequested',
      caseId: c.id,
      courtId: c.courtId,
    });
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.search.request',
      objectType: 'case',
      objectId: c.id,
      detail: { searchId: id, respondentPartyId: respondent.id },
    });
    return searchView(row, today);
  });
}
