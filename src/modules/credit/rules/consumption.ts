/** Consumption restriction (限消规定, 2015 revision) and exit restriction. */
import type { Bilingual } from '../../../kernel/index.ts';

// 限消规定 art. 3: the nine restricted behaviours, numbered (1)–(9)
export const restrictedBehaviours = {
  1: {
    zh: '乘坐交通工具时，选择飞机、列车软卧、轮船二等以上舱位',
    en: 'Air travel, soft-sleeper berths, second class or above on ships',
  },
  2: {
    zh: '在星级以上宾馆、酒店、夜总会、高尔夫球场等场所进行高消费',
    en: 'High spending at star-rated hotels, nightclubs, golf courses',
  },
  3: {
    zh: '购买不动产或者新建、扩建、高档装修房屋',
    en: 'Buying real estate, or building, extending or luxuriously renovating housing',
  },
  4: {
    zh: '租赁高档写字楼、宾馆、公寓等场所办公',
    en: 'Renting high-end offices, hotels or apartments for work',
  },
  5: { zh: '购买非经营必需车辆', en: 'Buying vehicles not needed for business' },
  6: { zh: '旅游、度假', en: 'Tourism and holidays' },
  7: { zh: '子女就读高收费私立学校', en: 'Children at high-fee private schools' },
  8: { zh: '支付高额保费购买保险理财产品', en: 'High-premium insurance or wealth-management products' },
  9: {
    zh: '乘坐G字头动车组列车全部座位、其他动车组列车一等以上座位等其他非生活和工作必需的消费行为',
    en: 'Any seat on G trains, first class or above on other bullet trains, other consumption not needed for living or work',
  },
} as const satisfies Record<number, Bilingual>;
export type RestrictedBehaviour = keyof typeof restrictedBehaviours;
export const allRestrictedBehaviours: readonly RestrictedBehaviour[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];

export function isRestrictedBehaviour(n: unknown): n is RestrictedBehaviour {
  return typeof n === 'number' && allRestrictedBehaviours.some((b) => b === n);
}

// 限消规定 art. 3: for an organisation the restriction also binds these persons
export const boundRoles = {
  legalRepresentative: { zh: '法定代表人', en: 'Legal representative' },
  principal: { zh: '主要负责人', en: 'Principal' },
  responsiblePerson: { zh: '影响债务履行的直接责任人员', en: 'Directly responsible person' },
  actualController: { zh: '实际控制人', en: 'Actual controller' },
} as const satisfies Record<string, Bilingual>;
export type BoundRole = keyof typeof boundRoles;
export const boundRoleValues = [
  'legalRepresentative',
  'principal',
  'responsiblePerson',
  'actualController',
] as const;

/** The subject of a restriction: the debtor itself, or a person bound because the debtor is an organisation. */
export type RestrictionRole = 'debtor' | BoundRole;

// 限消规定 art. 9: lifted on full performance (in the scope notified), and may be on adequate security or the applicant's consent
export const liftGrounds = {
  performed: { zh: '被执行人已履行全部义务', en: 'The debtor performed in full', isRepair: true },
  security: { zh: '被执行人提供确实有效的担保', en: 'The debtor gave adequate security', isRepair: true },
  applicantConsent: { zh: '申请执行人同意解除', en: 'The applicant consented', isRepair: false },
  entryDeleted: {
    zh: '失信信息已删除且不再需要限制',
    en: 'The dishonest entry was deleted',
    isRepair: false,
  },
  caseEnded: { zh: '执行程序已终结', en: 'Enforcement ended', isRepair: false },
} as const satisfies Record<string, Bilingual & { isRepair: boolean }>;
export type LiftGround = keyof typeof liftGrounds;
export const liftGroundValues = ['performed', 'security', 'applicantConsent'] as const;

/**
 * 限消规定 art. 3: only an organisation's restriction binds further persons; each one named with an
 * ID number is restricted under its own name.
 */
export function boundPersonsOf(
  respondentKind: 'natural' | 'legal' | 'other',
  persons: readonly { role: BoundRole; name: string; idNumber: string }[],
): { role: BoundRole; name: string; idNumber: string }[] {
  return respondentKind === 'natural' ? [] : persons.filter((p) => p.name.trim() !== '');
}

/** Whether a private-spending permission covers `behaviour` on `today` (inclusive dates). */
export function isSpendingAllowed(
  permission: { behaviours: readonly number[]; validFrom: string; validUntil: string } | null,
  behaviour: RestrictedBehaviour,
  today: string,
): boolean {
  if (permission === null) return false;
  return (
    permission.behaviours.includes(behaviour) &&
    permission.validFrom <= today &&
    today <= permission.validUntil
  );
}
