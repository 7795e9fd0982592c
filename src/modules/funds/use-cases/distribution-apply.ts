import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maxFen, validateCreditCode, validateIdNumber } from '../../../kernel/index.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import type { CaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TApplyToParticipate } from '../distribution-contracts.ts';
import { assertCaseTeam } from '../policy.ts';
import { conflict, inStep, setPlan } from './distribution-step.ts';
import { loadApplications, loadOpenPlan } from './distribution-store.ts';

/**
 * 参与分配申请, recorded by the case team (art. 507): from the start of enforcement until the
 * respondent's property has been disposed of — here, until the case is closed or the plan for the
 * money is served. Against a company the application is recorded too; the plan then pays ordinary
 * claims in the order of seizure (art. 514). A drafted plan is superseded: its claims changed.
 */
export async function applyToParticipate(db: Db, actor: Actor, caseId: string, input: TApplyToParticipate) {
  return inStep(
    db,
    actor,
    caseId,
    assertCaseTeam,
    async (tx, { c, today }) => {
      const appliedOn = input.appliedOn ?? today;
      if (c.status === 'closed')
        throw conflict(
          'appliedOn',
          `执行已于 ${c.closedOn ?? ''} 终结，不再受理参与分配申请`,
          `Enforcement ended on ${c.closedOn ?? ''}; no more applications`,
        );
      if (appliedOn > today) throw invalidField('appliedOn', '不能晚于今天', 'Cannot be after today');
      if (appliedOn < c.filedOn)
        throw invalidField(
          'appliedOn',
          '参与分配应在执行开始后申请',
          'Applications come after enforcement began',
        );
      const open = await loadOpenPlan(tx, c.id);
      if (open && open.state !== 'drafted')
        throw conflict(
          'appliedOn',
          `分配方案已于 ${open.servedOn ?? ''} 送达，本次分配不再受理申请`,
          `The plan was served on ${open.servedOn ?? ''}; this distribution takes no more applications`,
        );
      if (input.seizedAt && input.seizedAt > today)
        throw invalidField('seizedAt', '不能晚于今天', 'Cannot be after today');
      const interestFen = input.interestFen ?? 0;
      if (input.principalFen + interestFen === 0)
        throw invalidField('principalFen', '申请分配的债权不能为零', 'The claim cannot be nothing');
      const applications = await loadApplications(tx, c.id);
      const claimed = applications.reduce((a, x) => a + x.principalFen + x.interestFen, 0);
      if (claimed + input.principalFen + interestFen > maxFen)
        throw invalidField('principalFen', '债权总额过大', 'The claims together are too large');
      const creditor = identifyCreditor(c, input, today, applications);
      const id = randomUUID();
      await tx.execute(sql`insert into funds.distribution_applications (id, case_id, court_id, party_id,
          creditor_name, id_number, credit_code, basis, priority, principal_fen, interest_fen, seized_at,
          applied_on, recorded_by)
        values (${id}::uuid, ${c.id}::uuid, ${c.courtId}::uuid, ${creditor.partyId}::uuid, ${creditor.name},
          ${creditor.idNumber}, ${creditor.creditCode}, ${input.basis}, ${input.priority},
          ${input.principalFen}::bigint, ${interestFen}::bigint, ${input.seizedAt ?? null}::date,
          ${appliedOn}::date, ${actor.userId}::uuid)`);
      if (open) await setPlan(tx, open, sql`state = 'superseded'`);
      return {
        applicationId: id,
        partyId: creditor.partyId,
        priority: input.priority,
        principalFen: input.principalFen,
        interestFen,
      };
    },
    'funds.distribution.apply',
  );
}

/** Who applies: an applicant of the case, or an outside creditor named by a valid number, each once. */
function identifyCreditor(
  c: CaseContext,
  input: TApplyToParticipate,
  today: string,
  applications: readonly { partyId: string | null; idNumber: string | null; creditCode: string | null }[],
) {
  if (input.partyId !== undefined) {
    const party = c.applicants.find((p) => p.id === input.partyId);
    if (!party) throw invalidField('partyId', '不是本案申请执行人', 'Not an applicant of this case');
    for (const field of ['creditorName', 'idNumber', 'creditCode'] as const)
      if (input[field] !== undefined)
        throw invalidField(
          field,
          '本案申请执行人的信息取自案件',
          'An applicant of the case is as the case records it',
        );
    if (applications.some((a) => a.partyId === party.id))
      throw conflict('partyId', '该申请执行人已申请参与分配', 'This applicant has applied already');
    return { partyId: party.id, name: party.name, idNumber: party.idNumber, creditCode: party.creditCode };
  }
  if (input.creditorName === undefined)
    throw invalidField('creditorName', '请填写债权人名称', 'Name the creditor');
  if (input.idNumber !== undefined && input.creditCode !== undefined)
    throw invalidField(
      'creditCode',
      '身份证号与统一社会信用代码只填一项',
      'Give an ID number or a credit code, not both',
    );
  let idNumber: string | null = null;
  let creditCode: string | null = null;
  if (input.idNumber !== undefined) {
    const r = validateIdNumber(input.idNumber, today);
    if (!r.ok) throw invalidField('idNumber', r.reason.zh, r.reason.en);
    idNumber = r.value;
  } else if (input.creditCode !== undefined) {
    const r = validateCreditCode(input.creditCode);
    if (!r.ok) throw invalidField('creditCode', r.reason.zh, r.reason.en);
    creditCode = r.value;
  } else {
    throw invalidField(
      'idNumber',
      '请填写公民身份号码或统一社会信用代码',
      'Give an ID number or a credit code',
    );
  }
  const field = idNumber ? 'idNumber' : 'creditCode';
  const isSame = (p: { idNumber: string | null; creditCode: string | null }) =>
    (idNumber !== null && p.idNumber === idNumber) || (creditCode !== null && p.creditCode === creditCode);
  if (c.applicants.some(isSame))
    throw invalidField(
      field,
      '该债权人是本案申请执行人，请按申请执行人申请',
      'This creditor is an applicant of the case: apply as one',
    );
  if (applications.some(isSame))
    throw conflict(field, '该债权人已申请参与分配', 'This creditor has applied already');
  return { partyId: null, name: input.creditorName, idNumber, creditCode };
}
