import { formatYuan } from '../../kernel/index.ts';
import { defineSubscriber, on } from '../../platform/events.ts';
import { caseClosed, caseNodeRecorded, caseRestored, courtOfCase, NodeKind } from '../cases/index.ts';
import { disbursementPaid, moneyReceived } from '../funds/index.ts';
import { notifyApplicants } from './use-cases/party-notices.ts';

/**
 * The key nodes a party hears of (seed 003 item 43), by SMS and in their portal as they chose.
 * Money arriving and paid out is told by SMS from funds already; the portal adds the notice.
 */
const keyNodes: Partial<Record<string, string>> = {
  [NodeKind.officerAssigned]: '已确定承办人。',
  [NodeKind.enforcementNoticeSent]: '法院已向被执行人发出执行通知书。',
  [NodeKind.assetControlled]: '法院已对被执行人财产采取控制措施。',
  [NodeKind.dishonestListed]: '被执行人已被纳入失信被执行人名单。',
  [NodeKind.consumptionRestrictionIssued]: '法院已对被执行人发出限制消费令。',
  [NodeKind.referencePriceStarted]: '法院已启动财产处置参考价程序。',
  [NodeKind.auctionStarted]: '法院已启动网络司法拍卖。',
  [NodeKind.leadVerified]: '本案财产线索已核查，详见当事人门户。',
  [NodeKind.suspended]: '本案已中止执行。',
  [NodeKind.resumed]: '本案已恢复执行。',
};

const tellOfNode = on(caseNodeRecorded, async (tx, e) => {
  const text = keyNodes[e.kind];
  if (!text) return;
  const courtId = await courtOfCase(tx, e.caseId);
  if (!courtId) return;
  await notifyApplicants(tx, { key: `node:${e.nodeId}`, caseId: e.caseId, courtId, kind: 'node', text });
});

const tellOfMoney = on(moneyReceived, async (tx, e) => {
  await notifyApplicants(tx, {
    key: `receipt:${e.receiptId}`,
    caseId: e.caseId,
    courtId: e.courtId,
    kind: 'moneyReceived',
    text: `执行款${formatYuan(e.amountFen)}元已到账。`,
    isInAppOnly: true,
  });
});

const tellOfPayout = on(disbursementPaid, async (tx, e) => {
  await notifyApplicants(tx, {
    key: `payout:${e.disbursementId}`,
    caseId: e.caseId,
    courtId: e.courtId,
    kind: 'moneyPaid',
    text: `执行款${formatYuan(e.amountFen)}元已发放。`,
    isInAppOnly: true,
  });
});

const tellOfClosing = on(caseClosed, async (tx, e) => {
  await notifyApplicants(tx, {
    key: `closed:${e.caseId}`,
    caseId: e.caseId,
    courtId: e.courtId,
    kind: 'closed',
    text: '本案已结案，详见当事人门户。',
  });
});

const tellOfRestoration = on(caseRestored, async (tx, e) => {
  await notifyApplicants(tx, {
    key: `restored:${e.restoredCaseId}`,
    caseId: e.restoredCaseId,
    courtId: e.courtId,
    kind: 'restored',
    text: `本案已恢复执行，案号${e.caseNumber}。`,
  });
});

export const partyNotifications = defineSubscriber(
  'disclosure.party-notifications',
  tellOfNode,
  tellOfMoney,
  tellOfPayout,
  tellOfClosing,
  tellOfRestoration,
);
