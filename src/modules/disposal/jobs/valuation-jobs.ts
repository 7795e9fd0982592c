import type { AnyJobDefinition } from '../../../platform/job-definition.ts';
import { valuationDeadlinesJob } from './valuation-deadlines.ts';
import { pollValuationPlatformsJob } from './valuation-poll.ts';
import { sendValuationRequestJob } from './valuation-send.ts';

export const valuationJobs: readonly AnyJobDefinition[] = [
  sendValuationRequestJob,
  pollValuationPlatformsJob,
  valuationDeadlinesJob,
];
