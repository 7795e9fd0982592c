import { z } from 'zod';
import { defineJob } from '../../../../platform/jobs.ts';
import { releaseSealOfSelfDisposal } from '../use-cases/release-seal.ts';

/**
 * A self-disposal's price is in the case account: its seal is lifted (use-cases/release-seal.ts).
 * Queued in the transaction that marked it paid, one per self-disposal; safe to run again.
 */
export const releaseSelfDisposalJob = defineJob({
  name: 'disposal.self-disposal-release',
  payload: z.object({ selfDisposalId: z.uuid() }),
  policy: 'stately',
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  async handle(ctx, payload) {
    const outcome = await releaseSealOfSelfDisposal(ctx.database.db, payload.selfDisposalId);
    if (outcome === 'waiting')
      ctx.logger.warn(
        { selfDisposalId: payload.selfDisposalId },
        'self-disposal paid; the seal cannot be lifted yet',
      );
  },
});
