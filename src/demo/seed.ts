import { sql } from 'drizzle-orm';
import {
  chinaToday,
  closeCase,
  fileCase,
  NodeKind,
  recordNode,
  restoreCase,
} from '../modules/cases/index.ts';
import { seedCreditDemo } from '../modules/credit/index.ts';
import {
  type Actor,
  demoPassword,
  hashPassword,
  insertCourt,
  insertTeam,
  insertUser,
  loadActorByUsername,
} from '../modules/identity/index.ts';
import type { Database, Db } from '../platform/db.ts';
import type { Logger } from '../platform/logging.ts';
import { type CasePlan, planDemoCases, type Stage } from './demo-cases.ts';
import { demoAccounts, demoCourts, demoTeams } from './demo-org.ts';

export { demoAccounts };

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from identity.courts`);
  return (rows[0]?.n ?? 0) === 0;
}

/** The demo courts, accounts (password `zhixing-demo`) and teams, without cases. */
export async function seedDemoOrganisation(db: Db, passwordHash?: string): Promise<void> {
  const courtIds = new Map<string, string>();
  const hash = passwordHash ?? (await hashPassword(demoPassword));
  await db.transaction(async (tx) => {
    for (const c of demoCourts) {
      const parentId = c.parent ? (courtIds.get(c.parent) ?? null) : null;
      const court = await insertCourt(tx, {
        name: c.name,
        courtCode: c.courtCode,
        level: c.level,
        divisionCode: c.divisionCode,
        parentId,
      });
      courtIds.set(c.key, court.id);
    }
    const userIds = new Map<string, string>();
    for (const a of demoAccounts) {
      const courtId = courtIds.get(a.court) ?? '';
      const user = await insertUser(
        tx,
        { username: a.username, displayName: a.displayName, password: demoPassword, courtId, roles: a.roles },
        { isDemo: true, passwordHash: hash },
      );
      userIds.set(a.username, user.id);
    }
    for (const t of demoTeams) {
      await insertTeam(tx, {
        name: t.name,
        courtId: courtIds.get(t.court) ?? '',
        judgeId: userIds.get(t.judge) ?? '',
        assistantId: t.assistant ? userIds.get(t.assistant) : null,
        bailiffId: t.bailiff ? userIds.get(t.bailiff) : null,
        clerkId: t.clerk ? userIds.get(t.clerk) : null,
      });
    }
  });
}

/** Loads the demo courts, accounts, teams and ~500 cases. Deterministic for a given `today`. */
export async function seedDemo(
  database: Database,
  opts: { logger: Logger; today?: string; caseCount?: number },
): Promise<void> {
  const { db } = database;
  const started = Date.now();
  await seedDemoOrganisation(db);
  const today = opts.today ?? chinaToday();
  const plans = planDemoCases(today, opts.caseCount ?? 500);
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
      await seedCase(db, actor, plan, today);
    } catch (err) {
      failed += 1;
      opts.logger.warn(
        { err: err instanceof Error ? err.message : err, stage: plan.stage },
        'demo case not fully seeded',
      );
    }
  }
  await seedCreditDemo(db, { logger: opts.logger, today });
  opts.logger.info({ cases: plans.length, failed, ms: Date.now() - started }, 'demo data loaded');
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

async function seedCase(db: Db, actor: Actor, plan: CasePlan, today: string): Promise<void> {
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
    await closeCase(db, actor, filed.id, {
      closingType: 'fulfilled',
      reason: '被执行人已全部履行 / Fully performed',
    });
  }
  if (plan.stage === 'terminatedThisRound' || plan.stage === 'restored') {
    await closeCase(db, actor, filed.id, {
      closingType: 'terminatedThisRound',
      reason:
        '经网络查控和现场调查，未发现可供执行的财产 / No enforceable assets found after online and on-site inquiry',
    });
  }
  if (plan.stage === 'restored') {
    await restoreCase(db, actor, filed.id, {
      reason: '申请执行人提供新的财产线索 / New asset lead from the applicant',
    });
  }
}
