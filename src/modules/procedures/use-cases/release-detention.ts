import { and, eq } from 'drizzle-orm';
import { compareIsoDates } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { NodeKind } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TReleaseInput } from '../sanction-contracts.ts';
import { assertCourtLeaderOf } from '../sanction-policy.ts';
import { policeRequests, sanctions } from '../sanction-tables.ts';
import { queuePoliceRequest } from './queue-police-request.ts';
import { auditActorOf, conflict, loadSanctionForChange, recordSanctionNode } from './sanction-store.ts';

/**
 * 提前解除拘留 (CPL art. 118; CPL-I art. 182): a detained person who admits and corrects the wrong
 * may be released early, on the court president's approval — here a court leader of the case's
 * court decides it — by a decision public security carries out: an order sent until answered. Only
 * a person in custody (admitted, the last day not past) and only once (409). Nothing is written on
 * any refusal.
 */
export async function releaseDetention(
  db: Db,
  actor: Actor,
  sanctionId: string,
  input: TReleaseInput,
): Promise<{ id: string; requestId: string }> {
  return db.transaction(async (tx) => {
    const { s, c } = await loadSanctionForChange(tx, actor, sanctionId);
    assertCourtLeaderOf(actor, c);
    if (s.kind !== 'detention') throw conflict('不是拘留决定', 'Not a detention');
    if (s.status !== 'decided') throw conflict('拘留决定未生效或已撤销', 'The detention is not in force');
    const today = clock.today();
    const isInCustody =
      s.custodyState === 'admitted' && s.custodyEndOn !== null && compareIsoDates(today, s.custodyEndOn) <= 0;
    if (!isInCustody) throw conflict('被拘留人不在拘留期间', 'The person is not in custody');
    if (s.releaseDecidedAt !== null)
      throw conflict('已决定提前解除拘留', 'Early release was already decided');
    const [detention] = await tx
      .select({ id: policeRequests.id })
      .from(policeRequests)
      .where(and(eq(policeRequests.sanctionId, s.id), eq(policeRequests.kind, 'detention')));
    if (!detention) throw conflict('未向公安机关送达拘留通知', 'No detention order was sent');
    const note = input.note.trim();
    await tx
      .update(sanctions)
      .set({
        releaseDecidedAt: clock.now(),
        releaseDecidedBy: actor.userId,
        releaseDecidedByName: actor.displayName,
        releaseNote: note,
      })
      .where(eq(sanctions.id, s.id));
    const requestId = await queuePoliceRequest(tx, {
      sanctionId: s.id,
      kind: 'release',
      body: { detentionRequestId: detention.id, court: actor.court.name, reason: note, decidedOn: today },
    });
    await recordSanctionNode(
      tx,
      c,
      {
        kind: NodeKind.other,
        note: `提前解除拘留（${s.decisionNumber ?? ''}）：${s.subjectName}具结悔过，经院长批准提前解除拘留`,
        sourceKey: `procedures.sanction-release:${s.id}`,
      },
      { isRequired: false },
    );
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.sanction.release',
      objectType: 'case',
      objectId: c.id,
      detail: { sanctionId: s.id, requestId },
    });
    return { id: s.id, requestId };
  });
}
