import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { compareIsoDates, tokensOf, validateIdNumber } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { auditActorOf, recordChanges } from '../credit-store.ts';
import { assertCanDecide } from '../policy.ts';
import { divisionOfSubject } from '../rules/area.ts';
import type { BoundRole, RestrictedBehaviour } from '../rules/consumption.ts';
import { restrictionSubjects, spendingPermissions } from '../tables.ts';
import { loadRestrictionInScope, loadSubjectInScope } from './load-restriction.ts';

function conflict(zh: string, en: string): AppError {
  return new AppError(ErrorCode.conflict, bi(zh, en));
}

/**
 * 限消规定 art. 3: a person bound by an organisation's restriction may spend private money on named
 * behaviours once the court has checked the claim; the permission is dated and kept.
 */
export async function allowPrivateSpending(
  db: Db,
  actor: Actor,
  subjectId: string,
  input: { behaviours: RestrictedBehaviour[]; validFrom: string; validUntil: string; reason: string },
  opts: { today?: string } = {},
) {
  const today = opts.today ?? clock.today();
  if (compareIsoDates(input.validUntil, input.validFrom) < 0) {
    throw invalidField(
      'validUntil',
      '截止日期不能早于起始日期',
      'The permission cannot end before it starts',
    );
  }
  return db.transaction(async (tx) => {
    const { subject, restriction } = await loadSubjectInScope(tx, actor, subjectId);
    assertCanDecide(actor, await loadCaseContext(tx, actor, restriction.caseId));
    if (subject.role === 'debtor') {
      throw new AppError(
        ErrorCode.preconditionFailed,
        bi(
          '因私消费申请只适用于单位被执行人的相关人员',
          'Only a person bound by an organisation’s restriction may apply',
        ),
        [{ path: 'subjectId', message: bi('被执行人本人不适用', 'Not for the debtor itself') }],
      );
    }
    if (subject.state !== 'active') throw conflict('该人员已不受限制', 'The person is no longer restricted');
    const id = randomUUID();
    await tx.insert(spendingPermissions).values({
      id,
      restrictionSubjectId: subject.id,
      behaviours: input.behaviours,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      reason: input.reason,
      decidedBy: actor.userId,
      decidedByName: actor.displayName,
      decidedOn: today,
    });
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'credit.restriction.allow-private-spending',
      objectType: 'restrictedPerson',
      objectId: subject.id,
      detail: { behaviours: input.behaviours, validFrom: input.validFrom, validUntil: input.validUntil },
    });
    // The matching index reads permissions with the punishment: an update row makes every instance reload it.
    await recordChanges(tx, [
      {
        kind: 'updated',
        punishment: 'consumptionRestriction',
        punishmentNo: subject.punishmentNo,
        subjectKind: 'natural',
        idNumber: subject.idNumber,
        creditCode: subject.creditCode,
        name: subject.name,
        courtNo: restriction.courtNo,
        caseNumber: restriction.caseNumber,
        since: subject.restrictedFrom,
        until: null,
        behaviours: restriction.behaviours,
        role: subject.role,
      },
    ]);
    return { id };
  });
}

/**
 * 2019 opinion art. 17: after a genuine change of legal representative the former one is released
 * on proving they are neither controller nor responsible (the new one is added with `addBoundPerson`).
 */
export async function releaseBoundPerson(
  db: Db,
  actor: Actor,
  subjectId: string,
  input: { reason: string },
  opts: { today?: string } = {},
) {
  const today = opts.today ?? clock.today();
  return db.transaction(async (tx) => {
    const { subject, restriction } = await loadSubjectInScope(tx, actor, subjectId);
    assertCanDecide(actor, await loadCaseContext(tx, actor, restriction.caseId));
    if (subject.role === 'debtor')
      throw invalidField(
        'subjectId',
        '被执行人本人不能单独解除',
        'The debtor is released only by lifting the order',
      );
    if (subject.state !== 'active') throw conflict('该人员已不受限制', 'The person is no longer restricted');
    await tx
      .update(restrictionSubjects)
      .set({ state: 'released', releasedOn: today, releaseReason: input.reason })
      .where(eq(restrictionSubjects.id, subject.id));
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'credit.restriction.release-person',
      objectType: 'restrictedPerson',
      objectId: subject.id,
      detail: { reason: input.reason },
    });
    await recordChanges(tx, [
      {
        kind: 'restrictionLifted',
        punishment: 'consumptionRestriction',
        punishmentNo: subject.punishmentNo,
        subjectKind: 'natural',
        idNumber: subject.idNumber,
        creditCode: subject.creditCode,
        name: subject.name,
        courtNo: restriction.courtNo,
        caseNumber: restriction.caseNumber,
        since: subject.restrictedFrom,
        until: today,
        behaviours: restriction.behaviours,
        role: subject.role,
      },
    ]);
    return { id: subject.id, state: 'released' as const };
  });
}

/** Adds a person bound by an organisation's restriction (e.g. the new legal representative). */
export async function addBoundPerson(
  db: Db,
  actor: Actor,
  restrictionId: string,
  input: { role: BoundRole; name: string; idNumber?: string | null },
  opts: { today?: string } = {},
) {
  const today = opts.today ?? clock.today();
  let idNumber: string | null = null;
  if (input.idNumber) {
    const r = validateIdNumber(input.idNumber, today);
    if (!r.ok) throw invalidField('idNumber', r.reason.zh, r.reason.en);
    idNumber = r.value;
  }
  return db.transaction(async (tx) => {
    const restriction = await loadRestrictionInScope(tx, actor, restrictionId);
    assertCanDecide(actor, await loadCaseContext(tx, actor, restriction.caseId));
    if (restriction.subjectKind === 'natural') {
      throw invalidField(
        'restrictionId',
        '被执行人为自然人，无关联人员',
        'A natural-person debtor binds no further persons',
      );
    }
    if (restriction.state !== 'active') throw conflict('限制消费令已解除', 'The restriction is lifted');
    const person = { role: input.role, name: input.name.trim(), idNumber, creditCode: null };
    const [row] = await tx
      .insert(restrictionSubjects)
      .values({
        id: randomUUID(),
        restrictionId: restriction.id,
        ...person,
        divisionCode: divisionOfSubject(person),
        state: 'active',
        restrictedFrom: today,
        searchTokens: tokensOf([person.name]),
      })
      .returning();
    if (!row) throw new Error('restricted person not written');
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'credit.restriction.add-person',
      objectType: 'restrictedPerson',
      objectId: row.id,
      detail: { restrictionId: restriction.id, role: input.role },
    });
    await recordChanges(tx, [
      {
        kind: 'restrictionAdded',
        punishment: 'consumptionRestriction',
        punishmentNo: row.punishmentNo,
        subjectKind: 'natural',
        idNumber: row.idNumber,
        creditCode: null,
        name: row.name,
        courtNo: restriction.courtNo,
        caseNumber: restriction.caseNumber,
        since: today,
        until: null,
        behaviours: restriction.behaviours,
        role: row.role,
      },
    ]);
    return { id: row.id, state: 'active' as const };
  });
}
