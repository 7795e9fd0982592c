import { z } from 'zod';
import { defineJob } from '../../platform/jobs.ts';
import { issueRiskNotice } from './use-cases/risk-notice.ts';

/**
 * Issues, seals and serves a filed case's 执行风险提示书. A job rather than the subscriber's own work:
 * sealing needs the deployment's seal passphrase, and rendering takes longer than an event delivery
 * should hold its transaction. Idempotent (one notice per case).
 */
export const issueRiskNoticeJob = defineJob({
  name: 'documents.issue-risk-notice',
  payload: z.object({ caseId: z.uuid(), courtId: z.uuid() }),
  policy: 'short',
  retryLimit: 20,
  retryDelaySeconds: 10,
  retryBackoff: true,
  async handle(ctx, { caseId, courtId }) {
    // Kept and retried: the notice waits until the worker runs with its configuration.
    if (!ctx.config) throw new Error('no configuration: sealing needs ZHIXING_SEAL_PASSPHRASE');
    await issueRiskNotice(ctx.database.db, { caseId, courtId, passphrase: ctx.config.sealPassphrase });
  },
});

export const documentsJobs = [issueRiskNoticeJob];
