import { NodeKind } from '../modules/cases/index.ts';
import { payoutDelayApproved, payoutDelayEnded, payoutDelayReasonLabels } from '../modules/funds/index.ts';
import { defineSubscriber, on } from '../platform/events.ts';
import { recordJudgeNode } from './funds-recovered.ts';

/**
 * Funds → cases: a payout delay approved by a leader, and the end of its reason, go on the case
 * timeline (执行款物管理规定 art. 15). The approval meets the 30-day payout deadline; the end starts
 * the 10 days to pay. Recorded in the case judge's name, keyed by the delay, so a redelivered
 * event records nothing twice.
 */
export const fundsPayoutDelay = defineSubscriber(
  'flows.funds-payout-delay',
  on(payoutDelayApproved, async (tx, e) => {
    await recordJudgeNode(tx, {
      caseId: e.caseId,
      courtId: e.courtId,
      kind: NodeKind.payoutDelayApproved,
      occurredOn: e.approvedOn,
      note: `批准延期发放：${payoutDelayReasonLabels[e.reason].zh}`,
      sourceKey: `funds.payout-delay-approved:${e.delayId}`,
    });
  }),
  on(payoutDelayEnded, async (tx, e) => {
    await recordJudgeNode(tx, {
      caseId: e.caseId,
      courtId: e.courtId,
      kind: NodeKind.payoutDelayEnded,
      occurredOn: e.endedOn,
      note: `延期事由消除（${payoutDelayReasonLabels[e.reason].zh}），应于 ${e.dueOn} 前发放`,
      sourceKey: `funds.payout-delay-ended:${e.delayId}`,
    });
  }),
);
