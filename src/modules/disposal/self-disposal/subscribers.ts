import { defineSubscriber, on, type Subscriber } from '../../../platform/events.ts';
import { moneyReceived } from '../../funds/index.ts';
import { applySelfDisposalPayment } from './use-cases/apply-payments.ts';

/**
 * Money arriving in a case account may be the price of a self-disposal's sale
 * (use-cases/apply-payments.ts). Once per receipt, in the delivery's transaction.
 */
export const selfDisposalSubscribers: readonly Subscriber[] = [
  defineSubscriber(
    'disposal.self-disposal-payments',
    on(moneyReceived, async (tx, e) => {
      await applySelfDisposalPayment(tx, e);
    }),
  ),
];
