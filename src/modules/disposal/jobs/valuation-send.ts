import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { clock } from '../../../platform/clock.ts';
import type { Config } from '../../../platform/config.ts';
import { defineJob, type JobContext } from '../../../platform/jobs.ts';
import { type OutsideEndpoint, valuationPlatformEndpoint } from '../../../platform/outside-world.ts';
import { findPlatformRequest } from '../use-cases/valuation-store.ts';
import { pollInquiry, sendInquiry } from '../valuation/client.ts';
import { reportPath } from '../valuation/protocol.ts';

/** Where the platforms push their reports: our public address (or the local one) + the route. */
export function reportCallbackUrl(config: Config): string {
  return `${(config.publicUrl ?? `http://127.0.0.1:${config.port}`).replace(/\/+$/, '')}${reportPath}`;
}

export function platformOf(ctx: JobContext, code: string): OutsideEndpoint {
  const platform = ctx.config && valuationPlatformEndpoint(ctx.config, code);
  // Kept and retried: the request waits until the platforms are configured (ZHIXING_VALUATION_URL or the simulator).
  if (!platform) throw new Error('no valuation platforms configured (ZHIXING_VALUATION_URL)');
  return platform;
}

/**
 * Sends one online inquiry request (docs/protocols/valuation.md §4). The request was written
 * `pending` with the valuation, before anything left; it is sent with its id as the idempotency
 * key, so a rerun after a crash or a timeout is the same request, and becomes `accepted` on the
 * platform's 202. Refused outright (4xx), it ends `failed`; unanswered or 5xx, it is sent again.
 */
export const sendValuationRequestJob = defineJob({
  name: 'disposal.send-valuation-request',
  payload: z.object({ requestId: z.uuid() }),
  policy: 'short',
  retryLimit: 50,
  retryDelaySeconds: 5,
  retryBackoff: true,
  async handle(ctx, { requestId }) {
    const db = ctx.database.db;
    const r = await findPlatformRequest(db, requestId);
    if (r?.state !== 'pending') return;
    const platform = platformOf(ctx, r.platform);
    await db.execute(sql`update disposal.platform_requests set attempts = attempts + 1, updated_at = now()
      where id = ${r.id}::uuid`);
    const noteError = (error: string) =>
      db.execute(sql`update disposal.platform_requests set last_error = ${error.slice(0, 500)}, updated_at = now()
        where id = ${r.id}::uuid and state = 'pending'`);
    let status: number;
    try {
      const body = {
        ...(isRecord(r.body) ? r.body : {}),
        callbackUrl: reportCallbackUrl(ctx.config ?? noConfig()),
      };
      status = (await sendInquiry(platform, r.id, body)).status;
    } catch (err) {
      await noteError(err instanceof Error ? err.message : String(err));
      throw err;
    }
    if (status >= 500 || status === 429) {
      await noteError(`platform answered ${status}`);
      throw new Error(`platform ${r.platform} answered ${status}; sending again`);
    }
    if (status >= 300) {
      // Refused: an earlier send of the same request may still have been accepted (this may be a
      // rerun); only the platform's word that it holds no such request ends it as failed.
      const held = await pollInquiry(platform, r.id);
      if (held.status !== 404) {
        await markAccepted(ctx, r.id);
        return;
      }
      await db.execute(sql`update disposal.platform_requests set state = 'failed',
          last_error = ${`platform refused the request (HTTP ${status})`}, updated_at = now()
        where id = ${r.id}::uuid and state = 'pending'`);
      return;
    }
    await markAccepted(ctx, r.id);
  },
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function noConfig(): never {
  throw new Error('the job runner has no configuration');
}

async function markAccepted(ctx: JobContext, requestId: string): Promise<void> {
  await ctx.database.db.execute(sql`update disposal.platform_requests set state = 'accepted',
      accepted_at = ${clock.now().toISOString()}::timestamptz, last_error = null, updated_at = now()
    where id = ${requestId}::uuid and state = 'pending'`);
}
