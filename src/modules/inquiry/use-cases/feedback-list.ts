import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { type CaseContext, loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TAssetQuery } from '../contracts.ts';
import { isMeasureKind, type MeasureKind } from '../rules/asset-types.ts';
import { findChannelDifferences } from '../rules/feedback.ts';
import { maskDigitsIn, maskIdentifier } from '../rules/masking.ts';
import { assets, institutions } from '../tables.ts';
import { loadCaseMeasures, outstandingOf } from './measure-store.ts';

/**
 * The feedback list of a case (查控财产反馈清单): every asset the institutions reported, one row per
 * (respondent, institution, asset), with the measures on it and channel differences flagged. The
 * case team sees it whole; anyone else who may see the case sees identifiers masked. Each view is
 * audited with its purpose.
 */
const orderColumns = {
  answeredAt: assets.answeredAt,
  valueFen: assets.valueFen,
  assetType: assets.assetType,
  institution: assets.institution,
  respondentName: assets.respondentName,
} as const;

export type FeedbackItem = {
  id: string;
  assetType: string;
  institution: string;
  institutionName: string;
  channel: string;
  respondentPartyId: string;
  respondentName: string;
  identifier: string;
  description: string;
  valueFen?: number;
  balanceFen?: number;
  frozenFen?: number;
  availableFen?: number;
  encumbrances: {
    court: string;
    caseNumber: string;
    kind: string;
    amountFen?: number;
    until?: string;
    queuePosition?: number;
  }[];
  answeredAt: string;
  channelDifference: { zh: string; en: string; institutions: string[] } | null;
  measureKinds: MeasureKind[];
  isMasked: boolean;
};

const optional = (n: number | null) => (n === null ? undefined : n);

export async function loadFeedback(tx: DbOrTx, c: CaseContext, query: TAssetQuery): Promise<FeedbackItem[]> {
  const conditions: SQL[] = [eq(assets.caseId, c.id)];
  if (query.respondentPartyId) conditions.push(eq(assets.respondentPartyId, query.respondentPartyId));
  if (query.assetType) conditions.push(eq(assets.assetType, query.assetType));
  const column = orderColumns[query.sort];
  const rows = await tx
    .select({ a: assets, institutionName: institutions.name })
    .from(assets)
    .leftJoin(institutions, eq(institutions.code, assets.institution))
    .where(and(...conditions))
    .orderBy(query.order === 'asc' ? asc(column) : desc(column), asc(assets.id));
  const measureRows = await loadCaseMeasures(tx, c.id);
  const differences = findChannelDifferences(
    rows.map(({ a }) => ({
      id: a.id,
      assetType: a.assetType,
      identifier: a.identifier,
      institution: a.institution,
      channel: a.channel,
      valueFen: a.valueFen,
      balanceFen: a.balanceFen,
      encumbranceCount: a.encumbrances.length,
    })),
  );
  const isMasked = !c.isTeamMember;
  return rows.map(({ a, institutionName }) => ({
    id: a.id,
    assetType: a.assetType,
    institution: a.institution,
    institutionName: institutionName ?? a.institution,
    channel: a.channel,
    respondentPartyId: a.respondentPartyId,
    respondentName: a.respondentName,
    identifier: isMasked ? maskIdentifier(a.identifier) : a.identifier,
    description: isMasked ? maskDigitsIn(a.description) : a.description,
    valueFen: optional(a.valueFen),
    balanceFen: optional(a.balanceFen),
    frozenFen: optional(a.frozenFen),
    availableFen: optional(a.availableFen),
    encumbrances: a.encumbrances,
    answeredAt: a.answeredAt.toISOString(),
    channelDifference: differences.get(a.id) ?? null,
    measureKinds: measureRows
      .filter(
        (m) =>
          m.assetId === a.id && (m.state === 'inForce' || m.state === 'queued' || m.state === 'requested'),
      )
      .flatMap((m) => (isMeasureKind(m.kind) ? [m.kind] : [])),
    isMasked,
  }));
}

export async function listAssets(db: Db, actor: Actor, caseId: string, query: TAssetQuery, purpose: string) {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    const items = await loadFeedback(tx, c, query);
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'inquiry.assets.view',
      objectType: 'case',
      objectId: c.id,
      purpose,
      detail: { items: items.length, isMasked: !c.isTeamMember },
    });
    return {
      items,
      isMasked: !c.isTeamMember,
      outstandingClaimFen: outstandingOf(c, await loadCaseMeasures(tx, c.id)),
    };
  });
}
