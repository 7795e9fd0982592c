import { z } from 'zod';
import { defineJob, enqueueJob, slotJobId } from '../../platform/jobs.ts';
import { policeEndpoint } from './police/protocol.ts';
import { attemptPoliceRequest, staleRequests, touchRequest } from './use-cases/police-requests.ts';

// Longer than the longest wait between two retries of a send job (2 s × 2^11, with jitter: about 2 h).
const staleAfter = '3 hours';
const batchSize = 500;

/**
 * Sends one order to public security and records its answer (use-cases/police-requests.ts).
 * Enqueued with the order, in the transaction that decided it, under the order's id as job id. An
 * order not answered yet — pending at public security, public security unavailable, or no
 * endpoint configured — makes the job throw, and pg-boss tries again with backoff; an order whose
 * retries are spent is found again by `procedures.resume-police-requests`.
 */
export const sendPoliceRequestJob = defineJob({
  name: 'procedures.send-police-request',
  payload: z.object({ requestId: z.guid() }),
  retryLimit: 11,
  retryDelaySeconds: 2,
  retryBackoff: true,
  // One call with a 10-second timeout, and two short transactions.
  expireInSeconds: 120,
  concurrency: 4,
  async handle(ctx, { requestId }) {
    const endpoint = ctx.config ? policeEndpoint(ctx.config) : undefined;
    const db = ctx.database.db;
    const result = await attemptPoliceRequest(
      db,
      requestId,
      endpoint,
      ctx.signal ? { signal: ctx.signal } : {},
    );
    if (result.kind === 'answered') {
      // A release the answer called for (a detention revoked on review): its own job, its own id.
      for (const followUp of result.followUps) {
        await enqueueJob(db, sendPoliceRequestJob, { requestId: followUp }, { id: followUp });
      }
    }
    if (result.kind === 'failed')
      ctx.logger.warn({ requestId, reason: result.reason }, 'public security refused an order');
    if (result.kind === 'retry')
      throw new Error(`order ${requestId} to public security not answered yet: ${result.reason}`);
  },
});

/**
 * Nothing decided is lost: an order to public security neither answered nor failed that no attempt
 * has touched for three hours gets a send job again, under an id derived from the order and when it
 * was last touched, so however many workers sweep, one job is added.
 */
export const resumePoliceRequestsJob = defineJob({
  name: 'procedures.resume-police-requests',
  payload: z.object({ slot: z.string() }).partial(),
  schedule: { cron: '*/10 * * * *' },
  expireInSeconds: 600,
  async handle(ctx) {
    const db = ctx.database.db;
    const stale = await staleRequests(db, staleAfter, batchSize);
    for (const r of stale) {
      await db.transaction(async (tx) => {
        await enqueueJob(
          tx,
          sendPoliceRequestJob,
          { requestId: r.id },
          { id: slotJobId(`procedures.send-police-request/${r.id}`, r.updatedAt) },
        );
        await touchRequest(tx, r.id);
      });
    }
    if (stale.length > 0)
      ctx.logger.info({ resumed: stale.length }, 'orders to public security given a send job again');
  },
});

export const sanctionJobs = [sendPoliceRequestJob, resumePoliceRequestsJob];
