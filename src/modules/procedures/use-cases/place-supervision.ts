import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { type Actor, getCourt, listUsersByIds, Role } from '../../identity/index.ts';
import { queueInApp } from '../../notify/index.ts';
import { isProcuratorateCompetent, procuratorateNameOf } from '../rules/supervision.ts';
import type { TPlaceSupervision, TSupervision } from '../supervision-contracts.ts';
import { assertCanPlaceSupervision } from '../supervision-policy.ts';
import { supervisions } from '../supervision-tables.ts';
import { auditActorOf, conflict } from './settlement-store.ts';
import { supervisionViewsOf } from './supervision-store.ts';

/**
 * 检察监督 (CPL art. 246; 监督规定 (2016) art. 4): a court leader or the command centre places a case
 * under the supervision of the procuratorate paired with the enforcing court (or a court above it),
 * naming the procurator who handles it. From then on that procuratorate's procurators read the case
 * (read-only, audited) and send recommendations. One supervision per case and procuratorate; a
 * procurator of a procuratorate without jurisdiction is refused naming the field.
 */
export async function placeSupervision(
  db: Db,
  actor: Actor,
  caseId: string,
  input: TPlaceSupervision,
): Promise<TSupervision> {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId, { forUpdate: true });
    assertCanPlaceSupervision(actor, c);
    const [procurator] = await listUsersByIds(tx, [input.procuratorId]);
    if (!procurator || procurator.disabled || !procurator.roles.includes(Role.procurator)) {
      throw invalidField('procuratorId', '不是在用的检察官账户', 'Not an active procurator’s account');
    }
    const procuratorate = await getCourt(tx, procurator.court.id);
    if (!procuratorate || !isProcuratorateCompetent(procuratorate.path, c.courtPath)) {
      throw invalidField(
        'procuratorId',
        '该检察官所在检察院对本案执行法院无监督管辖权',
        'The procurator’s procuratorate does not supervise the enforcing court',
      );
    }
    const [existing] = await tx
      .select({ id: supervisions.id })
      .from(supervisions)
      .where(and(eq(supervisions.caseId, c.id), eq(supervisions.procuratorateCourtId, procuratorate.id)));
    if (existing)
      throw conflict(
        '本案已在该检察院监督之下',
        'The case is already under this procuratorate’s supervision',
      );
    const id = randomUUID();
    const procuratorateName = procuratorateNameOf(procuratorate.name);
    const [row] = await tx
      .insert(supervisions)
      .values({
        id,
        caseId: c.id,
        courtId: c.courtId,
        courtPath: c.courtPath,
        caseNumber: c.caseNumber,
        procuratorateCourtId: procuratorate.id,
        procuratorateName,
        procuratorId: procurator.id,
        procuratorName: procurator.displayName,
        reason: input.reason,
        procuratorateCaseNumber: input.procuratorateCaseNumber ?? null,
        placedAt: clock.now(),
        placedBy: actor.userId,
        placedByName: actor.displayName,
      })
      .returning();
    if (!row) throw new Error('the supervision was not inserted');
    await queueInApp(tx, {
      dedupeKey: `procedures.supervision:${id}`,
      userIds: [procurator.id],
      title: `${c.caseNumber} 已纳入检察监督`,
      body: `${actor.displayName}将${c.caseNumber}纳入${procuratorateName}的监督，可调阅案件信息、提出检察建议。`,
      kind: 'procedures.supervisionPlaced',
      courtId: c.courtId,
    });
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.supervision.place',
      objectType: 'case',
      objectId: c.id,
      detail: { supervisionId: id, procuratorId: procurator.id, procuratorateCourtId: procuratorate.id },
    });
    const [view] = await supervisionViewsOf(tx, [row], clock.today());
    if (!view) throw new Error('no view of the new supervision');
    return view;
  });
}
