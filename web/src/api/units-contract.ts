/** Shapes of the unit-registration API (`/api/v1/admin/units`), as the server documents them. */

/** The scenes of joint-punishment units; the server's `sceneValues` (credit/rules/scenes.ts). */
export const unitScenes = ['railway', 'airline', 'realEstate', 'finance', 'tendering', 'border'] as const;
export type UnitScene = (typeof unitScenes)[number];

/** `match`: matching and the change feed; `feed`: the change feed only. */
export const unitCapabilities = ['match', 'feed'] as const;
export type UnitCapability = (typeof unitCapabilities)[number];

export type Unit = {
  id: string;
  name: string;
  capability: string;
  scene: string;
  keyPrefix: string;
  ratePerMinute: number;
  dailyQuota: number;
  webhookUrl: string | null;
  createdAt: string;
  revokedAt: string | null;
};

export type NewUnitBody = {
  name: string;
  scene: UnitScene;
  capability?: UnitCapability;
  ratePerMinute?: number;
  dailyQuota?: number;
  webhookUrl?: string;
};

export type UnitCreated = { id: string; apiKey: string; webhookSecret?: string };
