import { eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { publishEvent } from '../../../platform/events.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import { loadCaseInScope, loadNodes, loadParties, scheduleOf } from '../case-store.ts';
import { caseClosed } from '../events.ts';
import { assertCanClose } from '../policy.ts';
import { checkClosingPreconditions, isClosingType } from '../rules/closing.ts';
import { cases } from '../tables.ts';
import { closingFactsFor, type TerminationFactProvider } from './termination-facts.ts';

/**
 * 结案 with a closing type. The type's preconditions are checked against what the case knows; any
 * unmet one refuses the closing (409) with every unmet item listed, and nothing is written.
 */
export async function closeCase(
  db: Db,
  actor: Actor,
  caseId: string,
  input: { closingType: string; reason: string },
  /** The 终本 facts other modules provide (the `terminationFacts` extension point). */
  opts: { terminationFacts?: readonly TerminationFactProvider[] } = {},
) {
  if (!isClosingType(input.closingType)) {
    throw invalidField('closingType', '不支持的结案方式', 'Unknown closing type');
  }
  const today = clock.today();
  return db.transaction(async (tx) => {
    const c = await loadCaseInScope(tx, actor, caseId, { forUpdate: true });
    assertCanClose(actor, c);
    if (c.status === 'closed')
      throw new AppError(ErrorCode.conflict, bi('案件已结案', 'The case is already closed'));
    const caseNodes = await loadNodes(tx, c.id);
    const facts = await closingFactsFor(tx, {
      c,
      nodes: caseNodes,
      today,
      providers: opts.terminationFacts ?? [],
      reason: input.reason,
    });
    const check = checkClosingPreconditions(input.closingType, facts);
    if (!check.ok) {
      const details = check.unmet.map((u) => ({ path: u.item, message: bi(u.zh, u.en) }));
      throw new AppError(
        ErrorCode.preconditionFailed,
        bi('结案条件不满足', 'Closing preconditions are not met'),
        details,
      );
    }
    await tx
      .update(cases)
      .set({
        status: 'closed',
        closingType: input.closingType,
        closingReason: input.reason,
        closedOn: today,
        closedBy: actor.userId,
        // Closing meets the handling period: its due date is fixed now (a running suspension ends here).
        ...scheduleOf({ ...c, status: 'closed', closedOn: today }, caseNodes, today),
        updatedAt: clock.now(),
      })
      .where(eq(cases.id, c.id));
    const respondents = (await loadParties(tx, c.id))
      .filter((p) => p.role === 'respondent')
      .map((p) => ({ partyId: p.id, name: p.name, idNumber: p.idNumber, creditCode: p.creditCode }));
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'case.close',
      objectType: 'case',
      objectId: c.id,
      detail: { closingType: input.closingType },
    });
    await publishEvent(
      tx,
      caseClosed,
      {
        caseId: c.id,
        caseNumber: c.caseNumber,
        courtId: c.courtId,
        closingType: input.closingType,
        closedOn: today,
        respondents,
      },
      { aggregateId: c.id },
    );
    return {
      id: c.id,
      caseNumber: c.caseNumber,
      status: 'closed' as const,
      closingType: input.closingType,
      closedOn: today,
    };
  });
}
