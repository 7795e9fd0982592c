import { randomUUID } from 'node:crypto';
import { tokensOf, validateIdNumber } from '../../../kernel/index.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import type { CaseContext, CaseParty } from '../../cases/index.ts';
import { type ChangeInput, caseColumnsOf } from '../credit-store.ts';
import { divisionOfSubject } from '../rules/area.ts';
import {
  allRestrictedBehaviours,
  type BoundRole,
  type RestrictedBehaviour,
  type RestrictionRole,
} from '../rules/consumption.ts';
import { type LetterCase, renderRestrictionOrder } from '../rules/letters.ts';
import { restrictionSubjects, restrictions } from '../tables.ts';

export type BoundPersonInput = { role: BoundRole; name: string; idNumber?: string | null };

export function letterCaseOf(c: CaseContext, courtName: string): LetterCase {
  return {
    courtName,
    caseNumber: c.caseNumber,
    basisDocumentNumber: c.basis.documentNumber,
    basisIssuedBy: c.basis.issuedBy,
    applicantNames: c.applicants.map((a) => a.name),
  };
}

/** Checks the persons an organisation's restriction binds; each ID number must be valid (GB 11643). */
export function cleanBoundPersons(
  respondent: CaseParty,
  persons: readonly BoundPersonInput[] | undefined,
  today: string,
): { role: BoundRole; name: string; idNumber: string | null }[] {
  if (respondent.kind === 'natural') {
    if (persons && persons.length > 0) {
      throw invalidField(
        'boundPersons',
        '被执行人为自然人，无须列明关联人员',
        'A natural-person debtor binds no further persons',
      );
    }
    return [];
  }
  const given = persons ?? [];
  const clean = given.map((p, i) => {
    let idNumber: string | null = null;
    if (p.idNumber) {
      const r = validateIdNumber(p.idNumber, today);
      if (!r.ok) throw invalidField(`boundPersons.${i}.idNumber`, r.reason.zh, r.reason.en);
      idNumber = r.value;
    }
    return { role: p.role, name: p.name.trim(), idNumber };
  });
  // 限消规定 art. 3: the legal representative is bound even when the order names no one else
  if (!clean.some((p) => p.role === 'legalRepresentative') && respondent.legalRepresentative) {
    clean.unshift({ role: 'legalRepresentative', name: respondent.legalRepresentative, idNumber: null });
  }
  return clean;
}

/**
 * Writes a consumption restriction order with its subjects (the debtor, and for an organisation
 * the persons it binds) and returns the change-feed rows for the caller to record last.
 */
export async function issueRestriction(
  tx: DbOrTx,
  input: {
    c: CaseContext;
    respondent: CaseParty;
    behaviours?: readonly RestrictedBehaviour[];
    boundPersons: { role: BoundRole; name: string; idNumber: string | null }[];
    orderedBy: { userId: string; displayName: string };
    signerName: string;
    today: string;
    entryId: string | null;
  },
): Promise<{ id: string; changes: ChangeInput[]; orderText: string }> {
  const { c, respondent, today } = input;
  const { court, columns } = await caseColumnsOf(tx, c, respondent);
  const behaviours = [...(input.behaviours ?? allRestrictedBehaviours)].sort((a, b) => a - b);
  const orderText = renderRestrictionOrder({
    c: letterCaseOf(c, court.name),
    subject: { ...respondent, kind: respondent.kind === 'natural' ? 'natural' : 'legal' },
    boundPersons: input.boundPersons,
    behaviours,
    orderedOn: today,
    presidentName: input.signerName,
  });
  const id = randomUUID();
  await tx.insert(restrictions).values({
    id,
    ...columns,
    behaviours,
    state: 'active',
    orderedOn: today,
    orderedBy: input.orderedBy.userId,
    orderedByName: input.orderedBy.displayName,
    orderText,
    entryId: input.entryId,
  });
  const subjects: {
    role: RestrictionRole;
    name: string;
    idNumber: string | null;
    creditCode: string | null;
  }[] = [
    {
      role: 'debtor',
      name: respondent.name,
      idNumber: respondent.idNumber,
      creditCode: respondent.creditCode,
    },
    ...input.boundPersons.map((p) => ({
      role: p.role,
      name: p.name,
      idNumber: p.idNumber,
      creditCode: null,
    })),
  ];
  const rows = await tx
    .insert(restrictionSubjects)
    .values(
      subjects.map((s): typeof restrictionSubjects.$inferInsert => ({
        id: randomUUID(),
        restrictionId: id,
        role: s.role,
        name: s.name,
        idNumber: s.idNumber,
        creditCode: s.creditCode,
        divisionCode: divisionOfSubject(s),
        state: 'active',
        restrictedFrom: today,
        searchTokens: tokensOf([s.name]),
      })),
    )
    .returning();
  const changes: ChangeInput[] = rows.map((s) => ({
    kind: 'restrictionAdded',
    punishment: 'consumptionRestriction',
    punishmentNo: s.punishmentNo,
    subjectKind: s.role === 'debtor' ? respondent.kind : 'natural',
    idNumber: s.idNumber,
    creditCode: s.creditCode,
    name: s.name,
    courtNo: court.courtNo,
    caseNumber: c.caseNumber,
    since: today,
    until: null,
    behaviours,
    role: s.role,
  }));
  return { id, changes, orderText };
}
