/**
 * The scenes of joint-punishment units (联合惩戒单位) as codes: what a unit registers under. Apart
 * from scenes.ts (what each scene enforces), so that the unit API's contract reads them without
 * the punishments behind them.
 */
export const sceneValues = ['railway', 'airline', 'realEstate', 'finance', 'tendering', 'border'] as const;
export type SceneCode = (typeof sceneValues)[number];
