import { eq } from 'drizzle-orm';
import { maskIdNumber } from '../../../kernel/index.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { assetTypeLabels, isAssetType } from '../rules/asset-types.ts';
import { maskIdentifier } from '../rules/masking.ts';
import { relations } from '../tables.ts';
import { loadFeedback } from './feedback-list.ts';

const relationLabels: Record<string, string> = {
  legalRepresentative: '法定代表人',
  shareholder: '股东',
  investment: '对外投资',
  spouse: '配偶',
};

/**
 * The asset-clue graph (财产线索图): each respondent, its assets, and the people and companies the
 * institutions named around it (legal representative, shareholders, investments, spouse).
 */
export async function getAssetGraph(db: Db, actor: Actor, caseId: string, purpose: string) {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    const isMasked = !c.isTeamMember;
    const items = await loadFeedback(tx, c, { sort: 'assetType', order: 'asc' });
    const related = await tx.select().from(relations).where(eq(relations.caseId, c.id));
    const nodes: {
      id: string;
      kind: 'respondent' | 'asset' | 'person' | 'company';
      label: string;
      assetType?: string;
      valueFen?: number;
      isControlled?: boolean;
    }[] = [];
    const links: { source: string; target: string; kind: string; label: string }[] = [];
    for (const r of c.respondents) nodes.push({ id: `p:${r.id}`, kind: 'respondent', label: r.name });
    const assetNodes = new Map<string, string>();
    for (const a of items) {
      // One node per asset, however many institutions reported it.
      const key = `${a.respondentPartyId}\u0000${a.assetType}\u0000${a.identifier}`;
      let id = assetNodes.get(key);
      if (!id) {
        id = `a:${a.id}`;
        assetNodes.set(key, id);
        const typeLabel = isAssetType(a.assetType) ? assetTypeLabels[a.assetType].zh : a.assetType;
        nodes.push({
          id,
          kind: 'asset',
          label: `${typeLabel}·${a.description}`,
          assetType: a.assetType,
          valueFen: a.valueFen,
          isControlled: a.measureKinds.length > 0,
        });
        links.push({ source: `p:${a.respondentPartyId}`, target: id, kind: 'owns', label: '名下财产' });
      } else if (a.measureKinds.length > 0) {
        const node = nodes.find((n) => n.id === id);
        if (node) node.isControlled = true;
      }
    }
    const others = new Map<string, string>();
    for (const r of related) {
      const identity = r.creditCode ?? r.idNumber ?? r.name;
      let id = others.get(identity);
      if (!id) {
        id = `r:${r.id}`;
        others.set(identity, id);
        const isCompany = r.creditCode !== null || r.kind === 'investment';
        const shown = isMasked
          ? r.idNumber
            ? maskIdNumber(r.idNumber)
            : r.creditCode
              ? maskIdentifier(r.creditCode)
              : ''
          : (r.idNumber ?? r.creditCode ?? '');
        nodes.push({
          id,
          kind: isCompany ? 'company' : 'person',
          label: shown ? `${r.name}（${shown}）` : r.name,
        });
      }
      const share = r.sharePct === null ? '' : ` ${r.sharePct}%`;
      links.push({
        source: `p:${r.respondentPartyId}`,
        target: id,
        kind: r.kind,
        label: `${relationLabels[r.kind] ?? r.kind}${share}`,
      });
    }
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'inquiry.graph.view',
      objectType: 'case',
      objectId: c.id,
      purpose,
      detail: { nodes: nodes.length, isMasked },
    });
    return { nodes, links };
  });
}
