import { defineSubscriber, on } from '../../platform/events.ts';
import { enqueueJob } from '../../platform/jobs.ts';
import { caseFiled } from '../cases/index.ts';
import { issueRiskNoticeJob } from './jobs.ts';

/**
 * At filing, the 执行风险提示书 (seed 003 item 19): queued in the delivery's transaction, once per case
 * while it waits; the job itself finds a notice already issued and does nothing.
 */
export const riskNoticeAtFiling = defineSubscriber(
  'documents.risk-notice-at-filing',
  on(caseFiled, async (tx, e) => {
    await enqueueJob(
      tx,
      issueRiskNoticeJob,
      { caseId: e.caseId, courtId: e.courtId },
      { singletonKey: e.caseId },
    );
  }),
);
