import { asc, desc, eq, inArray } from 'drizzle-orm';
import { maskIdNumber } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { ZHistoryChangesSchema } from '../contracts.ts';
import { auditActorOf } from '../credit-store.ts';
import { isSignerFor } from '../policy.ts';
import { deletionGrounds, isDeletionGround } from '../rules/deletion.ts';
import { isListingGround, listingGrounds } from '../rules/grounds.ts';
import { referenceOf } from '../rules/punishment.ts';
import {
  correctionRequests,
  entries,
  entryHistory,
  exitRestrictions,
  noGroundFindings,
  restrictionSubjects,
  restrictions,
  spendingPermissions,
} from '../tables.ts';

/**
 * The credit panel of a case: for each respondent its listings (with history and letters),
 * consumption restrictions (with the persons bound and private-spending permissions), exit
 * restrictions, correction requests and the deadlines running. ID numbers are whole for the case
 * team and masked for everyone else; the team's read is audited.
 */
export async function getCaseCredit(db: Db, actor: Actor, caseId: string, purpose: string) {
  const today = clock.today();
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    const showId = (id: string | null) => (id && !c.isTeamMember ? maskIdNumber(id) : id);
    const [caseEntries, caseRestrictions, exits, findings] = await Promise.all([
      tx.select().from(entries).where(eq(entries.caseId, c.id)).orderBy(desc(entries.createdAt)),
      tx
        .select()
        .from(restrictions)
        .where(eq(restrictions.caseId, c.id))
        .orderBy(desc(restrictions.createdAt)),
      tx
        .select()
        .from(exitRestrictions)
        .where(eq(exitRestrictions.caseId, c.id))
        .orderBy(desc(exitRestrictions.createdAt)),
      tx.select().from(noGroundFindings).where(eq(noGroundFindings.caseId, c.id)),
    ]);
    const entryIds = caseEntries.map((e) => e.id);
    const restrictionIds = caseRestrictions.map((r) => r.id);
    const [history, corrections, subjects] = await Promise.all([
      entryIds.length
        ? tx
            .select()
            .from(entryHistory)
            .where(inArray(entryHistory.entryId, entryIds))
            .orderBy(asc(entryHistory.id))
        : [],
      entryIds.length
        ? tx
            .select()
            .from(correctionRequests)
            .where(inArray(correctionRequests.entryId, entryIds))
            .orderBy(asc(correctionRequests.createdAt))
        : [],
      restrictionIds.length
        ? tx
            .select()
            .from(restrictionSubjects)
            .where(inArray(restrictionSubjects.restrictionId, restrictionIds))
        : [],
    ]);
    const subjectIds = subjects.map((s) => s.id);
    const permissions = subjectIds.length
      ? await tx
          .select()
          .from(spendingPermissions)
          .where(inArray(spendingPermissions.restrictionSubjectId, subjectIds))
      : [];
    if (c.isTeamMember && (caseEntries.length > 0 || caseRestrictions.length > 0 || exits.length > 0)) {
      await appendAudit(tx, {
        actor: auditActorOf(actor),
        action: 'credit.case.personal-data.read',
        objectType: 'case',
        objectId: c.id,
        purpose,
      });
    }
    const entryView = (e: (typeof caseEntries)[number]) => ({
      id: e.id,
      reference: referenceOf(e.punishmentNo),
      state: e.state,
      ground: e.ground,
      groundLabel: isListingGround(e.ground) ? listingGrounds[e.ground] : { zh: '', en: '' },
      facts: e.facts,
      initiatedBy: e.initiatedBy,
      applicationReceivedOn: e.applicationReceivedOn,
      decisionDueOn: e.decisionDueOn,
      isDecisionOverdue: e.state === 'pendingApproval' && e.decisionDueOn !== null && e.decisionDueOn < today,
      extendYears: e.extendYears,
      graceMonths: e.graceMonths,
      requestedOn: e.requestedOn,
      requestedBy: e.requestedByName,
      decidedOn: e.decidedOn,
      approvedBy: e.approvedByName,
      publishFrom: e.publishFrom,
      expiresOn: e.expiresOn,
      isPublished: e.state === 'listed' && e.publishFrom !== null && e.publishFrom <= today,
      decisionLetter: e.decisionLetter,
      refusalReason: e.refusalReason,
      deletedOn: e.deletedOn,
      deletionGround: e.deletionGround,
      deletionLabel:
        e.deletionGround && isDeletionGround(e.deletionGround) ? deletionGrounds[e.deletionGround] : null,
      deletionReason: e.deletionReason,
      deletionDueOn: e.deletionDueOn,
      deletionLetter: e.deletionLetter,
      isCreditRepair: e.isCreditRepair,
      revokedOn: e.revokedOn,
      revocationReason: e.revocationReason,
      history: history
        .filter((h) => h.entryId === e.id)
        .map((h) => ({
          action: h.action,
          fromState: h.fromState,
          toState: h.toState,
          reason: h.reason,
          actor: h.actorName,
          occurredOn: h.occurredOn,
          // Read through the schema that documents what each action stores.
          changes: ZHistoryChangesSchema.parse(h.changes),
        })),
      corrections: corrections
        .filter((r) => r.entryId === e.id)
        .map((r) => ({
          id: r.id,
          ground: r.ground,
          statement: r.statement,
          state: r.state,
          receivedOn: r.receivedOn,
          reviewDueOn: r.reviewDueOn,
          decidedOn: r.decidedOn,
          decisionReason: r.decisionReason,
          correctionDueOn: r.correctionDueOn,
          correctedOn: r.correctedOn,
          higherReviewRequestDueOn: r.higherReviewRequestDueOn,
          higherReviewRequestedOn: r.higherReviewRequestedOn,
          higherReviewDueOn: r.higherReviewDueOn,
          higherDecidedOn: r.higherDecidedOn,
        })),
    });
    const restrictionView = (r: (typeof caseRestrictions)[number]) => ({
      id: r.id,
      state: r.state,
      behaviours: r.behaviours,
      orderedOn: r.orderedOn,
      orderedBy: r.orderedByName,
      orderText: r.orderText,
      liftedOn: r.liftedOn,
      liftGround: r.liftGround,
      liftReason: r.liftReason,
      isCreditRepair: r.isCreditRepair,
      subjects: subjects
        .filter((s) => s.restrictionId === r.id)
        .map((s) => ({
          id: s.id,
          reference: referenceOf(s.punishmentNo),
          role: s.role,
          name: s.name,
          idNumber: showId(s.idNumber),
          creditCode: s.creditCode,
          state: s.state,
          restrictedFrom: s.restrictedFrom,
          releasedOn: s.releasedOn,
          releaseReason: s.releaseReason,
          permissions: permissions
            .filter((p) => p.restrictionSubjectId === s.id)
            .map((p) => ({
              id: p.id,
              behaviours: p.behaviours,
              validFrom: p.validFrom,
              validUntil: p.validUntil,
              reason: p.reason,
            })),
        })),
    });
    return {
      caseId: c.id,
      caseNumber: c.caseNumber,
      canSign: isSignerFor(actor, c.courtId),
      isTeamMember: c.isTeamMember,
      respondents: c.respondents.map((p) => ({
        id: p.id,
        kind: p.kind,
        name: p.name,
        idNumber: showId(p.idNumber),
        creditCode: p.creditCode,
        legalRepresentative: p.legalRepresentative,
        entries: caseEntries.filter((e) => e.respondentPartyId === p.id).map(entryView),
        restrictions: caseRestrictions.filter((r) => r.respondentPartyId === p.id).map(restrictionView),
        exitRestrictions: exits
          .filter((x) => x.respondentPartyId === p.id)
          .map((x) => ({
            id: x.id,
            state: x.state,
            name: x.name,
            idNumber: showId(x.idNumber),
            authority: x.authority,
            orderedOn: x.orderedOn,
            noticeText: x.noticeText,
            liftedOn: x.liftedOn,
            liftReason: x.liftReason,
          })),
        noGroundFinding: findings.find((f) => f.respondentPartyId === p.id) ?? null,
      })),
    };
  });
}
