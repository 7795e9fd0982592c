import { and, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { units } from '../tables.ts';

export type WebhookUnit = { id: string; scene: string; webhookUrl: string; webhookSecret: string };

/** Units that subscribed to webhooks and are not revoked, with the secret that signs their pushes. */
export async function listWebhookUnits(db: DbOrTx): Promise<WebhookUnit[]> {
  const rows = await db
    .select()
    .from(units)
    .where(and(isNull(units.revokedAt), isNotNull(units.webhookUrl)));
  return rows.flatMap((r) =>
    r.webhookUrl && r.webhookSecret
      ? [{ id: r.id, scene: r.scene, webhookUrl: r.webhookUrl, webhookSecret: r.webhookSecret }]
      : [],
  );
}
