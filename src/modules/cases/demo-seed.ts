import { type CasePlan, planDemoCases, type Stage } from '../../demo/demo-cases.ts';
import type { Db } from '../../platform/db.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { type Actor, loadActorByUsername } from '../identity/index.ts';
import { NodeKind } from './rules/deadlines.ts';
import { closeCase } from './use-cases/close-case.ts';
import { fileCase } from './use-cases/file-case.ts';
import { recordNode } from './use-cases/record-node.ts';
import { restoreCase } from './use-cases/restore-case.ts';
import { type TerminationFactProvider, terminationFacts } from './use-cases/termination-facts.ts';

/** ~500 demo cases at every stage, filed by the demo teams, deterministic for a given day. */
export async function seedCasesDemo(ctx: DemoSeedContext & { caseCount?: number }): Promise<void> {
  const { db } = ctx.database;
  const today = ctx.today;
  const providers = ctx.extensions.all(terminationFacts);
  const plans = planDemoCases(today, ctx.caseCount ?? 500);
  const actors = new Map<string, Actor>();
  for (const name of new Set(plans.map((p) => p.filer))) {
    const actor = await loadActorByUsername(db, name);
    if (actor) actors.set(name, actor);
  }
  let failed = 0;
  for (const plan of plans) {
    const actor = actors.get(plan.filer);
    if (!actor) continue;
    try {
      await seedCase(db, actor, plan, today, providers);
    } catch (err) {
      failed += 1;
      ctx.logger.warn(
        { err: err instanceof Error ? err.message : err, stage: plan.stage },
        'demo case not fully seeded',
      );
    }
  }
  ctx.logger.info({ cases: plans.length, failed }, 'demo cases loaded');
}

function plusDays(date: string, days: number, cap: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const s = d.toISOString().slice(0, 10);
  return s > cap ? cap : s;
}

const stageNodes: Record<Stage, [string, number][]> = {
  filed: [],
  noticed: [
    [NodeKind.enforcementNoticeSent, 2],
    [NodeKind.propertyReportOrderIssued, 2],
    [NodeKind.applicantAskedForLeads, 2],
  ],
  investigating: [
    [NodeKind.enforcementNoticeSent, 2],
    [NodeKind.propertyReportOrderIssued, 2],
    [NodeKind.applicantAskedForLeads, 3],
    [NodeKind.investigationStarted, 5],
    [NodeKind.onlineInquiryDone, 7],
  ],
  controlling: [
    [NodeKind.enforcementNoticeSent, 2],
    [NodeKind.propertyReportOrderIssued, 2],
    [NodeKind.applicantAskedForLeads, 3],
    [NodeKind.onlineInquiryDone, 7],
    [NodeKind.assetControlled, 15],
    [NodeKind.referencePriceStarted, 30],
  ],
  suspended: [
    [NodeKind.enforcementNoticeSent, 2],
    [NodeKind.propertyReportOrderIssued, 2],
    [NodeKind.applicantAskedForLeads, 3],
    [NodeKind.onlineInquiryDone, 7],
    [NodeKind.suspended, 25],
  ],
  fulfilled: [
    [NodeKind.enforcementNoticeSent, 2],
    [NodeKind.propertyReportOrderIssued, 2],
    [NodeKind.applicantAskedForLeads, 3],
    [NodeKind.onlineInquiryDone, 7],
    [NodeKind.assetControlled, 12],
    [NodeKind.paymentReceived, 30],
  ],
  terminatedThisRound: [
    [NodeKind.enforcementNoticeSent, 2],
    [NodeKind.propertyReportOrderIssued, 2],
    [NodeKind.applicantAskedForLeads, 3],
    [NodeKind.onlineInquiryDone, 7],
    [NodeKind.onSiteInquiryDone, 20],
    [NodeKind.leadVerified, 25],
    [NodeKind.consumptionRestrictionIssued, 30],
    [NodeKind.dishonestListed, 32],
    [NodeKind.debtorSearched, 40],
    [NodeKind.applicantInterviewed, 85],
    [NodeKind.applicantConfirmedTermination, 92],
  ],
  restored: [],
};
stageNodes.restored = stageNodes.terminatedThisRound;

async function seedCase(
  db: Db,
  actor: Actor,
  plan: CasePlan,
  today: string,
  providers: readonly TerminationFactProvider[],
): Promise<void> {
  const filed = await fileCase(
    db,
    actor,
    {
      caseType: plan.caseType,
      basis: plan.basis,
      applicants: plan.applicants,
      respondents: plan.respondents,
      claimAmountFen: plan.claimAmountFen,
      triage: plan.triage,
      flags: plan.flags,
    },
    { filedOn: plan.filedOn },
  );
  for (const [kind, offset] of stageNodes[plan.stage]) {
    await recordNode(db, actor, filed.id, {
      kind,
      occurredOn: plusDays(plan.filedOn, offset, today),
      note: '',
    });
  }
  if (plan.stage === 'fulfilled') {
    await closeCase(
      db,
      actor,
      filed.id,
      { closingType: 'fulfilled', reason: '被执行人已全部履行 / Fully performed' },
      { terminationFacts: providers },
    );
  }
  if (plan.stage === 'terminatedThisRound' || plan.stage === 'restored') {
    await closeCase(
      db,
      actor,
      filed.id,
      {
        closingType: 'terminatedThisRound',
        reason:
          '经网络查控和现场调查，未发现可供执行的财产 / No enforceable assets found after online and on-site inquiry',
      },
      { terminationFacts: providers },
    );
  }
  if (plan.stage === 'restored') {
    await restoreCase(db, actor, filed.id, {
      reason: '申请执行人提供新的财产线索 / New asset lead from the applicant',
    });
  }
}
