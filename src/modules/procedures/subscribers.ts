import { defineSubscriber, on } from '../../platform/events.ts';
import { caseNodeRecorded } from '../cases/index.ts';
import { openReportObligations } from './use-cases/report-obligations.ts';

/** A property report order on a case's timeline opens each respondent's obligation to report. */
export const propertyReportOrders = defineSubscriber(
  'procedures.property-report-orders',
  on(caseNodeRecorded, async (tx, e) => {
    await openReportObligations(tx, e);
  }),
);
