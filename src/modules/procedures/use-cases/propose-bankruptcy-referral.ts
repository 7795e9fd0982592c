import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext, NodeKind, recordNode } from '../../cases/index.ts';
import { type Actor, getCourt } from '../../identity/index.ts';
import type { TReferralInput } from '../bankruptcy-contracts.ts';
import { assertReferralJudge } from '../bankruptcy-policy.ts';
import { bankruptcyReferrals } from '../bankruptcy-tables.ts';
import { referralDates } from '../rules/bankruptcy-referral.ts';
import { criteriaOfRespondents } from './bankruptcy-criteria.ts';
import { auditActorOf, conflict } from './settlement-store.ts';

/**
 * 法发〔2017〕2号 art. 3: the court of the debtor's domicile, at the intermediate level — by default
 * the intermediate court above the enforcing court (or itself); the judge names another court
 * when the debtor is domiciled elsewhere.
 */
async function intermediateCourtOf(
  db: DbOrTx,
  courtId: string,
): Promise<{ id: string; name: string } | null> {
  let at = await getCourt(db, courtId);
  for (let depth = 0; at && depth < 8; depth++) {
    if (at.level === 'intermediate') return { id: at.id, name: at.name };
    at = at.parentId ? await getCourt(db, at.parentId) : null;
  }
  return null;
}

/**
 * 执转破 (CPL-I art. 511; 法发〔2017〕2号 art. 2): the case judge refers a respondent that meets the
 * criteria, with the written consent of an applicant or of the respondent, to the court of its
 * domicile. Enforcement is suspended (node "中止执行" keyed by the referral); the materials are the
 * case's dossier (`GET /bankruptcy-referrals/{id}/package`). Refused with every unmet criterion
 * (409) when the respondent does not meet them; a closed or already suspended case, or a referral
 * of the same respondent still open, refuses too (409). Nothing is written on any refusal.
 */
export async function proposeBankruptcyReferral(
  db: Db,
  actor: Actor,
  caseId: string,
  input: TReferralInput,
): Promise<{
  id: string;
  caseStatus: string;
  transferDueOn: string;
  serviceDueOn: string;
  acceptanceDueOn: string;
}> {
  const today = clock.today();
  if (input.consentedOn > today) {
    throw invalidField(
      'consentedOn',
      '书面同意日期不能晚于今天',
      'The date of the written consent cannot be in the future',
    );
  }
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId, { forUpdate: true });
    assertReferralJudge(actor, c);
    const respondent = c.respondents.find((p) => p.id === input.respondentPartyId);
    if (!respondent) {
      throw invalidField('respondentPartyId', '不是本案被执行人', 'Not a respondent of this case');
    }
    const applicant = c.applicants.find((p) => p.id === input.consentingPartyId);
    const consenting = applicant ?? (input.consentingPartyId === respondent.id ? respondent : undefined);
    if (!consenting) {
      throw invalidField(
        'consentingPartyId',
        '书面同意应由本案申请执行人或该被执行人作出',
        'The written consent must come from an applicant of the case or from the respondent itself',
      );
    }
    if (input.consentedOn < c.filedOn) {
      throw invalidField(
        'consentedOn',
        '书面同意日期不能早于立案日期',
        'The consent cannot precede the filing',
      );
    }
    if (c.status === 'closed') throw conflict('案件已结案', 'The case is closed');
    if (c.status === 'suspended') {
      throw conflict('案件已中止执行', 'Enforcement of the case is already suspended');
    }
    const [open] = await tx
      .select({ id: bankruptcyReferrals.id })
      .from(bankruptcyReferrals)
      .where(
        and(
          eq(bankruptcyReferrals.caseId, c.id),
          eq(bankruptcyReferrals.respondentPartyId, respondent.id),
          inArray(bankruptcyReferrals.status, ['awaitingAcceptance', 'accepted']),
        ),
      );
    if (open) throw conflict('该被执行人已移送破产审查', 'The respondent has already been referred');
    const [criteria] = await criteriaOfRespondents(tx, c, [respondent]);
    if (!criteria?.check.meetsCriteria || respondent.creditCode === null) {
      const unmet = (criteria?.check.criteria ?? []).filter((r) => !r.isMet);
      throw new AppError(
        ErrorCode.preconditionFailed,
        bi('不符合执行转破产的条件', 'The respondent does not meet the criteria for a bankruptcy referral'),
        unmet.map((u) => ({ path: u.criterion, message: bi(u.zh, u.en) })),
      );
    }
    const receiving = input.receivingCourtName
      ? { id: null, name: input.receivingCourtName }
      : await intermediateCourtOf(tx, c.courtId);
    if (!receiving) {
      throw invalidField(
        'receivingCourtName',
        '请填写被执行人住所地有管辖权的法院',
        'Name the court of the debtor’s domicile',
      );
    }
    const dates = referralDates(input.consentedOn, today);
    const id = randomUUID();
    const now = clock.now();
    await tx.insert(bankruptcyReferrals).values({
      id,
      caseId: c.id,
      courtId: c.courtId,
      respondentPartyId: respondent.id,
      respondentName: respondent.name,
      creditCode: respondent.creditCode,
      consentingPartyId: consenting.id,
      consentingPartyName: consenting.name,
      consentingRole: applicant ? 'applicant' : 'respondent',
      consentedOn: input.consentedOn,
      decidedOn: today,
      ...dates,
      receivingCourtId: receiving.id,
      receivingCourtName: receiving.name,
      insolvencyFacts: input.insolvencyFacts,
      criteria: [...criteria.check.criteria],
      createdAt: now,
      createdBy: actor.userId,
      createdByName: actor.displayName,
      updatedAt: now,
    });
    // CPL-I art. 511: the enforcing court suspends enforcement against the debtor and transfers the materials.
    await recordNode(
      tx,
      actor,
      c.id,
      {
        kind: NodeKind.suspended,
        note: `执行转破产：经${consenting.name}书面同意（${input.consentedOn}），将被执行人${respondent.name}移送${receiving.name}进行破产审查，中止对该被执行人的执行`,
      },
      { sourceKey: `procedures.bankruptcy-referral:${id}` },
    );
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.bankruptcy-referral.propose',
      objectType: 'case',
      objectId: c.id,
      detail: { referralId: id, respondentPartyId: respondent.id, consentingPartyId: consenting.id },
    });
    return { id, caseStatus: 'suspended', ...dates };
  });
}
