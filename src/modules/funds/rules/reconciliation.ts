/**
 * Reconciliation of a court account for one day: the bank's statement lines against the ledger's
 * receipts and payouts of that day, matched by the bank's serial (money in) and the instruction id
 * (money out). Every line that does not match is a difference; nothing is matched by amount alone.
 */
export type StatementLine = {
  serial: string;
  direction: 'in' | 'out';
  amountFen: number;
  instructionId?: string | undefined;
};

export type LedgerLine = { key: string; direction: 'in' | 'out'; amountFen: number };

export type Difference =
  | { kind: 'missing'; direction: 'in' | 'out'; key: string; bankFen: number }
  | { kind: 'extra'; direction: 'in' | 'out'; key: string; ledgerFen: number }
  | { kind: 'amountDiffers'; direction: 'in' | 'out'; key: string; bankFen: number; ledgerFen: number };

/** `missing`: on the statement, not in the ledger; `extra`: in the ledger, not on the statement. */
export function reconcile(statement: readonly StatementLine[], ledger: readonly LedgerLine[]): Difference[] {
  const keyOf = (l: StatementLine) => (l.direction === 'out' ? (l.instructionId ?? l.serial) : l.serial);
  const bank = new Map(statement.map((l) => [`${l.direction}:${keyOf(l)}`, l]));
  const ours = new Map(ledger.map((l) => [`${l.direction}:${l.key}`, l]));
  const differences: Difference[] = [];
  for (const [k, b] of bank) {
    const l = ours.get(k);
    if (!l)
      differences.push({ kind: 'missing', direction: b.direction, key: keyOf(b), bankFen: b.amountFen });
    else if (l.amountFen !== b.amountFen)
      differences.push({
        kind: 'amountDiffers',
        direction: b.direction,
        key: keyOf(b),
        bankFen: b.amountFen,
        ledgerFen: l.amountFen,
      });
  }
  for (const [k, l] of ours) {
    if (!bank.has(k))
      differences.push({ kind: 'extra', direction: l.direction, key: l.key, ledgerFen: l.amountFen });
  }
  return differences.sort((a, b) => a.key.localeCompare(b.key));
}
