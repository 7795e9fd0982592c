import { and, eq } from 'drizzle-orm';
import { calendarDaysBetween, chinaDateOf } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { assetTypeValues, isAssetType } from '../rules/asset-types.ts';
import { controlPeriodYearsOf, isExpiringSoon, maxUntilOf } from '../rules/control-periods.ts';
import { maskDigitsIn } from '../rules/masking.ts';
import { assets, measures } from '../tables.ts';
import { institutionNames } from './institution-names.ts';
import { loadCaseMeasures, outstandingOf } from './measure-store.ts';

/** The case's measures with their expiry warnings, and the statutory limits to show beside the buttons. */
export async function listMeasures(db: Db, actor: Actor, caseId: string, opts: { now?: Date } = {}) {
  const today = chinaDateOf(opts.now ?? clock.now());
  const c = await loadCaseContext(db, actor, caseId);
  const rows = await loadCaseMeasures(db, c.id);
  const assetRows = await db.select().from(assets).where(eq(assets.caseId, c.id));
  const assetById = new Map(assetRows.map((a) => [a.id, a]));
  const names = await institutionNames(
    db,
    rows.map((m) => m.institution),
  );
  const items = rows.map((m) => {
    const asset = assetById.get(m.assetId);
    const isLive = m.state === 'inForce' || m.state === 'queued';
    const isControl = m.kind === 'freeze' || m.kind === 'seal' || m.kind === 'seize';
    const assetType = asset?.assetType ?? '';
    return {
      id: m.id,
      assetId: m.assetId,
      kind: m.kind,
      targetMeasureId: m.targetMeasureId,
      state: m.state,
      institution: m.institution,
      institutionName: names.get(m.institution) ?? m.institution,
      assetType,
      assetDescription: asset?.description ?? '',
      requestedFen: m.requestedFen,
      amountFen: m.amountFen,
      deductedFen: m.deductedFen,
      until: m.until,
      maxRenewalUntil:
        isLive && isControl && m.until && isAssetType(assetType) ? maxUntilOf(assetType, m.until) : null,
      queuePosition: m.queuePosition,
      reason: m.reason,
      documentName: m.documentName,
      createdAt: m.createdAt.toISOString(),
      answeredAt: m.answeredAt?.toISOString() ?? null,
      isExpiringSoon: isLive && isControl && m.until !== null && isExpiringSoon(m.until, today),
      daysLeft: isLive && m.until ? calendarDaysBetween(today, m.until) : null,
    };
  });
  return {
    items,
    outstandingClaimFen: outstandingOf(c, rows),
    limits: assetTypeValues.map((t) => ({
      assetType: t,
      years: controlPeriodYearsOf(t),
      maxUntil: maxUntilOf(t, today),
    })),
  };
}

/**
 * A measure's notice document (kept for the dossier); reading it is audited. The notice names the
 * respondent's ID number and account: whole for the case team, masked for anyone else who may see
 * the case — as the asset list masks them.
 */
export async function getMeasureDocument(db: Db, actor: Actor, measureId: string, purpose: string) {
  if (!isUuid(measureId)) throw notFound('措施', 'Measure');
  const [m] = await db
    .select()
    .from(measures)
    .where(and(eq(measures.id, measureId)));
  if (!m) throw notFound('措施', 'Measure');
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, m.caseId);
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'inquiry.document.view',
      objectType: 'case',
      objectId: c.id,
      purpose,
      detail: { measureId, isMasked: !c.isTeamMember },
    });
    return { name: m.documentName, text: c.isTeamMember ? m.documentText : maskDigitsIn(m.documentText) };
  });
}
