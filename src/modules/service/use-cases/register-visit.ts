import { randomUUID } from 'node:crypto';
import { formatCaseNumber, parseCaseNumber, validateIdNumber } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { listCases } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TRegisterVisit, TVisit } from '../contracts.ts';
import { assertCounterStaff } from '../policy.ts';
import { visits } from '../tables.ts';
import { auditActor, visitView } from './visit-store.ts';

/** The case a visitor names, by its number, among the cases the officer sees (else a 400 naming `caseNumber`). */
export async function findCaseByNumber(db: Db, actor: Actor, caseNumber: string) {
  const parts = parseCaseNumber(caseNumber);
  if (!parts) {
    throw invalidField('caseNumber', '案号格式不正确', 'Not a case number, e.g. （2026）浙0106执1234号');
  }
  const canonical = formatCaseNumber(parts);
  const found = await listCases(db, actor, { q: canonical, page: 1, pageSize: 10, sort: 'deadline' });
  const item = found.items.find((c) => c.caseNumber === canonical);
  if (!item) {
    throw invalidField(
      'caseNumber',
      '本院（及辖区法院）无此案号的案件',
      'No case of this number in your courts',
    );
  }
  return { id: item.id, caseNumber: item.caseNumber };
}

/**
 * 来访登记: who came to the counter, in what capacity and for what, and — by its number — the case
 * they came about. The visit belongs to the officer's own court, logged on today's China date.
 */
export async function registerVisit(db: Db, actor: Actor, input: TRegisterVisit): Promise<TVisit> {
  assertCounterStaff(actor);
  const now = clock.now();
  const today = clock.today();
  let idNumber: string | null = null;
  if (input.visitor.idNumber !== undefined) {
    const checked = validateIdNumber(input.visitor.idNumber, today);
    if (!checked.ok) throw invalidField('visitor.idNumber', checked.reason.zh, checked.reason.en);
    idNumber = checked.value;
  }
  const c = input.caseNumber === undefined ? null : await findCaseByNumber(db, actor, input.caseNumber);
  const id = randomUUID();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(visits)
      .values({
        id,
        courtId: actor.court.id,
        courtPath: actor.court.path,
        courtCode: actor.court.courtCode,
        visitedOn: today,
        arrivedAt: now,
        visitorName: input.visitor.name,
        visitorIdNumber: idNumber,
        visitorPhone: input.visitor.phone ?? null,
        visitorRole: input.visitor.role,
        purpose: input.purpose,
        caseId: c?.id ?? null,
        caseNumber: c?.caseNumber ?? null,
        note: input.note ?? '',
        receivedBy: actor.userId,
        receivedByName: actor.displayName,
      })
      .returning();
    if (!row) throw new Error('visit not inserted');
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'service.visit.register',
      objectType: c ? 'case' : 'visit',
      objectId: c?.id ?? id,
      detail: { visitId: id, purpose: input.purpose, role: input.visitor.role },
    });
    return visitView(tx, row);
  });
}
