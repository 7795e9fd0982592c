import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { publishEvent } from '../../../platform/events.ts';
import { appendAudit } from '../../audit/index.ts';
import type { CaseContext, CaseParty } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import {
  appendHistory,
  auditActorOf,
  type ChangeInput,
  ensureCourtNo,
  historyActorOf,
  recordChanges,
} from '../credit-store.ts';
import { entryListed } from '../events.ts';
import { checkListingEligibility, isListingGround, type RefusalReason } from '../rules/grounds.ts';
import { renderListingDecision } from '../rules/letters.ts';
import { listingExpiresOn, publishFrom } from '../rules/term.ts';
import { entries, restrictions } from '../tables.ts';
import { eligibilitySubjectOf, gatherListingFacts } from './case-parties.ts';
import { cleanBoundPersons, issueRestriction, letterCaseOf } from './issue-restriction.ts';

export type EntryRow = typeof entries.$inferSelect;

export function refusalError(reasons: RefusalReason[]): AppError {
  const first = reasons[0];
  const summary = first ? bi(first.zh, first.en) : bi('不符合纳入条件', 'Listing conditions not met');
  return new AppError(
    ErrorCode.preconditionFailed,
    summary,
    reasons.map((r) => ({ path: r.path, message: bi(r.zh, r.en) })),
  );
}

/**
 * The decision as it would be signed today: eligibility re-checked on the decision date (a
 * refusal throws), the term, the publication date and the letter — written by nothing. The leader
 * reads it before signing; `applyListing` signs exactly this.
 */
export async function draftListingDecision(
  tx: DbOrTx,
  input: { entry: EntryRow; c: CaseContext; respondent: CaseParty; signer: Actor; today: string },
): Promise<{ letter: string; expiresOn: string | null; publishFrom: string; courtNo: number }> {
  const { entry, c, respondent, signer, today } = input;
  const ground = entry.ground;
  if (!isListingGround(ground)) throw new Error(`stored ground ${ground} is not 1–6`);
  const facts = await gatherListingFacts(tx, c, respondent.id, entry.exclusions);
  const check = checkListingEligibility({
    ground,
    respondent: eligibilitySubjectOf(respondent),
    decisionDate: today,
    facts,
  });
  if (!check.ok) throw refusalError(check.reasons);
  const expiresOn = listingExpiresOn(ground, today, entry.extendYears);
  const from = publishFrom(today, entry.graceMonths);
  const court = await ensureCourtNo(tx, c.courtId);
  const letter = renderListingDecision({
    c: letterCaseOf(c, court.name),
    subject: { ...respondent, kind: respondent.kind === 'natural' ? 'natural' : 'legal' },
    ground,
    facts: entry.facts,
    expiresOn,
    extendYears: entry.extendYears,
    publishFrom: from,
    decidedOn: today,
    presidentName: signer.displayName,
  });
  return { letter, expiresOn, publishFrom: from, courtNo: court.courtNo };
}

/**
 * The signed decision (失信规定 art. 5): re-checks eligibility on the decision date, fixes the term
 * and publication date, writes the decision letter, and makes sure a consumption restriction
 * exists (限消规定 art. 1: it must be ordered for anyone listed). Records the change feed last.
 */
export async function applyListing(
  tx: DbOrTx,
  input: { entry: EntryRow; c: CaseContext; respondent: CaseParty; signer: Actor; today: string },
): Promise<EntryRow> {
  const { entry, c, respondent, signer, today } = input;
  const ground = entry.ground;
  const { letter, expiresOn, publishFrom: from, courtNo } = await draftListingDecision(tx, input);
  const [listed] = await tx
    .update(entries)
    .set({
      state: 'listed',
      decidedOn: today,
      approvedBy: signer.userId,
      approvedByName: signer.displayName,
      publishFrom: from,
      expiresOn,
      decisionLetter: letter,
      updatedAt: new Date(),
    })
    .where(and(eq(entries.id, entry.id), eq(entries.state, 'pendingApproval')))
    .returning();
  if (!listed)
    throw new AppError(ErrorCode.conflict, bi('该失信决定已处理', 'This listing has already been decided'));
  const changes: ChangeInput[] = [
    {
      kind: 'listed',
      punishment: 'dishonestList',
      punishmentNo: listed.punishmentNo,
      subjectKind: listed.subjectKind,
      idNumber: listed.idNumber,
      creditCode: listed.creditCode,
      name: listed.name,
      courtNo,
      caseNumber: listed.caseNumber,
      since: from,
      until: expiresOn,
    },
  ];
  const [active] = await tx
    .select({ id: restrictions.id })
    .from(restrictions)
    .where(
      and(
        eq(restrictions.caseId, c.id),
        eq(restrictions.respondentPartyId, respondent.id),
        eq(restrictions.state, 'active'),
      ),
    );
  let restrictionId = active?.id ?? null;
  if (!active) {
    const issued = await issueRestriction(tx, {
      c,
      respondent,
      boundPersons: cleanBoundPersons(respondent, undefined, today),
      orderedBy: signer,
      signerName: signer.displayName,
      today,
      entryId: listed.id,
    });
    restrictionId = issued.id;
    changes.push(...issued.changes);
  }
  await appendHistory(tx, {
    entryId: listed.id,
    action: 'listed',
    fromState: 'pendingApproval',
    toState: 'listed',
    changes: { publishFrom: from, expiresOn, restrictionId },
    actor: historyActorOf(signer),
    occurredOn: today,
  });
  await appendAudit(tx, {
    actor: auditActorOf(signer),
    action: 'credit.entry.list',
    objectType: 'creditEntry',
    objectId: listed.id,
    detail: { caseId: c.id, ground, publishFrom: from, expiresOn, restrictionId },
  });
  await publishEvent(
    tx,
    entryListed,
    {
      entryId: listed.id,
      caseId: c.id,
      respondentPartyId: respondent.id,
      publishFrom: from,
      expiresOn,
      courtId: c.courtId,
      decidedOn: today,
      respondentName: respondent.name,
    },
    { aggregateId: listed.id },
  );
  await recordChanges(tx, changes);
  return listed;
}
