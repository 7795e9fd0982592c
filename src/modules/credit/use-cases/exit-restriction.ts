import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { ageOn, validateIdNumber } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField, notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { type Actor, dataScopePrefix } from '../../identity/index.ts';
import { auditActorOf, caseColumnsOf, recordChanges } from '../credit-store.ts';
import { assertCanDecide } from '../policy.ts';
import { divisionOfSubject } from '../rules/area.ts';
import { ageOfMajority } from '../rules/grounds.ts';
import { renderExitNotice } from '../rules/letters.ts';
import { exitRestrictions } from '../tables.ts';
import { findRespondent } from './case-parties.ts';
import { letterCaseOf } from './issue-restriction.ts';

const defaultAuthority = '出入境边防检查机关';

/**
 * CPL art. 266: restricting a debtor's exit, recorded with the notice sent to the exit authority.
 * For an organisation the person restricted is named (its legal representative, usually).
 */
export async function restrictExit(
  db: Db,
  actor: Actor,
  caseId: string,
  input: { respondentId: string; authority?: string; person?: { name: string; idNumber: string } },
  opts: { today?: string } = {},
) {
  const today = opts.today ?? clock.today();
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId, { forUpdate: true });
    assertCanDecide(actor, c);
    const respondent = findRespondent(c, input.respondentId);
    if (c.status === 'closed') throw new AppError(ErrorCode.conflict, bi('案件已结案', 'The case is closed'));
    let person = { name: respondent.name, idNumber: respondent.idNumber };
    if (respondent.kind !== 'natural') {
      if (!input.person)
        throw invalidField(
          'person',
          '单位被执行人须指明被限制出境的人员',
          'Name the person restricted for an organisation',
        );
      const r = validateIdNumber(input.person.idNumber, today);
      if (!r.ok) throw invalidField('person.idNumber', r.reason.zh, r.reason.en);
      person = { name: input.person.name.trim(), idNumber: r.value };
    }
    if (!person.idNumber)
      throw invalidField('respondentId', '被限制出境人须有身份证号', 'The person needs an ID number');
    if (ageOn(person.idNumber, today) < ageOfMajority) {
      throw new AppError(ErrorCode.preconditionFailed, bi('被限制人为未成年人', 'The person is a minor'), [
        { path: 'respondentId', message: bi('不得对未成年人采取该措施', 'Not for a minor') },
      ]);
    }
    const [active] = await tx
      .select({ id: exitRestrictions.id })
      .from(exitRestrictions)
      .where(
        and(
          eq(exitRestrictions.caseId, c.id),
          eq(exitRestrictions.respondentPartyId, respondent.id),
          eq(exitRestrictions.state, 'active'),
        ),
      );
    if (active)
      throw new AppError(
        ErrorCode.conflict,
        bi('本案已限制该被执行人出境', 'An exit restriction is already in force'),
      );
    const { court, columns } = await caseColumnsOf(tx, c, respondent);
    const authority = input.authority?.trim() || defaultAuthority;
    const subject = {
      kind: 'natural' as const,
      name: person.name,
      idNumber: person.idNumber,
      creditCode: null,
      legalRepresentative: null,
    };
    const noticeText = renderExitNotice({
      c: letterCaseOf(c, court.name),
      subject,
      authority,
      orderedOn: today,
      presidentName: '（院长签发）',
    });
    const [row] = await tx
      .insert(exitRestrictions)
      .values({
        id: randomUUID(),
        ...columns,
        subjectKind: 'natural',
        name: person.name,
        idNumber: person.idNumber,
        creditCode: null,
        divisionCode: divisionOfSubject({ idNumber: person.idNumber, creditCode: null }),
        authority,
        state: 'active',
        orderedOn: today,
        orderedBy: actor.userId,
        orderedByName: actor.displayName,
        noticeText,
      })
      .returning();
    if (!row) throw new Error('exit restriction not written');
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'credit.exit.restrict',
      objectType: 'exitRestriction',
      objectId: row.id,
      detail: { caseId: c.id, authority },
    });
    await recordChanges(tx, [
      {
        kind: 'restrictionAdded',
        punishment: 'exitRestriction',
        punishmentNo: row.punishmentNo,
        subjectKind: 'natural',
        idNumber: row.idNumber,
        creditCode: null,
        name: row.name,
        courtNo: court.courtNo,
        caseNumber: c.caseNumber,
        since: today,
        until: null,
      },
    ]);
    return { id: row.id, state: 'active' as const };
  });
}

export async function liftExitRestriction(
  db: Db,
  actor: Actor,
  id: string,
  input: { reason: string },
  opts: { today?: string } = {},
) {
  const today = opts.today ?? clock.today();
  if (!isUuid(id)) throw notFound('限制出境', 'Exit restriction');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(exitRestrictions)
      .where(and(eq(exitRestrictions.id, id), like(exitRestrictions.courtPath, `${dataScopePrefix(actor)}%`)))
      .for('update');
    if (!row) throw notFound('限制出境', 'Exit restriction');
    assertCanDecide(actor, await loadCaseContext(tx, actor, row.caseId));
    if (row.state !== 'active') throw new AppError(ErrorCode.conflict, bi('已解除', 'Already lifted'));
    await tx
      .update(exitRestrictions)
      .set({ state: 'lifted', liftedOn: today, liftReason: input.reason })
      .where(eq(exitRestrictions.id, id));
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'credit.exit.lift',
      objectType: 'exitRestriction',
      objectId: id,
      detail: { reason: input.reason },
    });
    await recordChanges(tx, [
      {
        kind: 'restrictionLifted',
        punishment: 'exitRestriction',
        punishmentNo: row.punishmentNo,
        subjectKind: 'natural',
        idNumber: row.idNumber,
        creditCode: null,
        name: row.name,
        courtNo: row.courtNo,
        caseNumber: row.caseNumber,
        since: row.orderedOn,
        until: today,
      },
    ]);
    return { id, state: 'lifted' as const };
  });
}
