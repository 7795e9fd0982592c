import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { type CaseContext, loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TDistribution } from '../distribution-contracts.ts';
import { readBalances } from '../ledger.ts';
import { objectionDueOn, oppositionDueOn, suitDueOn } from '../rules/distribution.ts';
import { findCaseAccount } from './accounts.ts';
import {
  type ApplicationRow,
  computeDraft,
  loadAllocated,
  loadApplications,
  loadLodgedFen,
  loadObjections,
  loadShares,
  loadShownPlan,
  type PlanRow,
  respondentKindOf,
  type ShareRow,
} from './distribution-store.ts';

/** 参与分配 on the case's funds tab: the applications, the plan and its deadlines, what a draft would say. */
export async function getDistribution(db: Db, actor: Actor, caseId: string): Promise<TDistribution> {
  return db.transaction(async (tx) => readDistribution(tx, await loadCaseContext(tx, actor, caseId)));
}

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

export async function readDistribution(tx: DbOrTx, c: CaseContext): Promise<TDistribution> {
  const account = await findCaseAccount(tx, c.id);
  const balance = await readBalances(tx, c.id);
  const applications = await loadApplications(tx, c.id);
  const plan = await loadShownPlan(tx, c.id);
  const allocated = await loadAllocated(tx, c.id);
  const payables = await tx.execute<{ partyId: string; payableFen: number }>(sql`
    select party_id as "partyId", payable_fen::float8 as "payableFen" from funds.payables where case_id = ${c.id}::uuid`);
  const nameOf = new Map(applications.map((a) => [a.id, a.creditorName]));
  const respondentPartyId =
    plan?.respondentPartyId ?? (c.respondents.length === 1 ? c.respondents[0]?.id : undefined);
  const respondent = c.respondents.find((r) => r.id === respondentPartyId);
  const draft =
    account && respondentPartyId && (!plan || plan.state === 'executed')
      ? await computeDraft(tx, { c, account, balance, respondentPartyId, applications })
      : null;
  const shareView = (s: ShareRow) => ({
    applicationId: s.applicationId,
    creditorName: nameOf.get(s.applicationId) ?? '',
    priority: s.priority,
    claimFen: s.claimPrincipalFen + s.claimInterestFen,
    amountFen: s.amountFen,
    principalFen: s.principalFen,
    interestFen: s.interestFen,
    lodgedFen: s.lodgedFen,
  });
  return {
    caseId: c.id,
    respondentKind: plan?.respondentKind ?? (respondent ? respondentKindOf(respondent.kind) : null),
    ordinaryRule: plan?.ordinaryRule ?? draft?.plan.ordinaryRule ?? null,
    unallocatedFen: balance?.unallocatedFen ?? 0,
    lodgedFen: await loadLodgedFen(tx, c.id),
    applications: applications.map((a: ApplicationRow) => {
      const paid = allocated.get(a.id);
      const payee = a.partyId ?? a.id;
      return {
        ...a,
        allocatedFen: (paid?.principalFen ?? 0) + (paid?.interestFen ?? 0),
        payableFen: payables.find((p) => p.partyId === payee)?.payableFen ?? 0,
      };
    }),
    preview: draft
      ? {
          amountFen: draft.plan.amountFen,
          costsFen: draft.plan.costsFen,
          refundFen: draft.plan.refundFen,
          shares: draft.plan.shares.map((s) => ({
            applicationId: s.creditorId,
            creditorName: nameOf.get(s.creditorId) ?? '',
            priority: s.priority,
            claimFen: s.claimFen,
            amountFen: s.amountFen,
            principalFen: s.principalFen,
            interestFen: s.interestFen,
            lodgedFen: 0,
          })),
        }
      : null,
    plan: plan ? await planView(tx, plan, shareView) : null,
  };
}

async function planView(
  tx: DbOrTx,
  plan: PlanRow,
  shareView: (s: ShareRow) => NonNullable<TDistribution['plan']>['shares'][number],
) {
  const shares = await loadShares(tx, plan.id);
  const objections = await loadObjections(tx, plan.id);
  return {
    id: plan.id,
    state: plan.state,
    amountFen: plan.amountFen,
    costsFen: plan.costsFen,
    refundFen: plan.refundFen,
    lodgedFen: plan.lodgedFen,
    draftedAt: iso(plan.draftedAt),
    servedOn: plan.servedOn,
    objectionNotifiedOn: plan.objectionNotifiedOn,
    opposedOn: plan.opposedOn,
    oppositionNotifiedOn: plan.oppositionNotifiedOn,
    suedOn: plan.suedOn,
    finalOn: plan.finalOn,
    executedAt: plan.executedAt === null ? null : iso(plan.executedAt),
    deadlines: {
      objectionDueOn: plan.servedOn ? objectionDueOn(plan.servedOn) : null,
      oppositionDueOn: plan.objectionNotifiedOn ? oppositionDueOn(plan.objectionNotifiedOn) : null,
      suitDueOn: plan.oppositionNotifiedOn ? suitDueOn(plan.oppositionNotifiedOn) : null,
    },
    shares: shares.map(shareView),
    objections: objections.map((o) => ({ ...o })),
  };
}
