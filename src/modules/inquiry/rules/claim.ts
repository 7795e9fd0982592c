/**
 * How much may still be frozen in a case: the claim less what was recovered and what this case
 * already holds (frozen, being frozen, or deducted from a freeze). A freeze beyond it is refused:
 * control only "the part of the property needed to perform the obligation" (CPL art. 255;
 * 查封扣押冻结规定 art. 19 forbids clearly excessive control).
 */
export type HeldMeasure = {
  kind: string;
  state: string;
  requestedFen: number | null;
  amountFen: number | null;
  deductedFen: number;
};

/** Money a freeze holds for the case: asked (not yet answered), frozen now, or already deducted. */
export function heldFenOf(measure: HeldMeasure): number {
  if (measure.kind !== 'freeze') return 0;
  switch (measure.state) {
    case 'requested':
      return (measure.requestedFen ?? 0) + measure.deductedFen;
    case 'inForce':
      return (measure.amountFen ?? 0) + measure.deductedFen;
    case 'exhausted':
    case 'released':
      return measure.deductedFen;
    default:
      return 0;
  }
}

export function outstandingClaimFen(input: {
  claimAmountFen: number;
  recoveredFen: number;
  measures: HeldMeasure[];
}): number {
  const held = input.measures.reduce((sum, m) => sum + heldFenOf(m), 0);
  return Math.max(0, input.claimAmountFen - input.recoveredFen - held);
}

export type AmountCheck =
  | { ok: true }
  | { ok: false; problem: 'notPositive' | 'exceedsClaim'; outstandingFen: number };

export function checkFreezeAmount(amountFen: number, outstandingFen: number): AmountCheck {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    return { ok: false, problem: 'notPositive', outstandingFen };
  if (amountFen > outstandingFen) return { ok: false, problem: 'exceedsClaim', outstandingFen };
  return { ok: true };
}

/** A deduction takes at most what the freeze still holds. */
export function checkDeductAmount(amountFen: number, frozenFen: number): AmountCheck {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    return { ok: false, problem: 'notPositive', outstandingFen: frozenFen };
  if (amountFen > frozenFen) return { ok: false, problem: 'exceedsClaim', outstandingFen: frozenFen };
  return { ok: true };
}
