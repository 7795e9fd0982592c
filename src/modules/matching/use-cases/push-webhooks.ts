import { eq, sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import type { Logger } from '../../../platform/logging.ts';
import { guardedFetch } from '../../../platform/net/guarded-fetch.ts';
import { isScene, scenes } from '../rules/scenes.ts';
import { webhookCursors } from '../tables.ts';
import { signatureHeader, signWebhook, timestampHeader } from '../webhook-signature.ts';
import { toWireChanges } from '../wire.ts';
import { listChanges } from './list-changes.ts';
import { listWebhookUnits } from './list-webhook-units.ts';

function backoffSeconds(attempts: number): number {
  return Math.min(3600, 2 ** attempts);
}

type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ ok: boolean; status: number }>;

/**
 * The unit's URL is checked again as it is called (the guard sees the address connected to, so a
 * host name now resolving into the court's network is refused); the answer's body is read so the
 * connection can serve the next push.
 */
async function sendGuarded(
  url: string,
  init: Parameters<Fetch>[1],
): Promise<{ ok: boolean; status: number }> {
  const res = await guardedFetch(url, { ...init, method: 'POST' });
  await res.arrayBuffer().catch(() => undefined);
  return { ok: res.ok, status: res.status };
}

/**
 * Pushes the change feed to every subscribed unit, signed, in order, at least once: a unit's
 * cursor moves only after it answered 2xx; a failure is retried with exponential backoff (up to
 * an hour). Changes outside the unit's scene advance the cursor without a call. Returns the
 * number of calls that succeeded. Run by the `matching.push-webhooks` job; safe to run concurrently
 * (each unit's cursor row is locked while it is pushed).
 */
export async function pushWebhooks(
  db: Db,
  opts: { fetch?: Fetch; logger?: Logger; batch?: number } = {},
): Promise<number> {
  const send: Fetch = opts.fetch ?? sendGuarded;
  const subscribers = await listWebhookUnits(db);
  let delivered = 0;
  for (const unit of subscribers) {
    if (!isScene(unit.scene)) continue;
    const scene = scenes[unit.scene];
    await db.insert(webhookCursors).values({ unitId: unit.id }).onConflictDoNothing();
    for (;;) {
      const outcome = await db.transaction(async (tx) => {
        const [cursor] = await tx
          .select()
          .from(webhookCursors)
          .where(sql`${webhookCursors.unitId} = ${unit.id} and ${webhookCursors.nextAttemptAt} <= now()`)
          .for('update', { skipLocked: true });
        if (!cursor) return 'idle';
        const page = await listChanges(tx, {
          scene,
          since: cursor.deliveredSeq,
          limit: opts.batch ?? 500,
          today: clock.today(),
        });
        const next = Number(page.next);
        if (next === cursor.deliveredSeq) return 'idle';
        if (page.changes.length > 0) {
          // The payload is the page as `GET /match/changes` answers it (the published names).
          const body = JSON.stringify(toWireChanges(page));
          const timestamp = String(Math.floor(Date.now() / 1000));
          try {
            const res = await send(unit.webhookUrl, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                [signatureHeader]: signWebhook(unit.webhookSecret, timestamp, body),
                [timestampHeader]: timestamp,
              },
              body,
              signal: AbortSignal.timeout(10_000),
            });
            if (!res.ok) throw new Error(`HTTP ${res.status}`);
          } catch (err) {
            const attempts = cursor.attempts + 1;
            await tx
              .update(webhookCursors)
              .set({
                attempts,
                lastError: err instanceof Error ? err.message : String(err),
                nextAttemptAt: sql`now() + make_interval(secs => ${backoffSeconds(attempts)})`,
              })
              .where(eq(webhookCursors.unitId, unit.id));
            opts.logger?.warn({ unit: unit.id, attempts }, 'webhook push failed');
            return 'failed';
          }
          delivered++;
        }
        await tx
          .update(webhookCursors)
          .set({ deliveredSeq: next, attempts: 0, lastError: null })
          .where(eq(webhookCursors.unitId, unit.id));
        return 'advanced';
      });
      if (outcome !== 'advanced') break;
    }
  }
  return delivered;
}
