import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import type { CaseContext } from '../../cases/index.ts';
import type { CaseBalanceRow } from '../ledger.ts';
import {
  type ClaimPriority,
  type DistributionPlan,
  type OrdinaryRule,
  type PlanState,
  planDistribution,
  type RespondentKind,
  splitShare,
} from '../rules/distribution.ts';
import { enforcementFeeFen } from '../rules/enforcement-fee.ts';
import type { CaseAccountRow } from './accounts.ts';

/** The rows of 参与分配 (migrations/0003_distribution.sql) and the plan a draft would make. */

export type ApplicationRow = {
  id: string;
  partyId: string | null;
  creditorName: string;
  idNumber: string | null;
  creditCode: string | null;
  basis: string;
  priority: ClaimPriority;
  principalFen: number;
  interestFen: number;
  seizedAt: string | null;
  appliedOn: string;
};

export async function loadApplications(tx: DbOrTx, caseId: string): Promise<ApplicationRow[]> {
  return tx.execute<ApplicationRow>(sql`select id, party_id as "partyId", creditor_name as "creditorName",
      id_number as "idNumber", credit_code as "creditCode", basis, priority,
      principal_fen::float8 as "principalFen", interest_fen::float8 as "interestFen",
      seized_at::text as "seizedAt", applied_on::text as "appliedOn"
    from funds.distribution_applications where case_id = ${caseId}::uuid and state = 'admitted'
    order by recorded_at, id`);
}

export type PlanRow = {
  id: string;
  state: PlanState;
  respondentPartyId: string;
  respondentKind: RespondentKind;
  ordinaryRule: OrdinaryRule;
  amountFen: number;
  costsFen: number;
  refundFen: number;
  lodgedFen: number;
  draftedAt: Date | string;
  servedOn: string | null;
  objectionNotifiedOn: string | null;
  opposedOn: string | null;
  oppositionNotifiedOn: string | null;
  suedOn: string | null;
  finalOn: string | null;
  executedAt: Date | string | null;
};

const planColumns = sql`id, state, respondent_party_id as "respondentPartyId", respondent_kind as "respondentKind",
  ordinary_rule as "ordinaryRule", amount_fen::float8 as "amountFen", costs_fen::float8 as "costsFen",
  refund_fen::float8 as "refundFen", lodged_fen::float8 as "lodgedFen", drafted_at as "draftedAt",
  served_on::text as "servedOn", objection_notified_on::text as "objectionNotifiedOn", opposed_on::text as "opposedOn",
  opposition_notified_on::text as "oppositionNotifiedOn", sued_on::text as "suedOn", final_on::text as "finalOn",
  executed_at as "executedAt"`;

/** The case's open plan (at most one), locked for the step that changes it. */
export async function loadOpenPlan(tx: DbOrTx, caseId: string): Promise<PlanRow | undefined> {
  const [row] = await tx.execute<PlanRow>(sql`select ${planColumns} from funds.distribution_plans
    where case_id = ${caseId}::uuid and state not in ('executed', 'superseded') for update`);
  return row;
}

/** The plan the case's page shows: the open one, else the latest executed. */
export async function loadShownPlan(tx: DbOrTx, caseId: string): Promise<PlanRow | undefined> {
  const [row] = await tx.execute<PlanRow>(sql`select ${planColumns} from funds.distribution_plans
    where case_id = ${caseId}::uuid and state <> 'superseded'
    order by (state = 'executed'), drafted_at desc limit 1`);
  return row;
}

export type ShareRow = {
  applicationId: string;
  priority: ClaimPriority;
  claimPrincipalFen: number;
  claimInterestFen: number;
  amountFen: number;
  principalFen: number;
  interestFen: number;
  lodgedFen: number;
};

export async function loadShares(tx: DbOrTx, planId: string): Promise<ShareRow[]> {
  return tx.execute<ShareRow>(sql`select application_id as "applicationId", priority,
      claim_principal_fen::float8 as "claimPrincipalFen", claim_interest_fen::float8 as "claimInterestFen",
      amount_fen::float8 as "amountFen", principal_fen::float8 as "principalFen",
      interest_fen::float8 as "interestFen", lodged_fen::float8 as "lodgedFen"
    from funds.distribution_shares where plan_id = ${planId}::uuid order by position`);
}

export type ObjectionRow = {
  id: string;
  objectorApplicationId: string | null;
  againstApplicationId: string;
  disputedFen: number;
  reason: string;
  filedOn: string;
};

