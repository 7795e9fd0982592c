import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { appendAudit } from '../../audit/index.ts';
import { type Actor, Role } from '../actor.ts';
import { apiClients, apiClientUsage } from '../api-client-tables.ts';
import { requireRole } from '../policy.ts';

/**
 * API keys of outside units (ARCHITECTURE.md: identity owns "API keys for outside units"). A key
 * is `zxu_` + 32 random bytes; only its SHA-256 is stored and it is shown once. Each key carries
 * one capability (`match`: matching and the change feed; `feed`: the change feed only), the
 * unit's scene, a rate limit per minute and a daily quota of subjects; revoking it is final.
 */
export const apiKeyPrefix = 'zxu_';
export const apiCapabilities = ['match', 'feed'] as const;
export type ApiCapability = (typeof apiCapabilities)[number];

export type ApiClient = {
  id: string;
  name: string;
  capability: ApiCapability;
  scene: string;
  keyPrefix: string;
  ratePerMinute: number;
  dailyQuota: number;
  webhookUrl: string | null;
  createdAt: string;
  revokedAt: string | null;
};

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function isCapability(s: string): s is ApiCapability {
  return apiCapabilities.some((c) => c === s);
}

function toClient(row: typeof apiClients.$inferSelect): ApiClient {
  return {
    id: row.id,
    name: row.name,
    capability: isCapability(row.capability) ? row.capability : 'feed',
    scene: row.scene,
    keyPrefix: row.keyPrefix,
    ratePerMinute: row.ratePerMinute,
    dailyQuota: row.dailyQuota,
    webhookUrl: row.webhookUrl,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export type NewApiClient = {
  name: string;
  capability: ApiCapability;
  scene: string;
  ratePerMinute?: number;
  dailyQuota?: number;
  webhookUrl?: string | null;
};

/** A system administrator registers a unit; the key (and webhook secret) are returned once. */
export async function createApiClient(tx: DbOrTx, actor: Actor, input: NewApiClient) {
  requireRole(actor, Role.admin);
  const id = randomUUID();
  const apiKey = `${apiKeyPrefix}${randomBytes(32).toString('base64url')}`;
  const webhookSecret = input.webhookUrl ? randomBytes(32).toString('base64url') : null;
  await tx.insert(apiClients).values({
    id,
    name: input.name.trim(),
    capability: input.capability,
    scene: input.scene,
    keyHash: hashApiKey(apiKey),
    keyPrefix: apiKey.slice(0, apiKeyPrefix.length + 6),
    ratePerMinute: input.ratePerMinute ?? 6000,
    dailyQuota: input.dailyQuota ?? 100_000_000,
    webhookUrl: input.webhookUrl ?? null,
    webhookSecret,
    createdBy: actor.userId,
  });
  await appendAudit(tx, {
    actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
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

export async function listApiClients(db: DbOrTx, actor: Actor): Promise<ApiClient[]> {
  requireRole(actor, Role.admin);
  const rows = await db.select().from(apiClients).orderBy(desc(apiClients.createdAt));
  return rows.map(toClient);
}

export async function revokeApiClient(tx: DbOrTx, actor: Actor, id: string): Promise<ApiClient> {
  requireRole(actor, Role.admin);
  if (!isUuid(id)) throw notFound('接入单位', 'API client');
  const [row] = await tx
    .update(apiClients)
    .set({ revokedAt: new Date(), revokedBy: actor.userId })
    .where(and(eq(apiClients.id, id), isNull(apiClients.revokedAt)))
    .returning();
  if (!row) {
    const [exists] = await tx.select({ id: apiClients.id }).from(apiClients).where(eq(apiClients.id, id));
    if (!exists) throw notFound('接入单位', 'API client');
    throw new AppError(ErrorCode.conflict, bi('该密钥已吊销', 'The key is already revoked'));
  }
  await appendAudit(tx, {
    actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
    action: 'identity.api-client.revoke',
    objectType: 'apiClient',
    objectId: id,
  });
  return toClient(row);
}

/** The unit holding `key`, or null for an unknown key. A revoked key is returned with `revokedAt`. */
export async function findApiClientByKey(db: DbOrTx, key: string): Promise<ApiClient | null> {
  if (!key.startsWith(apiKeyPrefix) || key.length > 100) return null;
  const [row] = await db
    .select()
    .from(apiClients)
    .where(eq(apiClients.keyHash, hashApiKey(key)));
  return row ? toClient(row) : null;
}

/** Adds calls, subjects and hits to a unit's count for a China day. */
export async function addApiUsage(
  tx: DbOrTx,
  rows: { clientId: string; day: string; calls: number; subjects: number; hits: number }[],
): Promise<void> {
  for (const r of rows) {
    await tx
      .insert(apiClientUsage)
      .values(r)
      .onConflictDoUpdate({
        target: [apiClientUsage.clientId, apiClientUsage.day],
        set: {
          calls: sql`${apiClientUsage.calls} + ${r.calls}`,
          subjects: sql`${apiClientUsage.subjects} + ${r.subjects}`,
          hits: sql`${apiClientUsage.hits} + ${r.hits}`,
        },
      });
  }
}

export async function apiUsageOn(
  db: DbOrTx,
  clientId: string,
  day: string,
): Promise<{ calls: number; subjects: number; hits: number }> {
  const [row] = await db
    .select()
    .from(apiClientUsage)
    .where(and(eq(apiClientUsage.clientId, clientId), eq(apiClientUsage.day, day)));
  return { calls: row?.calls ?? 0, subjects: row?.subjects ?? 0, hits: row?.hits ?? 0 };
}

/** Units that subscribed to webhooks and are not revoked, with the secret that signs their pushes. */
export async function listWebhookSubscribers(
  db: DbOrTx,
): Promise<{ id: string; scene: string; webhookUrl: string; webhookSecret: string }[]> {
  const rows = await db
    .select()
    .from(apiClients)
    .where(and(isNull(apiClients.revokedAt), isNotNull(apiClients.webhookUrl)));
  return rows.flatMap((r) =>
    r.webhookUrl && r.webhookSecret
      ? [{ id: r.id, scene: r.scene, webhookUrl: r.webhookUrl, webhookSecret: r.webhookSecret }]
      : [],
  );
}
