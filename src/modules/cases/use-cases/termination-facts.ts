import type { DbOrTx } from '../../../platform/db.ts';
import type { CaseRow, NodeRow } from '../case-store.ts';
import { type ClosingFacts, evaluateTerminationChecklist } from '../rules/closing.ts';

/**
 * Facts for the 终本 checklist (终本规定 art. 1). The case timeline gives the baseline; other
 * modules (inquiry, credit) register providers that add what they know, e.g. "online inquiry
 * done" from real query results. Providers are registered once at start-up by the composition root.
 */
export type TerminationFactProvider = (tx: DbOrTx, caseId: string) => Promise<Partial<ClosingFacts>>;

const providers: TerminationFactProvider[] = [];

export function registerTerminationFactProvider(provider: TerminationFactProvider): void {
  providers.push(provider);
}

export async function closingFactsFor(
  tx: DbOrTx,
  c: CaseRow,
  caseNodes: NodeRow[],
  today: string,
  reason = '',
): Promise<ClosingFacts> {
  let facts: ClosingFacts = {
    filedOn: c.filedOn,
    today,
    status: c.status,
    nodeKinds: caseNodes.map((n) => n.kind),
    recoveredFen: c.recoveredFen,
    claimAmountFen: c.claimAmountFen,
    reason,
  };
  for (const provide of providers) facts = { ...facts, ...(await provide(tx, c.id)) };
  return facts;
}

export async function terminationChecklistFor(tx: DbOrTx, c: CaseRow, caseNodes: NodeRow[], today: string) {
  return evaluateTerminationChecklist(await closingFactsFor(tx, c, caseNodes, today));
}
