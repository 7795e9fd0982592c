import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type CaseContext, loadCaseContext, NodeKind, recordNode } from '../../cases/index.ts';
import { type Actor, courtNamesByIds, loadActorByUserId } from '../../identity/index.ts';
import type { TReceipt, TReceiveMaterials } from '../contracts.ts';
import { formatReceiptNumber } from '../rules/receipt-number.ts';
import { receipts } from '../tables.ts';
import { auditActor, loadVisit, type VisitRow } from './visit-store.ts';

function conflict(zh: string, en: string): AppError {
  return new AppError(ErrorCode.conflict, bi(zh, en));
}

/** The visit's case, for work that files something into it: an open visit, about a case, still open. */
export async function openCaseOfVisit(tx: DbOrTx, actor: Actor, visit: VisitRow): Promise<CaseContext> {
  if (visit.state === 'closed') throw conflict('本次来访已结束', 'The visit is closed');
  if (visit.caseId === null)
    throw conflict('本次来访未登记案号', 'The visit names no case: register the visit with its case number');
  return loadCaseContext(tx, actor, visit.caseId);
}

/** The next receipt number of the court and year (the counter row is held until commit). */
async function nextReceiptSequence(tx: DbOrTx, courtId: string, year: number): Promise<number> {
  const rows = await tx.execute<{ seq: number }>(sql`
    insert into service.receipt_counters (court_id, year, last_sequence) values (${courtId}::uuid, ${year}, 1)
    on conflict (court_id, year) do update set last_sequence = service.receipt_counters.last_sequence + 1
    returning last_sequence as seq`);
  return Number(rows[0]?.seq);
}

/**
 * The cases module takes nodes from the case team only: an officer of the counter who is not on it
 * files the step in the case judge's name, with who received the materials in its note (as the flows
 * record what other modules did).
 */
async function authorOf(tx: DbOrTx, actor: Actor, c: CaseContext): Promise<{ author: Actor; by: string }> {
  if (c.isTeamMember) return { author: actor, by: '' };
  const judge = c.team.judgeId ? await loadActorByUserId(tx, c.team.judgeId) : null;
  if (!judge) {
    throw conflict(
      '案件尚无承办法官，材料无法归入案件',
      'The case has no judge yet: the materials cannot be filed into it',
    );
  }
  return { author: judge, by: `（${actor.displayName}经办）` };
}

/**
 * 收取材料: what a visitor hands in at the counter is filed into the visit's case — a receipt with its
 * own number for the visitor, and a step on the case's timeline listing every item and its pages, so
 * the team sees it arrived. One transaction: no receipt without its step, nor the reverse.
 */
export async function receiveMaterials(
  db: Db,
  actor: Actor,
  visitId: string,
  input: TReceiveMaterials,
): Promise<TReceipt> {
  return db.transaction(async (tx) => {
    const visit = await loadVisit(tx, actor, visitId, { forUpdate: true });
    const c = await openCaseOfVisit(tx, actor, visit);
    if (c.status === 'closed') throw conflict('案件已结案', 'The case is closed');
    const { author, by } = await authorOf(tx, actor, c);
    const now = clock.now();
    const year = Number(clock.today().slice(0, 4));
    const sequence = await nextReceiptSequence(tx, visit.courtId, year);
    const receiptNumber = formatReceiptNumber({ year, courtCode: visit.courtCode, sequence });
    const id = randomUUID();
    const items = input.items.map((i) => ({ title: i.title, pages: i.pages }));
    const listed = items.map((i) => `${i.title}（${i.pages}页）`);
    const note = `执行事务中心收取${visit.visitorName}提交的材料，回执${receiptNumber}：${listed.join('、')}${
      input.note ? `。${input.note}` : ''
    }${by}`;
    const node = await recordNode(
      tx,
      author,
      c.id,
      { kind: NodeKind.other, note: note.slice(0, 2000), documents: listed.map((name) => ({ name })) },
      { sourceKey: `service.receipt:${id}` },
    );
    await tx.insert(receipts).values({
      id,
      visitId: visit.id,
      courtId: visit.courtId,
      caseId: c.id,
      year,
      sequence,
      receiptNumber,
      items,
      note: input.note ?? '',
      receivedAt: now,
      receivedBy: actor.userId,
      receivedByName: actor.displayName,
      nodeId: node.id,
    });
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'service.materials.receive',
      objectType: 'case',
      objectId: c.id,
      detail: { visitId: visit.id, receiptNumber, items: items.length, nodeId: node.id },
    });
    const courtName = (await courtNamesByIds(tx, [visit.courtId])).get(visit.courtId) ?? '';
    return {
      id,
      receiptNumber,
      items,
      note: input.note ?? '',
      receivedAt: now.toISOString(),
      caseId: c.id,
      caseNumber: c.caseNumber,
      courtName,
      visitorName: visit.visitorName,
      receivedByName: actor.displayName,
      nodeId: node.id,
    };
  });
}
