import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { formatYuan } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext, NodeKind, recordNode } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TSettlementInput } from '../contracts.ts';
import { assertSettlementTeam } from '../policy.ts';
import { checkInstalments, limitationEndsOn } from '../rules/settlement.ts';
import { instalments, settlements } from '../tables.ts';
import { auditActorOf, conflict } from './settlement-store.ts';

/**
 * 执行和解 (DOMAIN §9; 执行和解规定 art. 2): the case team records the parties' settlement and its
 * instalments; enforcement is suspended. The timeline gets "执行和解" and "中止执行" (the node that
 * moves the case to suspended), keyed by the settlement. One settlement in force per case; a
 * closed or already suspended case refuses (409). Nothing is written on any refusal.
 */
export async function createSettlement(
  db: Db,
  actor: Actor,
  caseId: string,
  input: TSettlementInput,
): Promise<{ id: string }> {
  const today = clock.today();
  const check = checkInstalments(input.instalments, today);
  if (!check.ok) throw invalidField(check.path, check.zh, check.en);
  const terms = input.terms.trim();
  if (terms === '') throw invalidField('terms', '请填写和解协议内容', 'State the terms of the settlement');
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId, { forUpdate: true });
    assertSettlementTeam(actor, c);
    if (c.status === 'closed') throw conflict('案件已结案', 'The case is closed');
    const [active] = await tx
      .select({ id: settlements.id })
      .from(settlements)
      .where(and(eq(settlements.caseId, c.id), eq(settlements.status, 'active')));
    if (active) throw conflict('本案已有履行中的执行和解协议', 'The case already has a settlement in force');
    if (c.status === 'suspended')
      throw conflict('案件已中止执行', 'Enforcement of the case is already suspended');
    const id = randomUUID();
    const now = clock.now();
    await tx.insert(settlements).values({
      id,
      caseId: c.id,
      courtId: c.courtId,
      terms,
      totalFen: check.totalFen,
      lastDueOn: check.lastDueDate,
      limitationEndsOn: limitationEndsOn(check.lastDueDate),
      createdAt: now,
      createdBy: actor.userId,
      createdByName: actor.displayName,
    });
    await tx.insert(instalments).values(
      input.instalments.map((i, position) => ({
        settlementId: id,
        position,
        dueOn: i.dueDate,
        amountFen: i.amountFen,
      })),
    );
    const summary = `共${input.instalments.length}期，合计${formatYuan(check.totalFen)}元，最后履行期限${check.lastDueDate}`;
    await recordNode(
      tx,
      actor,
      c.id,
      { kind: NodeKind.settlementReached, note: `达成执行和解协议：${summary}` },
      { sourceKey: `procedures.settlement:${id}` },
    );
    await recordNode(
      tx,
      actor,
      c.id,
      { kind: NodeKind.suspended, note: '当事人达成执行和解协议，中止执行' },
      { sourceKey: `procedures.settlement-suspended:${id}` },
    );
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.settlement.create',
      objectType: 'case',
      objectId: c.id,
      detail: { settlementId: id, instalments: input.instalments.length, totalFen: check.totalFen },
    });
    return { id };
  });
}
