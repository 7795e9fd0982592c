/**
 * Escrow (提存), 执行款物管理规定 (2017) as DOMAIN.md §8 states it: money payable to an applicant is
 * lodged when the applicant refuses it without reason, cannot be found, has died or lost capacity
 * with no heir or guardian, or cannot be reached.
 */
export const EscrowGround = {
  refused: 'refused',
  notFound: 'notFound',
  deceasedWithoutHeir: 'deceasedWithoutHeir',
  incapacitatedWithoutGuardian: 'incapacitatedWithoutGuardian',
  unreachable: 'unreachable',
} as const;
export type EscrowGround = (typeof EscrowGround)[keyof typeof EscrowGround];
export const escrowGroundValues = Object.values(EscrowGround) as [EscrowGround, ...EscrowGround[]];

export const escrowGroundLabels: Readonly<Record<EscrowGround, { zh: string; en: string }>> = {
  refused: { zh: '申请执行人无正当理由拒绝领取', en: 'The applicant refuses it without reason' },
  notFound: { zh: '申请执行人下落不明', en: 'The applicant cannot be found' },
  deceasedWithoutHeir: { zh: '申请执行人死亡未确定继承人', en: 'The applicant died and no heir is known' },
  incapacitatedWithoutGuardian: {
    zh: '申请执行人丧失民事行为能力未确定监护人',
    en: 'The applicant lost capacity and has no guardian',
  },
  unreachable: { zh: '无法联系申请执行人', en: 'The applicant cannot be reached' },
};
