/**
 * Demo credit data, made through the real use cases: a few listings (one in its grace period,
 * one awaiting the court leader's signature), restrictions binding a company's legal
 * representative, an exit restriction, and a minor whose listing the judge will see refused.
 */

import { addCalendarDays, makeCreditCode, makeIdNumber } from '../../kernel/index.ts';
import type { Db } from '../../platform/db.ts';
import type { Logger } from '../../platform/logging.ts';
import { fileCase, loadCaseContext, recordNode } from '../cases/index.ts';
import { type Actor, loadActorByUsername, setUserAreas } from '../identity/index.ts';
import { approveEntry } from './use-cases/decide-entry.ts';
import { restrictExit } from './use-cases/exit-restriction.ts';
import { listRespondent } from './use-cases/list-respondent.ts';
import { orderRestriction } from './use-cases/order-restriction.ts';

type DemoRespondent = {
  kind: 'natural' | 'legal';
  name: string;
  idNumber?: string;
  creditCode?: string;
  legalRepresentative?: string;
};

const applicant = {
  kind: 'legal' as const,
  name: '杭州银信小额贷款有限公司',
  creditCode: makeCreditCode('91', '330106', 'MA27XK3Q'),
  legalRepresentative: '沈国华',
};

async function fileDemoCase(
  db: Db,
  judge: Actor,
  respondent: DemoRespondent,
  filedOn: string,
  claimYuan: number,
  court: string,
) {
  const filed = await fileCase(
    db,
    judge,
    {
      caseType: '执',
      basis: {
        kind: 'judgment',
        documentNumber: `（${filedOn.slice(0, 4)}）${court}民初${3000 + (claimYuan % 997)}号`,
        issuedBy: '杭州市西湖区人民法院',
        effectiveDate: addCalendarDays(filedOn, -40),
      },
      applicants: [applicant],
      respondents: [respondent],
      claimAmountFen: claimYuan * 100,
    },
    { filedOn },
  );
  await recordNode(db, judge, filed.id, {
    kind: 'enforcementNoticeSent',
    occurredOn: addCalendarDays(filedOn, 2),
    note: '',
  });
  const c = await loadCaseContext(db, judge, filed.id);
  return { id: filed.id, respondentId: c.respondents[0]?.id ?? '' };
}

export async function seedCreditDemo(db: Db, opts: { logger: Logger; today: string }): Promise<void> {
  try {
    await seedPunishments(db, opts);
    opts.logger.info('demo credit punishments loaded');
  } catch (err) {
    opts.logger.warn(
      { err: err instanceof Error ? err.message : err },
      'demo credit punishments not fully loaded',
    );
  }
}

async function seedPunishments(db: Db, opts: { logger: Logger; today: string }): Promise<void> {
  await attachGridWorker(db);
  const [judge, president, haishuJudge] = await Promise.all([
    loadActorByUsername(db, 'xihu.judge'),
    loadActorByUsername(db, 'xihu.president'),
    loadActorByUsername(db, 'haishu.judge'),
  ]);
  if (!judge || !president || !haishuJudge) return;
  const filedOn = addCalendarDays(opts.today, -100);
  const listed = await fileDemoCase(
    db,
    judge,
    { kind: 'natural', name: '王建国', idNumber: makeIdNumber('330106', '1978-03-15', '451') },
    filedOn,
    386_000,
    '浙0106',
  );
  const inGrace = await fileDemoCase(
    db,
    judge,
    { kind: 'natural', name: '李秀英', idNumber: makeIdNumber('330102', '1985-11-02', '262') },
    filedOn,
    125_500,
    '浙0106',
  );
  const company = await fileDemoCase(
    db,
    judge,
    {
      kind: 'legal',
      name: '杭州恒远贸易有限公司',
      creditCode: makeCreditCode('91', '330106', 'MA2B7D9K'),
      legalRepresentative: '赵志强',
    },
    filedOn,
    2_460_000,
    '浙0106',
  );
  const restrictedOnly = await fileDemoCase(
    db,
    judge,
    { kind: 'natural', name: '陈晓明', idNumber: makeIdNumber('330106', '1990-07-21', '173') },
    filedOn,
    58_800,
    '浙0106',
  );
  const pending = await fileDemoCase(
    db,
    judge,
    { kind: 'natural', name: '周磊', idNumber: makeIdNumber('330105', '1983-01-09', '339') },
    filedOn,
    212_000,
    '浙0106',
  );
  await fileDemoCase(
    db,
    judge,
    { kind: 'natural', name: '张子涵', idNumber: makeIdNumber('330106', '2012-05-20', '144') },
    filedOn,
    30_000,
    '浙0106',
  );
  const ningbo = await fileDemoCase(
    db,
    haishuJudge,
    {
      kind: 'legal',
      name: '宁波海通物流有限公司',
      creditCode: makeCreditCode('91', '330203', 'MA2C4E8P'),
      legalRepresentative: '孙海涛',
    },
    filedOn,
    880_000,
    '浙0203',
  );

  const sign = async (
    caseId: string,
    respondentId: string,
    input: Omit<Parameters<typeof listRespondent>[3], 'respondentId'>,
  ) => {
    const proposed = await listRespondent(db, judge, caseId, { ...input, respondentId });
    await approveEntry(db, president, proposed.id);
  };
  await sign(listed.id, listed.respondentId, {
    ground: 2,
    facts: '被执行人在执行中伪造房屋租赁合同，对抗法院查封。',
  });
  await sign(inGrace.id, inGrace.respondentId, {
    ground: 1,
    facts: '被执行人有稳定工资收入，经多次约谈仍拒不履行。',
    graceMonths: 2,
  });
  await orderRestriction(db, judge, company.id, {
    respondentId: company.respondentId,
    boundPersons: [
      { role: 'legalRepresentative', name: '赵志强', idNumber: makeIdNumber('330106', '1972-09-30', '517') },
    ],
  });
  await sign(company.id, company.respondentId, {
    ground: 3,
    facts: '被执行人在诉讼期间将主要设备以明显不合理低价转让给关联公司。',
    extendYears: 1,
  });
  await orderRestriction(db, judge, restrictedOnly.id, { respondentId: restrictedOnly.respondentId });
  await restrictExit(db, judge, restrictedOnly.id, { respondentId: restrictedOnly.respondentId });
  await listRespondent(db, judge, pending.id, {
    respondentId: pending.respondentId,
    ground: 4,
    facts: '被执行人收到报告财产令后逾期未报告财产。',
    initiatedBy: 'application',
    applicationReceivedOn: addCalendarDays(opts.today, -3),
  });
  const haishuLeader = await loadActorByUsername(db, 'haishu.judge');
  if (haishuLeader)
    await orderRestriction(db, haishuLeader, ningbo.id, { respondentId: ningbo.respondentId });
}

/** The demo grid worker watches 西湖区 (330106), where most demo debtors are registered. */
async function attachGridWorker(db: Db): Promise<void> {
  const [admin, grid] = await Promise.all([
    loadActorByUsername(db, 'admin'),
    loadActorByUsername(db, 'xihu.grid'),
  ]);
  if (!admin || !grid) return;
  await db.transaction((tx) => setUserAreas(tx, admin, grid.userId, ['330106']));
}
