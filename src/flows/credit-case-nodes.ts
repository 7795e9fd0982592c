import { NodeKind } from '../modules/cases/index.ts';
import { entryListed } from '../modules/credit/index.ts';
import { defineSubscriber, on } from '../platform/events.ts';
import { recordJudgeNode } from './funds-recovered.ts';

/**
 * Credit → cases: a respondent listed as dishonest goes on the case timeline (纳入失信名单) on the
 * day the decision was signed, in the case judge's name, keyed by the entry — recorded once however
 * often the event is delivered; a closed case is left as it is.
 */
export const creditCaseNodes = defineSubscriber(
  'flows.credit-case-nodes',
  on(entryListed, async (tx, e) => {
    if (!e.courtId || !e.decidedOn) return;
    const term = e.expiresOn ? `，期限至${e.expiresOn}` : '';
    await recordJudgeNode(tx, {
      caseId: e.caseId,
      courtId: e.courtId,
      kind: NodeKind.dishonestListed,
      occurredOn: e.decidedOn,
      note: `${e.respondentName ?? '被执行人'}纳入失信被执行人名单，自${e.publishFrom}起公布${term}`,
      sourceKey: `credit.entry-listed:${e.entryId}`,
    });
  }),
);