export async function loadObjections(tx: DbOrTx, planId: string): Promise<ObjectionRow[]> {
  return tx.execute<ObjectionRow>(sql`select id, objector_application_id as "objectorApplicationId",
      against_application_id as "againstApplicationId", disputed_fen::float8 as "disputedFen", reason,
      filed_on::text as "filedOn"
    from funds.distribution_objections where plan_id = ${planId}::uuid order by recorded_at, id`);
}

/** What executed plans paid each application (the lodged part not counted), principal first. */
export async function loadAllocated(
  tx: DbOrTx,
  caseId: string,
): Promise<Map<string, { principalFen: number; interestFen: number }>> {
  const rows = await tx.execute<{ applicationId: string; paidFen: number; claimPrincipalFen: number }>(sql`
    select s.application_id as "applicationId", (s.amount_fen - s.lodged_fen)::float8 as "paidFen",
           s.claim_principal_fen::float8 as "claimPrincipalFen"
      from funds.distribution_shares s join funds.distribution_plans p on p.id = s.plan_id
     where p.case_id = ${caseId}::uuid and p.state = 'executed'`);
  const out = new Map<string, { principalFen: number; interestFen: number }>();
  for (const r of rows) {
    const part = splitShare(r.paidFen, r.claimPrincipalFen);
    const was = out.get(r.applicationId) ?? { principalFen: 0, interestFen: 0 };
    out.set(r.applicationId, {
      principalFen: was.principalFen + part.principalFen,
      interestFen: was.interestFen + part.interestFen,
    });
  }
  return out;
}

/** Money executed plans kept back for an objector's suit (art. 510): no new plan distributes it. */
export async function loadLodgedFen(tx: DbOrTx, caseId: string): Promise<number> {
  const [row] = await tx.execute<{ fen: number }>(sql`select coalesce(sum(lodged_fen), 0)::float8 as fen
    from funds.distribution_plans where case_id = ${caseId}::uuid and state = 'executed'`);
  return row?.fen ?? 0;
}

/** 法人 → company (art. 514); 非法人组织 → organisation, 自然人 → person (art. 506). */
export function respondentKindOf(partyKind: string): RespondentKind {
  if (partyKind === 'legal') return 'company';
  return partyKind === 'other' ? 'organisation' : 'person';
}

export type Draft = {
  respondentPartyId: string;
  respondentKind: RespondentKind;
  plan: DistributionPlan;
  /** The claims still unpaid that the plan was drafted on, by application. */
  claims: Map<string, ApplicationRow & { remainingPrincipalFen: number; remainingInterestFen: number }>;
};

/**
 * The plan a draft would make now: the case's unallocated money less what is kept back for a
 * suit, the enforcement fee still owed first (诉讼费用交纳办法 art. 14), and every application's
 * claim less what executed plans paid it. Null with nothing to distribute or no claim unpaid.
 */
export async function computeDraft(
  tx: DbOrTx,
  input: {
    c: CaseContext;
    account: CaseAccountRow;
    balance: CaseBalanceRow | undefined;
    respondentPartyId: string;
    applications: readonly ApplicationRow[];
  },
): Promise<Draft | null> {
  const respondent = input.c.respondents.find((r) => r.id === input.respondentPartyId);
  if (!respondent) return null;
  const amountFen = Math.max(0, (input.balance?.unallocatedFen ?? 0) - (await loadLodgedFen(tx, input.c.id)));
  const allocated = await loadAllocated(tx, input.c.id);
  const claims = new Map(
    input.applications.map((a) => {
      const paid = allocated.get(a.id) ?? { principalFen: 0, interestFen: 0 };
      const remainingPrincipalFen = Math.max(0, a.principalFen - paid.principalFen);
      const remainingInterestFen = Math.max(0, a.interestFen - paid.interestFen);
      return [a.id, { ...a, remainingPrincipalFen, remainingInterestFen }];
    }),
  );
  const open = [...claims.values()].filter((a) => a.remainingPrincipalFen + a.remainingInterestFen > 0);
  if (amountFen === 0 || open.length === 0) return null;
  const respondentKind = respondentKindOf(respondent.kind);
  const plan = planDistribution({
    amountFen,
    respondentKind,
    costsFen: Math.max(0, enforcementFeeFen(input.account.claimFen) - (input.balance?.feesFen ?? 0)),
    claims: open.map((a) => ({
      creditorId: a.id,
      priority: a.priority,
      principalFen: a.remainingPrincipalFen,
      interestFen: a.remainingInterestFen,
      seizedAt: a.seizedAt,
    })),
  });
  return { respondentPartyId: respondent.id, respondentKind, plan, claims };
}
