import { and, eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { appendHistory, auditActorOf, historyActorOf } from '../credit-store.ts';
import { assertCanSign } from '../policy.ts';
import { checkGraceMonths } from '../rules/term.ts';
import { entries } from '../tables.ts';
import { applyListing, draftListingDecision } from './apply-listing.ts';
import { findRespondent } from './case-parties.ts';
import { loadEntryInScope } from './load-entry.ts';

/** 失信规定 art. 5: a court leader of the deciding court signs the decision; the entry is listed. */
export async function approveEntry(
  db: Db,
  actor: Actor,
  entryId: string,
  input: { graceMonths?: number } = {},
  opts: { today?: string } = {},
) {
  const today = opts.today ?? clock.today();
  const grace = checkGraceMonths(input.graceMonths);
  if (!grace.ok) throw invalidField(grace.path, grace.zh, grace.en);
  return db.transaction(async (tx) => {
    const entry = await loadEntryInScope(tx, actor, entryId, { forUpdate: true });
    assertCanSign(actor, entry.courtId);
    if (entry.state !== 'pendingApproval') {
      throw new AppError(ErrorCode.conflict, bi('该失信决定已处理', 'This listing has already been decided'));
    }
    const c = await loadCaseContext(tx, actor, entry.caseId, { forUpdate: true });
    const respondent = findRespondent(c, entry.respondentPartyId);
    const toList = input.graceMonths === undefined ? entry : { ...entry, graceMonths: input.graceMonths };
    if (input.graceMonths !== undefined) {
      await tx.update(entries).set({ graceMonths: input.graceMonths }).where(eq(entries.id, entry.id));
    }
    const listed = await applyListing(tx, { entry: toList, c, respondent, signer: actor, today });
    return {
      id: listed.id,
      state: 'listed' as const,
      publishFrom: listed.publishFrom,
      expiresOn: listed.expiresOn,
    };
  });
}

/**
 * What signing would issue today (失信规定 art. 5): the decision letter, its term and the day it is
 * published — shown to the court leader before they sign. Writes nothing; refuses as signing would
 * (403 for anyone but a leader of the deciding court, 409 once decided, 409 when no longer eligible).
 */
export async function previewEntryDecision(
  db: Db,
  actor: Actor,
  entryId: string,
  opts: { today?: string } = {},
) {
  const today = opts.today ?? clock.today();
  return db.transaction(async (tx) => {
    const entry = await loadEntryInScope(tx, actor, entryId);
    assertCanSign(actor, entry.courtId);
    if (entry.state !== 'pendingApproval') {
      throw new AppError(ErrorCode.conflict, bi('该失信决定已处理', 'This listing has already been decided'));
    }
    const c = await loadCaseContext(tx, actor, entry.caseId);
    const respondent = findRespondent(c, entry.respondentPartyId);
    const draft = await draftListingDecision(tx, { entry, c, respondent, signer: actor, today });
    return {
      decisionLetter: draft.letter,
      decidedOn: today,
      publishFrom: draft.publishFrom,
      expiresOn: draft.expiresOn,
    };
  });
}

/** The court leader declines to sign: the proposal ends as `refused`, with the reason kept. */
export async function refuseEntry(
  db: Db,
  actor: Actor,
  entryId: string,
  input: { reason: string },
  opts: { today?: string } = {},
) {
  const today = opts.today ?? clock.today();
  return db.transaction(async (tx) => {
    const entry = await loadEntryInScope(tx, actor, entryId, { forUpdate: true });
    assertCanSign(actor, entry.courtId);
    const [refused] = await tx
      .update(entries)
      .set({ state: 'refused', refusalReason: input.reason, decidedOn: null, updatedAt: new Date() })
      .where(and(eq(entries.id, entry.id), eq(entries.state, 'pendingApproval')))
      .returning();
    if (!refused)
      throw new AppError(ErrorCode.conflict, bi('该失信决定已处理', 'This listing has already been decided'));
    await appendHistory(tx, {
      entryId: entry.id,
      action: 'refused',
      fromState: 'pendingApproval',
      toState: 'refused',
      reason: input.reason,
      actor: historyActorOf(actor),
      occurredOn: today,
    });
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'credit.entry.refuse',
      objectType: 'creditEntry',
      objectId: entry.id,
      detail: { reason: input.reason },
    });
    return { id: entry.id, state: 'refused' as const };
  });
}
