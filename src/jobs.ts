import { recordInquiryNodesJob } from './flows/inquiry-case-nodes.ts';
import { creditJobs } from './modules/credit/index.ts';
import { inquiryJobs } from './modules/inquiry/index.ts';
import type { AnyJobDefinition } from './platform/jobs.ts';

/**
 * Every module's background jobs, run by the worker (`zhixing worker`, and in-process by `npm start`).
 * A module exports its definitions from its `index.ts`; add them here, like `allSubscribers()` in app.ts.
 */
export function allJobs(): AnyJobDefinition[] {
  return [...inquiryJobs, recordInquiryNodesJob, ...creditJobs];
}
