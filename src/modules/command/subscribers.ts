import { defineSubscriber, on } from '../../platform/events.ts';
import { caseClosed, caseFiled, caseNodeRecorded, caseRestored } from '../cases/index.ts';
import { entryListed } from '../credit/index.ts';
import { moneyReceived } from '../funds/index.ts';
import { caseInquiryCompleted } from '../inquiry/index.ts';
import { refreshCaseFacts } from './use-cases/case-facts.ts';
import { countActivity } from './use-cases/daily-activity.ts';

/**
 * The indicators follow the cases: every filing, node (a suspension moves the handling period),
 * closing and restoration refreshes the case's facts and moves the monthly counts, once per event.
 */
export const commandIndicators = defineSubscriber(
  'command.indicators',
  on(caseFiled, (tx, e) => refreshCaseFacts(tx, [e.caseId])),
  on(caseNodeRecorded, (tx, e) => refreshCaseFacts(tx, [e.caseId])),
  on(caseClosed, (tx, e) => refreshCaseFacts(tx, [e.caseId])),
  on(caseRestored, (tx, e) => refreshCaseFacts(tx, [e.caseId, e.restoredCaseId])),
);

/** The big screen's counters of the day, each event counted once (the outbox delivers each once per subscriber). */
export const commandActivity = defineSubscriber(
  'command.activity',
  on(caseFiled, (tx, e) => countActivity(tx, { caseId: e.caseId, day: e.filedOn, activity: 'filed' })),
  on(caseClosed, (tx, e) => countActivity(tx, { caseId: e.caseId, day: e.closedOn, activity: 'closed' })),
  on(caseInquiryCompleted, (tx, e) =>
    countActivity(tx, { caseId: e.caseId, day: e.completedOn, activity: 'inquiries' }),
  ),
  on(entryListed, (tx, e) => countActivity(tx, { caseId: e.caseId, day: e.publishFrom, activity: 'listed' })),
  on(moneyReceived, (tx, e) =>
    countActivity(tx, { caseId: e.caseId, day: e.receivedOn, activity: 'receivedFen', amount: e.amountFen }),
  ),
);
