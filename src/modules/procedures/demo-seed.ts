import { addCalendarDays, makeCreditCode, makeIdNumber } from '../../kernel/index.ts';
import type { Db } from '../../platform/db.ts';
import type { DemoSeedContext } from '../../platform/module.ts';
import { fileCase, NodeKind, recordNode } from '../cases/index.ts';
import { loadActorByUsername } from '../identity/index.ts';
import { createSettlement } from './use-cases/create-settlement.ts';
import { recordSettlementPayment } from './use-cases/record-settlement-payment.ts';
import { openReportObligations } from './use-cases/report-obligations.ts';

// The disclosure demo's applicant 刘芳 and her debtor 王建国 (disclosure/demo-seed.ts), by the same ID numbers.
const portalApplicant = {
  kind: 'natural' as const,
  name: '刘芳',
  idNumber: makeIdNumber('330106', '1988-06-12', '208'),
  phone: '13900139001',
};
// In this case the court has his phone: he signs in to the portal with its case number and reports there.
const portalRespondent = {
  kind: 'natural' as const,
  name: '王建国',
  idNumber: makeIdNumber('330106', '1978-03-15', '451'),
  phone: '13900139003',
};

function basisOf(filedOn: string, sequence: number) {
  return {
    kind: 'judgment' as const,
    documentNumber: `（${filedOn.slice(0, 4)}）浙0106民初${sequence}号`,
    issuedBy: '杭州市西湖区人民法院',
    effectiveDate: addCalendarDays(filedOn, -30),
  };
}

/**
 * The demo's settlement and property report: a case in settlement whose first instalment is paid
 * and whose second falls due in 2 days (the morning job reminds both parties), and a property
 * report order to 王建国, due in 4 days, that he can answer through the party portal.
 */
export async function seedProceduresDemo(ctx: DemoSeedContext): Promise<void> {
  const db: Db = ctx.database.db;
  const judge = await loadActorByUsername(db, 'xihu.judge');
  if (!judge) return;
  const today = ctx.today;

  const settledOn = addCalendarDays(today, -45);
  const settled = await fileCase(
    db,
    judge,
    {
      caseType: '执',
      basis: basisOf(settledOn, 3307),
      applicants: [
        {
          kind: 'legal',
          name: '杭州西溪建材贸易有限公司',
          creditCode: makeCreditCode('91', '330106', '73519826'),
          legalRepresentative: '周海燕',
          phone: '13900139004',
        },
      ],
      respondents: [
        {
          kind: 'natural',
          name: '陈志强',
          idNumber: makeIdNumber('330106', '1982-11-03', '317'),
          phone: '13900139005',
        },
      ],
      claimAmountFen: 12_000_000,
    },
    { filedOn: settledOn },
  );
  await recordNode(db, judge, settled.id, {
    kind: NodeKind.enforcementNoticeSent,
    occurredOn: addCalendarDays(settledOn, 2),
  });
  const settlement = await createSettlement(db, judge, settled.id, {
    terms: '被执行人分两期向申请执行人支付货款共计十万元，申请执行人放弃迟延履行期间的债务利息。',
    instalments: [
      { dueDate: today, amountFen: 5_000_000 },
      { dueDate: addCalendarDays(today, 2), amountFen: 5_000_000 },
    ],
  });
  await recordSettlementPayment(db, judge, settlement.id, {
    paidOn: today,
    amountFen: 5_000_000,
    note: '申请执行人确认收到第一期款项',
  });

  const orderedOn = addCalendarDays(today, -1);
  const reporting = await fileCase(
    db,
    judge,
    {
      caseType: '执',
      basis: basisOf(addCalendarDays(today, -3), 5388),
      applicants: [portalApplicant],
      respondents: [portalRespondent],
      claimAmountFen: 3_860_000,
    },
    { filedOn: addCalendarDays(today, -3) },
  );
  await recordNode(db, judge, reporting.id, { kind: NodeKind.enforcementNoticeSent, occurredOn: orderedOn });
  const order = await recordNode(db, judge, reporting.id, {
    kind: NodeKind.propertyReportOrderIssued,
    occurredOn: orderedOn,
  });
  // Opened now, not when the worker delivers the node: the demo shows it at once (the delivery adds nothing).
  await db.transaction((tx) =>
    openReportObligations(tx, {
      caseId: reporting.id,
      nodeId: order.id,
      kind: NodeKind.propertyReportOrderIssued,
      occurredOn: orderedOn,
    }),
  );
  ctx.logger.info(
    { settlementCase: settled.caseNumber, propertyReportCase: reporting.caseNumber },
    'demo settlement and property report loaded',
  );
}
