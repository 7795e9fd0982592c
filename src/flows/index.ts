import { defineModule } from '../platform/module.ts';
import { creditCaseNodes } from './credit-case-nodes.ts';
import { disposalCaseNodes } from './disposal-case-nodes.ts';
import { fundsPayoutDelay } from './funds-payout-delay.ts';
import { fundsRecovered } from './funds-recovered.ts';
import { inquiryCaseNodes } from './inquiry-case-nodes.ts';

/**
 * Flows: the writes that cross modules, one per file, each an outbox subscriber that reads one
 * module's event and calls another module's use case in the same delivery transaction. They own no
 * table; their definition is the last of the list.
 */
export const flowsModule = defineModule({
  name: 'flows',
  subscribers: [inquiryCaseNodes, fundsRecovered, fundsPayoutDelay, disposalCaseNodes, creditCaseNodes],
});
