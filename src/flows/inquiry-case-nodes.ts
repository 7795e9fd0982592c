import { z } from 'zod';
import { NodeKind, recordNode } from '../modules/cases/index.ts';
import { loadActorByUserId } from '../modules/identity/index.ts';
import { listDueCaseNodes, markCaseNode } from '../modules/inquiry/index.ts';
import { AppError } from '../platform/errors.ts';
import { defineJob } from '../platform/jobs.ts';

/**
 * Inquiry → cases: records the case nodes that online inquiry produces, in the name of the officer
 * who launched it — "online inquiry done" (网络查控完毕) when a case inquiry finishes, and "assets
 * controlled" (财产控制, with the notice document for the dossier) when a measure takes effect.
 * A node the case no longer accepts (closed case, officer left the team) is skipped.
 */
export const recordInquiryNodesJob = defineJob({
  name: 'flows.inquiry-case-nodes',
  payload: z.object({ slot: z.string() }),
  schedule: { cron: '* * * * *' },
  retryLimit: 1,
  async handle(ctx) {
    const db = ctx.database.db;
    for (const node of await listDueCaseNodes(db)) {
      const actor = node.requestedBy ? await loadActorByUserId(db, node.requestedBy) : null;
      if (!actor) {
        await markCaseNode(db, node, 'skipped');
        continue;
      }
      try {
        await recordNode(db, actor, node.caseId, {
          kind: node.source === 'caseInquiry' ? NodeKind.onlineInquiryDone : NodeKind.assetControlled,
          note: node.note.slice(0, 500),
          documents: node.documentName ? [{ name: node.documentName }] : [],
        });
        await markCaseNode(db, node, 'recorded');
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        ctx.logger.info({ caseId: node.caseId, err: err.message }, 'inquiry node not recorded');
        await markCaseNode(db, node, 'skipped');
      }
    }
  },
});
