import { defineSubscriber, on, type Subscriber } from '../../platform/events.ts';
import { moneyReceived } from '../funds/index.ts';
import { tellOfAnnouncement, tellOfClose } from './auction-notices.ts';
import { applyMoneyReceived } from './use-cases/lot-payments.ts';

/**
 * Money arriving in a case account may be a closed lot's price: the captured deposit or the
 * balance (use-cases/lot-payments.ts). Once per receipt, in the delivery's transaction.
 */
const lotPayments = on(moneyReceived, async (tx, e) => {
  await applyMoneyReceived(tx, e);
});

export const auctionSubscribers: readonly Subscriber[] = [
  defineSubscriber('disposal.auction-payments', lotPayments),
  defineSubscriber('disposal.auction-notices', tellOfAnnouncement, tellOfClose),
];
