import { NodeKind, recordNode } from '../modules/cases/index.ts';
import { lotAnnounced, valuationMethodLabels, valuationStarted } from '../modules/disposal/index.ts';
import { loadActorByUserId } from '../modules/identity/index.ts';
import { AppError } from '../platform/errors.ts';
import { defineSubscriber, on } from '../platform/events.ts';
import { recordJudgeNode } from './funds-recovered.ts';

/**
 * Disposal → cases: a valuation started goes on the case timeline as "reference price started"
 * (启动询价评估), which meets the case's 30-day deadline from the seal or seizure (DOMAIN §2;
 * cases' `referencePriceStart`). Recorded in the name of the officer who started it, keyed by the
 * valuation, in the event's delivery transaction: a redelivery records nothing twice, and a case
 * that no longer accepts the node (closed, the officer left the team) is left as it is. A lot
 * announced goes on it as "auction started" (启动拍卖), in the case judge's name, keyed by the lot.
 */
export const disposalCaseNodes = defineSubscriber(
  'flows.disposal-case-nodes',
  on(valuationStarted, async (tx, e) => {
    const actor = await loadActorByUserId(tx, e.startedBy);
    if (!actor) return;
    try {
      await recordNode(
        tx,
        actor,
        e.caseId,
        {
          kind: NodeKind.referencePriceStarted,
          occurredOn: e.startedOn,
          note: valuationMethodLabels[e.method].zh,
        },
        { sourceKey: `disposal.valuation:${e.valuationId}` },
      );
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }),
  on(lotAnnounced, async (tx, e) => {
    await recordJudgeNode(tx, {
      caseId: e.caseId,
      courtId: e.courtId,
      kind: NodeKind.auctionStarted,
      occurredOn: e.announcedOn,
      note: e.round === 'first' ? '第一次拍卖公告' : '第二次拍卖公告',
      sourceKey: `disposal.lot-announced:${e.lotId}`,
    });
  }),
);
