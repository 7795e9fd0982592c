import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { compareIsoDates, validateCreditCode, validateIdNumber } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type CaseContext, loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import {
  actKeyOf,
  checkDetention,
  checkFineAmount,
  isRepeatedSanction,
  type SubjectType,
  sanctionKindLabels,
  subjectKeyOf,
} from '../rules/sanctions.ts';
import type { TSanctionInput } from '../sanction-contracts.ts';
import { assertCanPropose } from '../sanction-policy.ts';
import { type SubjectKind, sanctions } from '../sanction-tables.ts';
import { auditActorOf, conflict } from './sanction-store.ts';

type Subject = {
  kind: SubjectKind;
  /** The field that names it, for refusals about it. */
  field: 'partyId' | 'unit' | 'person';
  type: SubjectType;
  partyId: string | null;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
};

/** What the request says before the case is read: one subject, the fields of its kind and no other. */
function checkShape(input: TSanctionInput, today: string): void {
  const named = (['partyId', 'unit', 'person'] as const).filter((f) => input[f] !== undefined);
  const [first, second] = named;
  if (first === undefined) {
    throw invalidField(
      'partyId',
      '请指明被制裁的当事人、单位或个人',
      'Name the party, unit or person sanctioned',
    );
  }
  if (second !== undefined) {
    throw invalidField(second, '只能指明一个被制裁对象', 'Name one party, unit or person only');
  }
  const fieldsOf: Record<TSanctionInput['kind'], readonly string[]> = {
    fine: ['amountFen'],
    detention: ['days', 'place'],
    refusalReferral: [],
  };
  const needs = fieldsOf[input.kind];
  for (const field of ['amountFen', 'days', 'place'] as const) {
    const isGiven = input[field] !== undefined;
    if (needs.includes(field) && !isGiven) {
      throw invalidField(
        field,
        `${sanctionKindLabels[input.kind].zh}须填写此项`,
        `Required for ${sanctionKindLabels[input.kind].en.toLowerCase()}`,
      );
    }
    if (!needs.includes(field) && isGiven) {
      throw invalidField(
        field,
        `${sanctionKindLabels[input.kind].zh}不适用此项`,
        `Not applicable to ${sanctionKindLabels[input.kind].en.toLowerCase()}`,
      );
    }
  }
  if (compareIsoDates(input.act.occurredOn, today) > 0) {
    throw invalidField('act.occurredOn', '妨害行为日期不能晚于今天', 'The act cannot be in the future');
  }
}

/** Whom it falls on: a respondent of the case, or an outside unit or person with a valid code. */
function subjectOf(input: TSanctionInput, c: CaseContext, today: string): Subject {
  if (input.unit) {
    const code = validateCreditCode(input.unit.creditCode);
    if (!code.ok) throw invalidField('unit.creditCode', code.reason.zh, code.reason.en);
    return {
      kind: 'unit',
      field: 'unit',
      type: 'organisation',
      partyId: null,
      name: input.unit.name,
      idNumber: null,
      creditCode: code.value,
    };
  }
  if (input.person) {
    const id = validateIdNumber(input.person.idNumber, today);
    if (!id.ok) throw invalidField('person.idNumber', id.reason.zh, id.reason.en);
    return {
      kind: 'person',
      field: 'person',
      type: 'natural',
      partyId: null,
      name: input.person.name,
      idNumber: id.value,
      creditCode: null,
    };
  }
  const party = c.respondents.find((p) => p.id === input.partyId);
  if (!party) throw invalidField('partyId', '不是本案的被执行人', 'Not a respondent of this case');
  return {
    kind: 'party',
    field: 'partyId',
    type: party.kind === 'natural' ? 'natural' : 'organisation',
    partyId: party.id,
    name: party.name,
    idNumber: party.idNumber,
    creditCode: party.creditCode,
  };
}

/** CPL art. 118: the fine's amount or the detention's days, for whom it falls on. */
function checkLimits(input: TSanctionInput, subject: Subject): void {
  if (input.kind === 'fine' && input.amountFen !== undefined) {
    const fine = checkFineAmount(input.amountFen, subject.type);
    if (!fine.ok) throw invalidField('amountFen', fine.reason.zh, fine.reason.en);
  }
  if (input.kind === 'detention' && input.days !== undefined) {
    const detention = checkDetention(input.days, subject.type);
    if (!detention.ok) {
      const field = detention.code === 'notANaturalPerson' ? subject.field : 'days';
      throw invalidField(field, detention.reason.zh, detention.reason.en);
    }
  }
}

/**
 * 提请司法制裁 (CPL arts. 114, 117, 118): the case judge proposes a fine, a detention or a referral
 * for the crime of refusing to perform, for one act of one respondent (or outside unit or person).
 * It takes effect only once a court leader approves it (approve-sanction.ts). The same act is not
 * fined, nor detained, twice (CPL-I art. 184: 409); a fine and a detention may go together (art.
 * 183). A closed case refuses (409). Nothing is written on any refusal.
 */
export async function proposeSanction(
  db: Db,
  actor: Actor,
  caseId: string,
  input: TSanctionInput,
): Promise<{ id: string }> {
  const today = clock.today();
  checkShape(input, today);
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId, { forUpdate: true });
    assertCanPropose(actor, c);
    if (c.status === 'closed') throw conflict('案件已结案', 'The case is closed');
    const subject = subjectOf(input, c, today);
    checkLimits(input, subject);
    const subjectKey = subjectKeyOf(subject);
    const actKey = actKeyOf(input.act);
    // The case row is locked: proposals on one case are taken one at a time.
    const earlier = await tx
      .select({
        kind: sanctions.kind,
        actKey: sanctions.actKey,
        status: sanctions.status,
        subjectKey: sanctions.subjectKey,
      })
      .from(sanctions)
      .where(eq(sanctions.caseId, c.id));
    const sameSubject = earlier.filter((e) => e.subjectKey === subjectKey);
    if (isRepeatedSanction(sameSubject, { kind: input.kind, actKey })) {
      throw conflict(
        `同一妨害执行行为已${sanctionKindLabels[input.kind].zh}，不得连续适用（民诉法解释第一百八十四条）`,
        `This act has already been met with ${sanctionKindLabels[input.kind].en.toLowerCase()}: it may not be repeated (CPL-I art. 184)`,
      );
    }
    const id = randomUUID();
    await tx.insert(sanctions).values({
      id,
      caseId: c.id,
      courtId: c.courtId,
      kind: input.kind,
      subjectKind: subject.kind,
      subjectType: subject.type,
      partyId: subject.partyId,
      subjectName: subject.name,
      idNumber: subject.idNumber,
      creditCode: subject.creditCode,
      subjectKey,
      actDescription: input.act.description,
      actOn: input.act.occurredOn,
      actKey,
      amountFen: input.amountFen ?? null,
      days: input.days ?? null,
      place: input.place ?? null,
      proposedAt: clock.now(),
      proposedBy: actor.userId,
      proposedByName: actor.displayName,
    });
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.sanction.propose',
      objectType: 'case',
      objectId: c.id,
      detail: {
        sanctionId: id,
        kind: input.kind,
        subjectKind: subject.kind,
        amountFen: input.amountFen ?? null,
        days: input.days ?? null,
      },
    });
    return { id };
  });
}
