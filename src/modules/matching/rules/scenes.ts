/**
 * The scenes of joint-punishment units (联合惩戒单位) and the punishments each one enforces: what a
 * unit sells or approves decides which restrictions it must see in a match.
 */

import type { Bilingual } from '../../../kernel/index.ts';
import type { RestrictedBehaviour } from '../../credit/index.ts';
import { type SceneCode, sceneValues } from './scene-codes.ts';

export type SceneRule = Bilingual & {
  /** 限消规定 art. 3 behaviours this unit stops. */
  readonly behaviours: readonly RestrictedBehaviour[];
  /** Whether being on the dishonest list by itself restricts the subject here. */
  readonly isDishonestListRelevant: boolean;
  /** Whether an exit restriction is relevant (the exit authority). */
  readonly isExitRestrictionRelevant: boolean;
};

export const scenes = {
  // 限消规定 art. 3(9): G trains, first class on other bullet trains; the dishonest list itself (2016 joint memorandum)
  railway: {
    zh: '铁路客运',
    en: 'Railway',
    behaviours: [9],
    isDishonestListRelevant: true,
    isExitRestrictionRelevant: false,
  },
  // 限消规定 art. 3(1): air travel
  airline: {
    zh: '民航',
    en: 'Airline',
    behaviours: [1],
    isDishonestListRelevant: true,
    isExitRestrictionRelevant: false,
  },
  // 限消规定 art. 3(3): buying real estate, building or luxuriously renovating housing
  realEstate: {
    zh: '不动产登记',
    en: 'Real-estate registry',
    behaviours: [3],
    isDishonestListRelevant: false,
    isExitRestrictionRelevant: false,
  },
  // 限消规定 art. 3(8): high-premium insurance and wealth-management products
  finance: {
    zh: '金融机构',
    en: 'Finance',
    behaviours: [8],
    isDishonestListRelevant: false,
    isExitRestrictionRelevant: false,
  },
  // 失信规定 art. 8 and the 2016 joint memorandum: dishonest debtors may not bid in public tenders
  tendering: {
    zh: '招标投标',
    en: 'Tendering',
    behaviours: [],
    isDishonestListRelevant: true,
    isExitRestrictionRelevant: false,
  },
  // CPL art. 266: exit restriction, notified to the exit authority
  border: {
    zh: '出入境边检',
    en: 'Exit control',
    behaviours: [],
    isDishonestListRelevant: false,
    isExitRestrictionRelevant: true,
  },
} as const satisfies Record<SceneCode, SceneRule>;
export type Scene = keyof typeof scenes;
export { sceneValues };

export function isScene(s: string): s is Scene {
  return Object.hasOwn(scenes, s);
}

/**
 * Whether a punishment concerns what a unit of the scene sells or approves: the dishonest list and
 * exit restrictions by the scene's flags, a consumption restriction only through the behaviours it
 * shares with the scene.
 */
export function isRelevantToScene(
  p: { punishment: string; behaviours: readonly number[] | null },
  scene: SceneRule,
): boolean {
  if (p.punishment === 'dishonestList') return scene.isDishonestListRelevant;
  if (p.punishment === 'exitRestriction') return scene.isExitRestrictionRelevant;
  if (p.punishment === 'consumptionRestriction')
    return (p.behaviours ?? []).some((b) => scene.behaviours.some((x) => x === b));
  return false;
}
