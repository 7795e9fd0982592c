/**
 * Punishments (信用惩戒措施): what restricts a subject — a listing on the dishonest list, each
 * person bound by a consumption restriction, an exit restriction. Every one carries a number from
 * one sequence (`credit.punishment_no`), which is also its public reference and the key of the
 * matching index. ("Measure" is the inquiry module's word for its control measures.)
 */
import { boundRoleValues } from './consumption.ts';

export const punishmentKinds = ['dishonestList', 'consumptionRestriction', 'exitRestriction'] as const;
export type PunishmentKind = (typeof punishmentKinds)[number];

/** Each kind as a small number, in the binary snapshot and the matching index (0: none). */
export const PunishmentCode = {
  dishonestList: 1,
  consumptionRestriction: 2,
  exitRestriction: 3,
} as const satisfies Record<PunishmentKind, number>;

/** Whom a punishment binds; in the binary snapshot a role is its position here. */
export const punishmentRoles = ['debtor', ...boundRoleValues] as const;
export type PunishmentRole = (typeof punishmentRoles)[number];

export function isPunishmentKind(s: string): s is PunishmentKind {
  return punishmentKinds.some((k) => k === s);
}

/** The public reference of a punishment, quotable to the person concerned: `ZX` and ten digits. */
export function referenceOf(punishmentNo: number): string {
  return `ZX${String(punishmentNo).padStart(10, '0')}`;
}
