import { asc, eq } from 'drizzle-orm';
import { formatYuan } from '../../../kernel/index.ts';
import type { Db, Tx } from '../../../platform/db.ts';
import { type CaseContext, loadCaseContext } from '../../cases/index.ts';
import { notifyApplicants } from '../../disclosure/index.ts';
import { systemActorFor } from '../../identity/index.ts';
import { queueInApp, queueSms } from '../../notify/index.ts';
import { type InstalmentStanding, type ReminderKind, reminderFor, standingOn } from '../rules/settlement.ts';
import { settlementReminders, settlements } from '../tables.ts';
import { asPayments, instalmentsOf, paymentsOf, type SettlementRow } from './settlement-store.ts';

type Due = { position: number; kind: ReminderKind; standing: InstalmentStanding };

function textsOf(c: CaseContext, d: Due) {
  const n = d.position + 1;
  const owed = formatYuan(d.standing.amountFen - d.standing.paidFen);
  if (d.kind === 'dueSoon') {
    return {
      applicant: `执行和解协议第${n}期款项${owed}元将于${d.standing.dueDate}到期。`,
      respondent: `【执行】${c.caseNumber}：请于${d.standing.dueDate}前按执行和解协议履行第${n}期款项${owed}元。`,
    };
  }
  return {
    applicant:
      `被执行人未按执行和解协议于${d.standing.dueDate}前履行第${n}期款项${owed}元。` +
      '您可以申请恢复执行原生效法律文书，或者就履行执行和解协议提起诉讼。',
    respondent:
      `【执行】${c.caseNumber}：您未按执行和解协议于${d.standing.dueDate}前履行第${n}期款项${owed}元，` +
      '申请执行人可以申请恢复执行原生效法律文书。',
  };
}

/**
 * One instalment's reminder, once (the reminder row is its key): the applicants by their portal
 * and SMS as they chose; each respondent by SMS if the court has a phone for them; the case
 * judge and assistant in-app when an instalment is overdue.
 */
async function remind(tx: Tx, c: CaseContext, s: SettlementRow, d: Due, today: string): Promise<boolean> {
  const [isNew] = await tx
    .insert(settlementReminders)
    .values({ settlementId: s.id, position: d.position, kind: d.kind, sentOn: today })
    .onConflictDoNothing()
    .returning({ position: settlementReminders.position });
  if (!isNew) return false;
  const key = `settlement-${d.kind}:${s.id}:${d.position}`;
  const texts = textsOf(c, d);
  await notifyApplicants(tx, {
    key,
    caseId: c.id,
    courtId: c.courtId,
    kind: d.kind === 'dueSoon' ? 'settlementDue' : 'settlementOverdue',
    text: texts.applicant,
  });
  for (const respondent of c.respondents) {
    if (!respondent.phone) continue;
    await queueSms(tx, {
      dedupeKey: `procedures.${key}:${respondent.id}`,
      to: respondent.phone,
      text: texts.respondent,
      kind: d.kind === 'dueSoon' ? 'procedures.settlementDue' : 'procedures.settlementOverdue',
      caseId: c.id,
      courtId: c.courtId,
    });
  }
  if (d.kind === 'overdue') {
    const team = [c.team.judgeId, c.team.assistantId].filter((u): u is string => u !== null);
    await queueInApp(tx, {
      dedupeKey: `procedures.${key}`,
      userIds: team,
      title: `${c.caseNumber} 执行和解第${d.position + 1}期逾期未履行`,
      body: `${texts.applicant}申请执行人申请恢复执行的，应在${s.limitationEndsOn}前提出。`,
      kind: 'procedures.settlementOverdue',
      caseId: c.id,
      courtId: c.courtId,
    });
  }
  return true;
}

/**
 * The daily reminders of settlements in force: each unpaid instalment falling due within 3 days
 * (practice), and each overdue one, once per instalment and kind. Returns how many were sent.
 */
export async function sendSettlementReminders(db: Db, today: string): Promise<number> {
  const rows = await db
    .select()
    .from(settlements)
    .where(eq(settlements.status, 'active'))
    .orderBy(asc(settlements.createdAt))
    .limit(10_000);
  const ids = rows.map((r) => r.id);
  const [plans, payments] = await Promise.all([instalmentsOf(db, ids), paymentsOf(db, ids)]);
  let sent = 0;
  for (const s of rows) {
    const standing = standingOn(plans.get(s.id) ?? [], asPayments(payments.get(s.id) ?? []), today);
    const due = standing.instalments.flatMap((one, position): Due[] => {
      const kind = reminderFor(one, today);
      return kind ? [{ position, kind, standing: one }] : [];
    });
    if (due.length === 0) continue;
    sent += await db.transaction(async (tx) => {
      const system = await systemActorFor(tx, s.courtId);
      if (!system) return 0;
      const c = await loadCaseContext(tx, system, s.caseId);
      if (c.status === 'closed') return 0;
      let n = 0;
      for (const d of due) if (await remind(tx, c, s, d, today)) n += 1;
      return n;
    });
  }
  return sent;
}
