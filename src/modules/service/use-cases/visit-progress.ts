import { desc, eq } from 'drizzle-orm';
import { chinaDateOf } from '../../../kernel/index.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext, partyCaseProgress } from '../../cases/index.ts';
import { partyMoneyOf } from '../../funds/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TVisitProgress } from '../contracts.ts';
import { progressScript, spokenNodes } from '../rules/progress-script.ts';
import { receipts } from '../tables.ts';
import { auditActor, loadVisit } from './visit-store.ts';

/**
 * 答复进度查询: the visit's case as its parties may see it — the party portal's own reading
 * (`partyCaseProgress`: nodes without the team's notes, deadlines, the officers by name) and the money
 * received and paid out — with the sentences to read to the visitor. The read is audited: it tells a
 * visitor about a case.
 */
export async function visitProgress(db: Db, actor: Actor, visitId: string): Promise<TVisitProgress> {
  const visit = await loadVisit(db, actor, visitId);
  if (visit.caseId === null) {
    throw new AppError(
      ErrorCode.conflict,
      bi('本次来访未登记案号', 'The visit names no case: register the visit with its case number'),
    );
  }
  const c = await loadCaseContext(db, actor, visit.caseId);
  const [[p], money, received] = await Promise.all([
    partyCaseProgress(db, [c.id]),
    partyMoneyOf(db, c.id),
    db
      .select({
        receiptNumber: receipts.receiptNumber,
        receivedAt: receipts.receivedAt,
        items: receipts.items,
      })
      .from(receipts)
      .where(eq(receipts.caseId, c.id))
      .orderBy(desc(receipts.receivedAt))
      .limit(50),
  ]);
  if (!p) throw new Error(`case ${c.id} has no progress`);
  const latestNodes = spokenNodes([...p.nodes].reverse());
  const [lastReceipt] = received;
  const [nextDeadline] = p.deadlines
    .filter((d) => d.state !== 'met')
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const seat = [...c.applicants, ...c.respondents].find(
    (party) => visit.visitorIdNumber !== null && party.idNumber === visit.visitorIdNumber,
  );
  await appendAudit(db, {
    actor: auditActor(actor),
    action: 'service.visit.progress',
    objectType: 'case',
    objectId: c.id,
    purpose: '执行事务中心答复来访人进度查询 / Answering a visitor at the service window',
    detail: { visitId: visit.id },
  });
  return {
    visitId: visit.id,
    caseId: c.id,
    caseNumber: p.caseNumber,
    court: p.court,
    status: p.status,
    statusLabel: p.statusLabel,
    filedOn: p.filedOn,
    claimFen: p.claimFen,
    recoveredFen: p.recoveredFen,
    paidFen: money.paidFen,
    latestNodes,
    receipts: received.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() })),
    nextDeadline: nextDeadline
      ? {
          kind: nextDeadline.kind,
          label: nextDeadline.label,
          dueOn: nextDeadline.dueOn,
          state: nextDeadline.state,
        }
      : null,
    team: { judge: p.team.judge, assistant: p.team.assistant },
    visitorSeat: seat ? (seat.role === 'respondent' ? 'respondent' : 'applicant') : null,
    script: progressScript({
      caseNumber: p.caseNumber,
      court: p.court,
      filedOn: p.filedOn,
      statusLabel: p.statusLabel,
      claimFen: p.claimFen,
      recoveredFen: p.recoveredFen,
      paidFen: money.paidFen,
      latestNodes,
      nextDeadline: nextDeadline ?? null,
      judge: p.team.judge,
      materials: lastReceipt
        ? {
            count: received.length,
            lastReceivedOn: chinaDateOf(lastReceipt.receivedAt),
            lastReceiptNumber: lastReceipt.receiptNumber,
          }
        : null,
    }),
  };
}
