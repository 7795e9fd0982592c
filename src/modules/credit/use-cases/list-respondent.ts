import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNotNull, or } from 'drizzle-orm';
import { compareIsoDates, tokensOf } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { appendHistory, auditActorOf, caseColumnsOf, historyActorOf } from '../credit-store.ts';
import { assertCanPropose, isSignerFor } from '../policy.ts';
import { divisionOfSubject } from '../rules/area.ts';
import { applicantBarEndsOn, isApplicantBarred } from '../rules/deletion.ts';
import { checkListingEligibility, type ListingGround } from '../rules/grounds.ts';
import { applicationDecisionDueOn, checkExtension, checkGraceMonths } from '../rules/term.ts';
import { type DeclaredExclusions, entries } from '../tables.ts';
import { applyListing, refusalError } from './apply-listing.ts';
import {
  applicantKeyOf,
  eligibilitySubjectOf,
  findApplicant,
  findRespondent,
  gatherListingFacts,
} from './case-parties.ts';

export type ListRespondentInput = {
  respondentId: string;
  ground: ListingGround;
  facts: string;
  extendYears?: number;
  graceMonths?: number;
  initiatedBy?: 'ownMotion' | 'application';
  applicantId?: string;
  applicationReceivedOn?: string;
  exclusions?: DeclaredExclusions;
};

/**
 * 失信规定 arts. 1–5: a listing on the applicant's application or the court's own motion. The
 * case's judge or assistant proposes it (`pendingApproval`) and a court leader signs it; a court
 * leader proposing it signs at once (`listed`). Every refusal lists its reasons; nothing is written.
 */
export async function listRespondent(
  db: Db,
  actor: Actor,
  caseId: string,
  input: ListRespondentInput,
  opts: { today?: string } = {},
) {
  const today = opts.today ?? clock.today();
  for (const check of [
    checkExtension(input.ground, input.extendYears),
    checkGraceMonths(input.graceMonths),
  ]) {
    if (!check.ok) throw invalidField(check.path, check.zh, check.en);
  }
  const initiatedBy =
    input.initiatedBy ?? (input.applicantId || input.applicationReceivedOn ? 'application' : 'ownMotion');
  if (input.applicationReceivedOn && compareIsoDates(input.applicationReceivedOn, today) > 0) {
    throw invalidField(
      'applicationReceivedOn',
      '收到申请的日期不能晚于今天',
      'The application cannot be received in the future',
    );
  }
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId, { forUpdate: true });
    assertCanPropose(actor, c);
    const respondent = findRespondent(c, input.respondentId);
    const applicant = initiatedBy === 'application' ? findApplicant(c, input.applicantId) : null;
    const exclusions = input.exclusions ?? {};
    const facts = await gatherListingFacts(tx, c, respondent.id, exclusions);
    const check = checkListingEligibility({
      ground: input.ground,
      respondent: eligibilitySubjectOf(respondent),
      decisionDate: today,
      facts,
    });
    if (!check.ok) throw refusalError(check.reasons);
    const [live] = await tx
      .select({ id: entries.id, state: entries.state })
      .from(entries)
      .where(
        and(
          eq(entries.caseId, c.id),
          eq(entries.respondentPartyId, respondent.id),
          or(eq(entries.state, 'pendingApproval'), eq(entries.state, 'listed')),
        ),
      );
    if (live) {
      throw new AppError(
        ErrorCode.conflict,
        bi(
          '该被执行人在本案中已被纳入或待审批',
          'This respondent is already listed or awaiting approval in this case',
        ),
        [{ path: 'respondentId', message: bi('已有有效的失信记录', 'A live entry exists') }],
      );
    }
    if (applicant) await assertApplicantNotBarred(tx, applicantKeyOf(applicant), respondent, today);
    const { columns } = await caseColumnsOf(tx, c, respondent);
    const receivedOn = applicant ? (input.applicationReceivedOn ?? today) : null;
    const [entry] = await tx
      .insert(entries)
      .values({
        id: randomUUID(),
        ...columns,
        caseFiledOn: c.filedOn,
        legalRepresentative: respondent.legalRepresentative,
        divisionCode: divisionOfSubject(respondent),
        ground: input.ground,
        facts: input.facts.trim(),
        initiatedBy,
        applicantPartyId: applicant?.id ?? null,
        applicationReceivedOn: receivedOn,
        // 失信规定 art. 5: an applicant's application is decided within fifteen days
        decisionDueOn: receivedOn ? applicationDecisionDueOn(receivedOn) : null,
        exclusions,
        extendYears: input.extendYears ?? 0,
        graceMonths: input.graceMonths ?? 0,
        state: 'pendingApproval',
        requestedOn: today,
        requestedBy: actor.userId,
        requestedByName: actor.displayName,
        obligationFen: c.claimAmountFen,
        performedFen: c.recoveredFen,
        basisDocumentNumber: c.basis.documentNumber,
        basisIssuedBy: c.basis.issuedBy,
        searchTokens: tokensOf([respondent.name]),
      })
      .returning();
    if (!entry) throw new Error('entry not written');
    await appendHistory(tx, {
      entryId: entry.id,
      action: 'requested',
      fromState: null,
      toState: 'pendingApproval',
      changes: { ground: input.ground, initiatedBy },
      actor: historyActorOf(actor),
      occurredOn: today,
    });
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'credit.entry.request',
      objectType: 'creditEntry',
      objectId: entry.id,
      detail: { caseId: c.id, respondentPartyId: respondent.id, ground: input.ground, initiatedBy },
    });
    if (!isSignerFor(actor, c.courtId)) return { id: entry.id, state: 'pendingApproval' as const };
    const listed = await applyListing(tx, { entry, c, respondent, signer: actor, today });
    return { id: listed.id, state: 'listed' as const };
  });
}

/** 失信规定 art. 10(3): after deletion on an applicant's written request, that applicant is refused for six months. */
async function assertApplicantNotBarred(
  tx: Parameters<Parameters<Db['transaction']>[0]>[0],
  applicantKey: string,
  respondent: { id: string; idNumber: string | null; creditCode: string | null },
  today: string,
): Promise<void> {
  const sameDebtor = respondent.idNumber
    ? eq(entries.idNumber, respondent.idNumber)
    : respondent.creditCode
      ? eq(entries.creditCode, respondent.creditCode)
      : eq(entries.respondentPartyId, respondent.id);
  const [last] = await tx
    .select({ deletedOn: entries.deletedOn })
    .from(entries)
    .where(and(eq(entries.deletedAtRequestOf, applicantKey), isNotNull(entries.deletedOn), sameDebtor))
    .orderBy(desc(entries.deletedOn))
    .limit(1);
  const deletedOn = last?.deletedOn ?? null;
  if (deletedOn && isApplicantBarred(deletedOn, today)) {
    const until = applicantBarEndsOn(deletedOn);
    throw new AppError(
      ErrorCode.preconditionFailed,
      bi(
        `申请执行人申请删除后六个月内再次申请的，不予支持（至${until}）`,
        `The applicant asked for deletion on ${deletedOn}; a new request is refused until ${until}`,
      ),
      [
        {
          path: 'applicantId',
          message: bi(
            '六个月内不得再次申请',
            'Refused for six months after the applicant’s deletion request',
          ),
        },
      ],
    );
  }
}
