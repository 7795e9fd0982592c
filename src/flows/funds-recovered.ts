import { formatYuan } from '../kernel/index.ts';
import { loadCaseContext, NodeKind, recordNode, recordRecovered } from '../modules/cases/index.ts';
import { disbursementPaid, moneyReceived, receivedFenOf } from '../modules/funds/index.ts';
import { loadActorByUserId, systemActorFor } from '../modules/identity/index.ts';
import type { Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { defineSubscriber, on } from '../platform/events.ts';

/**
 * Funds → cases: "已执行到位" on the case page and in the case list is the money the ledger has
 * received (the case takes the ledger's total at each delivery), and the case timeline gets
 * "执行款到账" and "执行款发放", which start and meet the 30-day payout deadline (执行款物管理规定
 * art. 15). Nodes are recorded in the name of the case judge, keyed by what caused them.
 */
export async function recordJudgeNode(
  tx: Tx,
  input: {
    caseId: string;
    courtId: string;
    kind: string;
    occurredOn: string;
    note: string;
    sourceKey: string;
  },
): Promise<void> {
  const system = await systemActorFor(tx, input.courtId);
  if (!system) return;
  const c = await loadCaseContext(tx, system, input.caseId);
  const judge = c.team.judgeId ? await loadActorByUserId(tx, c.team.judgeId) : null;
  if (!judge) return;
  try {
    await recordNode(
      tx,
      judge,
      input.caseId,
      { kind: input.kind, occurredOn: input.occurredOn, note: input.note, documents: [] },
      { sourceKey: input.sourceKey },
    );
  } catch (err) {
    // The case refuses the node (closed): the money is booked all the same.
    if (!(err instanceof AppError)) throw err;
  }
}

export const fundsRecovered = defineSubscriber(
  'flows.funds-recovered',
  on(moneyReceived, async (tx, e) => {
    await recordRecovered(tx, e.caseId, await receivedFenOf(tx, e.caseId));
    await recordJudgeNode(tx, {
      caseId: e.caseId,
      courtId: e.courtId,
      kind: NodeKind.paymentReceived,
      occurredOn: e.receivedOn,
      note: `执行款 ¥${formatYuan(e.amountFen)} 到账`,
      sourceKey: `funds.receipt:${e.receiptId}`,
    });
  }),
  on(disbursementPaid, async (tx, e) => {
    await recordRecovered(tx, e.caseId, await receivedFenOf(tx, e.caseId));
    await recordJudgeNode(tx, {
      caseId: e.caseId,
      courtId: e.courtId,
      kind: NodeKind.paymentDisbursed,
      occurredOn: e.paidOn,
      note: `执行款 ¥${formatYuan(e.amountFen)} 已发放`,
      sourceKey: `funds.disbursement:${e.disbursementId}`,
    });
  }),
);
