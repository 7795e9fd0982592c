import { NodeKind, recordNode } from '../modules/cases/index.ts';
import { loadActorByUserId } from '../modules/identity/index.ts';
import { caseInquiryCompleted, measureTookEffect } from '../modules/inquiry/index.ts';
import type { Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { defineSubscriber, on } from '../platform/events.ts';

/**
 * Inquiry → cases: records on the case timeline the nodes that online inquiry produces, in the
 * name of the officer who launched it — "online inquiry done" (网络查控完毕) when an officer's case
 * inquiry finishes with answers, and "assets controlled" (财产控制, with the notice for the dossier)
 * when a freeze, seal or seizure takes effect.
 *
 * Each node is written in the event's delivery transaction, which also marks the delivery done,
 * and carries the key of what caused it: a crash before the commit leaves nothing, and a second
 * delivery finds the node already there. A node the case no longer accepts (a closed case, an
 * officer who left the team) is not recorded.
 */
async function recordFor(
  tx: Tx,
  input: {
    caseId: string;
    officerId: string;
    kind: string;
    note: string;
    documents: { name: string }[];
    sourceKey: string;
  },
): Promise<void> {
  const actor = await loadActorByUserId(tx, input.officerId);
  if (!actor) return;
  try {
    await recordNode(
      tx,
      actor,
      input.caseId,
      { kind: input.kind, note: input.note.slice(0, 500), documents: input.documents },
      { sourceKey: input.sourceKey },
    );
  } catch (err) {
    // The case refuses the node (closed, out of the officer's hands): nothing to record.
    if (!(err instanceof AppError)) throw err;
  }
}

export const inquiryCaseNodes = defineSubscriber(
  'flows.inquiry-case-nodes',
  on(caseInquiryCompleted, async (tx, p) => {
    if (p.kind === 'requery' || p.requestedBy === null || p.answeredCount === 0) return;
    await recordFor(tx, {
      caseId: p.caseId,
      officerId: p.requestedBy,
      kind: NodeKind.onlineInquiryDone,
      note: `网络查控：${p.answeredCount} 项查询已反馈，发现可供执行财产 ${p.foundCount} 项`,
      documents: [],
      sourceKey: `inquiry.case-inquiry:${p.caseInquiryId}`,
    });
  }),
  on(measureTookEffect, async (tx, p) => {
    await recordFor(tx, {
      caseId: p.caseId,
      officerId: p.requestedBy,
      kind: NodeKind.assetControlled,
      note: p.documentName,
      documents: [{ name: p.documentName }],
      sourceKey: `inquiry.measure:${p.measureId}`,
    });
  }),
);
