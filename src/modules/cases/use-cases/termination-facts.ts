import type { DbOrTx } from '../../../platform/db.ts';
import { defineExtensionPoint } from '../../../platform/module.ts';
import type { CaseRow, NodeRow } from '../case-store.ts';
import { type ClosingFacts, evaluateTerminationChecklist } from '../rules/closing.ts';

/**
 * Facts for the 终本 checklist (终本规定 art. 1). The case timeline gives the baseline; the modules
 * that know better (inquiry: the online search really ran; credit: every respondent restricted and
 * listed or found without ground) provide facts through this extension point. The providers run
 * inside the closing transaction, so a restriction ordered a moment ago counts at once.
 */
export type TerminationFactProvider = (tx: DbOrTx, caseId: string) => Promise<Partial<ClosingFacts>>;

export const terminationFacts = defineExtensionPoint<TerminationFactProvider>('cases.termination-facts');

export async function closingFactsFor(
  tx: DbOrTx,
  input: {
    c: CaseRow;
    nodes: NodeRow[];
    today: string;
    providers: readonly TerminationFactProvider[];
    reason?: string;
  },
): Promise<ClosingFacts> {
  const { c } = input;
  let facts: ClosingFacts = {
    filedOn: c.filedOn,
    today: input.today,
    status: c.status,
    nodeKinds: input.nodes.map((n) => n.kind),
    recoveredFen: c.recoveredFen,
    claimAmountFen: c.claimAmountFen,
    reason: input.reason ?? '',
  };
  for (const provide of input.providers) facts = { ...facts, ...(await provide(tx, c.id)) };
  return facts;
}

export async function terminationChecklistFor(
  tx: DbOrTx,
  input: { c: CaseRow; nodes: NodeRow[]; today: string; providers: readonly TerminationFactProvider[] },
) {
  return evaluateTerminationChecklist(await closingFactsFor(tx, input));
}
