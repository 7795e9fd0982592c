import { randomBytes, randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../../platform/db.ts';
import { assertCallableUrl } from '../../../platform/net/outbound-guard.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import { assertCanManageUnits } from '../policy.ts';
import type { Scene } from '../rules/scenes.ts';
import { units } from '../tables.ts';
import { hashUnitKey, type UnitCapability, unitKeyPrefix } from '../unit-store.ts';

export type NewUnit = {
  name: string;
  capability: UnitCapability;
  scene: Scene;
  ratePerMinute?: number;
  dailyQuota?: number;
  webhookUrl?: string | null;
};

/** A system administrator registers a unit; the key (and the webhook secret) are returned this once. */
export async function registerUnit(tx: DbOrTx, actor: Actor, input: NewUnit) {
  assertCanManageUnits(actor);
  // The server will call this URL: it must lead to the outside world, not into the court's network.
  if (input.webhookUrl) await assertCallableUrl(input.webhookUrl, 'webhookUrl');
  const id = randomUUID();
  const apiKey = `${unitKeyPrefix}${randomBytes(32).toString('base64url')}`;
  const webhookSecret = input.webhookUrl ? randomBytes(32).toString('base64url') : null;
  await tx.insert(units).values({
    id,
    name: input.name.trim(),
    capability: input.capability,
    scene: input.scene,
    keyHash: hashUnitKey(apiKey),
    keyPrefix: apiKey.slice(0, unitKeyPrefix.length + 6),
    ratePerMinute: input.ratePerMinute ?? 6000,
    dailyQuota: input.dailyQuota ?? 100_000_000,
    webhookUrl: input.webhookUrl ?? null,
    webhookSecret,
    createdBy: actor.userId,
  });
  await appendAudit(tx, {
    actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
    // The action and object type the audit chain has recorded units under since they were identity's.
    action: 'identity.api-client.create',
    objectType: 'apiClient',
    objectId: id,
    detail: {
      name: input.name,
      capability: input.capability,
      scene: input.scene,
      hasWebhook: webhookSecret !== null,
    },
  });
  return { id, apiKey, webhookSecret };
}
