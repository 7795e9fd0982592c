import { eq } from 'drizzle-orm';
import { formatYuan } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { NodeKind } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { detentionSequenceLabel, sanctionKindLabels } from '../rules/sanctions.ts';
import type { TDecisionInput } from '../sanction-contracts.ts';
import { assertCourtLeaderOf } from '../sanction-policy.ts';
import { type SanctionStatus, sanctions } from '../sanction-tables.ts';
import { queuePoliceRequest } from './queue-police-request.ts';
import {
  auditActorOf,
  conflict,
  loadSanctionForChange,
  nextDecisionNumber,
  nextDetentionSequence,
  recordSanctionNode,
  type SanctionRow,
} from './sanction-store.ts';

function nodeNote(s: SanctionRow, number: string | null, sequence: number | null): string {
  const act = `妨害执行行为：${s.actDescription}（${s.actOn}）`;
  if (s.kind === 'fine')
    return `罚款决定书${number ?? ''}：对${s.subjectName}罚款${formatYuan(s.amountFen ?? 0)}元。${act}`;
  if (s.kind === 'detention') {
    const nth = sequence === null ? '' : `（${detentionSequenceLabel(sequence).zh}）`;
    return `拘留决定书${number ?? ''}：对${s.subjectName}拘留${s.days ?? 0}日${nth}，交${s.place ?? ''}看管。${act}`;
  }
  return `将${s.subjectName}涉嫌拒不执行判决、裁定罪移送公安机关。${act}`;
}

/**
 * 批准 (CPL art. 119): a court leader of the case's court approves the judge's proposal — the
 * decision (决定书) is issued with its 司惩 number, the timeline gets "妨害执行已处罚" in the
 * judge's name, and a detention goes to public security as an order sent until answered (the
 * person's Nth detention counted) — or rejects it, which bars nothing later. One decision per
 * proposal (409); a closed case refuses (409). Nothing is written on any refusal.
 */
export async function approveSanction(
  db: Db,
  actor: Actor,
  sanctionId: string,
  input: TDecisionInput,
): Promise<{ id: string; status: SanctionStatus; decisionNumber: string | null; sequence: number | null }> {
  return db.transaction(async (tx) => {
    const { s, c } = await loadSanctionForChange(tx, actor, sanctionId);
    assertCourtLeaderOf(actor, c);
    if (s.status !== 'proposed') throw conflict('已作出决定', 'Already decided');
    if (c.status === 'closed') throw conflict('案件已结案', 'The case is closed');
    const now = clock.now();
    const today = clock.today();
    const decided = {
      decidedAt: now,
      decidedOn: today,
      decidedBy: actor.userId,
      decidedByName: actor.displayName,
      decisionNote: input.note?.trim() || null,
    };
    if (input.decision === 'reject') {
      await tx
        .update(sanctions)
        .set({ status: 'rejected', ...decided })
        .where(eq(sanctions.id, s.id));
      await appendAudit(tx, {
        actor: auditActorOf(actor),
        action: 'procedures.sanction.reject',
        objectType: 'case',
        objectId: c.id,
        detail: { sanctionId: s.id, kind: s.kind },
      });
      return { id: s.id, status: 'rejected', decisionNumber: null, sequence: null };
    }
    const number =
      s.kind === 'refusalReferral'
        ? null
        : await nextDecisionNumber(tx, c.courtCode, Number(today.slice(0, 4)));
    const sequence = s.kind === 'detention' ? await nextDetentionSequence(tx, s.subjectKey) : null;
    await tx
      .update(sanctions)
      .set({
        status: 'decided',
        ...decided,
        decisionNumber: number,
        sequence,
        ...(s.kind === 'detention' && { custodyState: 'awaiting' as const }),
      })
      .where(eq(sanctions.id, s.id));
    await recordSanctionNode(
      tx,
      c,
      {
        kind: NodeKind.obstructionSanctioned,
        note: nodeNote(s, number, sequence),
        sourceKey: `procedures.sanction:${s.id}`,
      },
      { isRequired: true },
    );
    if (s.kind === 'detention' && number !== null) {
      // CPL art. 118, CPL-I art. 180: the detained is handed to public security for custody.
      await queuePoliceRequest(tx, {
        sanctionId: s.id,
        kind: 'detention',
        body: {
          court: actor.court.name,
          caseNumber: c.caseNumber,
          decisionNumber: number,
          person: { name: s.subjectName, idNumber: s.idNumber },
          days: s.days ?? 1,
          place: s.place ?? '',
          decidedOn: today,
        },
      });
    }
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.sanction.approve',
      objectType: 'case',
      objectId: c.id,
      detail: {
        sanctionId: s.id,
        kind: s.kind,
        label: sanctionKindLabels[s.kind].zh,
        decisionNumber: number,
        sequence,
      },
    });
    return { id: s.id, status: 'decided', decisionNumber: number, sequence };
  });
}
