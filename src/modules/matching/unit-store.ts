/**
 * Joint-punishment units (联合惩戒单位) as the rest of the module sees them, and their keys. A key
 * is `zxu_` + 32 random bytes; only its SHA-256 is stored and it is shown once. Each key carries
 * one capability (`match`: matching and the change feed; `feed`: the change feed only), the unit's
 * scene, a rate limit per minute and a daily quota of subjects; revoking it is final.
 */
import { createHash } from 'node:crypto';
import type { units } from './tables.ts';

export const unitKeyPrefix = 'zxu_';
export const unitCapabilities = ['match', 'feed'] as const;
export type UnitCapability = (typeof unitCapabilities)[number];

export type Unit = {
  id: string;
  name: string;
  capability: UnitCapability;
  scene: string;
  keyPrefix: string;
  ratePerMinute: number;
  dailyQuota: number;
  webhookUrl: string | null;
  createdAt: string;
  revokedAt: string | null;
};

export function hashUnitKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function isCapability(s: string): s is UnitCapability {
  return unitCapabilities.some((c) => c === s);
}

export function toUnit(row: typeof units.$inferSelect): Unit {
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
