import { enforcementFeeFen } from './enforcement-fee.ts';

/**
 * The order of payment (DOMAIN.md §8; CPL-I arts. 506–510): enforcement costs first, then the
 * applicant's claim — principal, then delay interest (rules/delay-interest.ts) — and what is left
 * belongs to the respondent (refund). With one applicant and nothing disputed the allocation is
 * made at arrival; with several, the money waits unallocated for a distribution.
 */
export type AllocationInput = {
  amountFen: number;
  claimFen: number;
  /** The fee already taken from earlier arrivals. */
  feesTakenFen: number;
  /** Principal already paid or payable to the applicant. */
  principalAllocatedFen: number;
  /** Delay interest accrued to date (rules/delay-interest.ts). */
  interestAccruedFen: number;
  /** Delay interest already allocated. */
  interestAllocatedFen: number;
};

export type Allocation = { feeFen: number; principalFen: number; interestFen: number; refundFen: number };

export function allocateArrival(input: AllocationInput): Allocation {
  let left = input.amountFen;
  const feeFen = Math.min(left, Math.max(0, enforcementFeeFen(input.claimFen) - input.feesTakenFen));
  left -= feeFen;
  const principalFen = Math.min(left, Math.max(0, input.claimFen - input.principalAllocatedFen));
  left -= principalFen;
  const interestFen = Math.min(left, Math.max(0, input.interestAccruedFen - input.interestAllocatedFen));
  left -= interestFen;
  return { feeFen, principalFen, interestFen, refundFen: left };
}
