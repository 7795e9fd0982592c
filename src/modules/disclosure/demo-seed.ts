import { addCalendarDays, makeIdNumber } from '../../kernel/index.ts';
import type { Db } from '../../platform/db.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { closeCase, fileCase, NodeKind, recordNode, terminationFacts } from '../cases/index.ts';
import { demoPassword, hashPassword, loadActorByUsername } from '../identity/index.ts';
import { registerLawyer } from './use-cases/lawyers.ts';

/**
 * The demo's portal users (README "The party portal in the demo"): the applicant 刘芳 signs in
 * with case number + ID number + the SMS code (read in the simulator's outbox); her lawyer 孙志远
 * with his licence number and the demo password. Her debtor 王建国 — listed as dishonest by the
 * credit demo — also has an older case whose round was terminated (终本), found on the public portal.
 */
export const demoApplicant = {
  kind: 'natural' as const,
  name: '刘芳',
  idNumber: makeIdNumber('330106', '1988-06-12', '208'),
  phone: '13900139001',
};
export const demoDebtor = {
  kind: 'natural' as const,
  name: '王建国',
  idNumber: makeIdNumber('330106', '1978-03-15', '451'),
};
export const demoLawyer = {
  name: '孙志远',
  lawFirm: '浙江之江律师事务所',
  licenceNumber: '13301201810123456',
  phone: '13900139002',
};

function basisOf(filedOn: string, sequence: number) {
  return {
    kind: 'judgment' as const,
    documentNumber: `（${filedOn.slice(0, 4)}）浙0106民初${sequence}号`,
    issuedBy: '杭州市西湖区人民法院',
    effectiveDate: addCalendarDays(filedOn, -40),
  };
}

export async function seedDisclosureDemo(ctx: DemoSeedContext): Promise<void> {
  const db: Db = ctx.database.db;
  const [judge, admin] = await Promise.all([
    loadActorByUsername(db, 'xihu.judge'),
    loadActorByUsername(db, 'admin'),
  ]);
  if (!judge || !admin) return;
  const applicant = {
    ...demoApplicant,
    agents: [
      {
        kind: 'lawyer' as const,
        name: demoLawyer.name,
        lawFirm: demoLawyer.lawFirm,
        licenseNumber: demoLawyer.licenceNumber,
        phone: demoLawyer.phone,
      },
    ],
  };
  // The open case the applicant follows in the portal.
  const openOn = addCalendarDays(ctx.today, -40);
  const open = await fileCase(
    db,
    judge,
    {
      caseType: '执',
      basis: basisOf(openOn, 5120),
      applicants: [applicant],
      respondents: [demoDebtor],
      claimAmountFen: 8_650_000,
    },
    { filedOn: openOn },
  );
  for (const [kind, offset] of [
    [NodeKind.enforcementNoticeSent, 2],
    [NodeKind.propertyReportOrderIssued, 2],
    [NodeKind.applicantAskedForLeads, 3],
    [NodeKind.onlineInquiryDone, 8],
  ] as const) {
    await recordNode(db, judge, open.id, { kind, occurredOn: addCalendarDays(openOn, offset), note: '' });
  }
  // An older case against the same debtor, its round terminated for want of assets (终本).
  const oldOn = addCalendarDays(ctx.today, -220);
  const old = await fileCase(
    db,
    judge,
    {
      caseType: '执',
      basis: basisOf(oldOn, 2208),
      applicants: [applicant],
      respondents: [demoDebtor],
      claimAmountFen: 4_200_000,
    },
    { filedOn: oldOn },
  );
  for (const [kind, offset] of [
    [NodeKind.enforcementNoticeSent, 2],
    [NodeKind.propertyReportOrderIssued, 2],
    [NodeKind.applicantAskedForLeads, 3],
    [NodeKind.onlineInquiryDone, 7],
    [NodeKind.onSiteInquiryDone, 20],
    [NodeKind.leadVerified, 25],
    [NodeKind.consumptionRestrictionIssued, 30],
    [NodeKind.dishonestListed, 32],
    [NodeKind.debtorSearched, 40],
    [NodeKind.applicantInterviewed, 100],
    [NodeKind.applicantConfirmedTermination, 105],
  ] as const) {
    await recordNode(db, judge, old.id, { kind, occurredOn: addCalendarDays(oldOn, offset), note: '' });
  }
  await closeCase(
    db,
    judge,
    old.id,
    {
      closingType: 'terminatedThisRound',
      reason:
        '经网络查控和现场调查，未发现可供执行的财产 / No enforceable assets found after online and on-site inquiry',
    },
    { terminationFacts: ctx.extensions.all(terminationFacts) },
  );
  await registerLawyer(db, admin, { ...demoLawyer, password: demoPassword }, hashPassword);
  ctx.logger.info({ caseNumber: open.caseNumber }, 'demo party portal loaded');
}
