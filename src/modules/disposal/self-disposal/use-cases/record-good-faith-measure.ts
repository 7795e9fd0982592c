import { randomUUID } from 'node:crypto';
import { formatYuan } from '../../../../kernel/index.ts';
import { clock } from '../../../../platform/clock.ts';
import type { Db } from '../../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../../platform/errors.ts';
import { appendAudit } from '../../../audit/index.ts';
import { loadCaseContext } from '../../../cases/index.ts';
import type { Actor } from '../../../identity/index.ts';
import type { TGoodFaithMeasure, TSealedFinancing, TSealSubstitution } from '../contracts.ts';
import { assertCaseJudge } from '../policy.ts';
import { isApprovalGrounded } from '../rules/good-faith.ts';
import { type GoodFaithMeasureRow, goodFaithMeasures } from '../tables.ts';
import { requireSealedAsset } from './sealed-asset.ts';
import { auditActorOf, recordCaseStep } from './self-disposal-store.ts';

type Measure =
  | { kind: 'sealSubstitution'; input: TSealSubstitution }
  | { kind: 'sealedFinancing'; input: TSealedFinancing };

const securityLabels = { cash: '保证金', guarantee: '保函或保证', property: '其他财产' } as const;

function showMeasure(row: GoodFaithMeasureRow): TGoodFaithMeasure {
  return {
    id: row.id,
    caseId: row.caseId,
    kind: row.kind,
    state: 'recorded',
    assetId: row.assetId,
    security:
      row.securityKind !== null && row.securityDescription !== null
        ? { kind: row.securityKind, description: row.securityDescription, amountFen: row.amountFen }
        : null,
    lender: row.lender,
    amountFen: row.amountFen,
    applicantConsent: row.applicantConsent,
    reviewNote: row.reviewNote,
    recordedOn: row.recordedOn,
    recordedByName: row.recordedByName,
  };
}

function noteOf(m: Measure, assetDescription: string): string {
  const asset = assetDescription.slice(0, 80);
  const basis = m.input.applicantConsent ? '经申请执行人同意' : '经法院审查';
  if (m.kind === 'sealSubstitution') {
    const s = m.input.security;
    return `${basis}，以${securityLabels[s.kind]}（¥${formatYuan(s.amountFen)}）置换对${asset}的查封`;
  }
  return `${basis}，准许以查封的${asset}向${m.input.lender.slice(0, 60)}融资¥${formatYuan(m.input.amountFen)}`;
}

/**
 * 善意文明执行 — replacing a seal by adequate security (查封置换) or letting the respondent finance
 * with sealed property (查封财产融资), recorded on the case: allowed with the applicant's consent
 * or, without it, on the judge's review, whose note is then required (400 naming `reviewNote`).
 * The asset must be sealed or seized in this case (400 naming `assetId`); only the case judge
 * records it (403), outside the data scope 404. One transaction: the record, the node, the audit.
 */
export async function recordGoodFaithMeasure(
  db: Db,
  actor: Actor,
  caseId: string,
  m: Measure,
): Promise<TGoodFaithMeasure> {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId, { forUpdate: true });
    assertCaseJudge(actor, c);
    if (c.status === 'closed') throw new AppError(ErrorCode.conflict, bi('案件已结案', 'The case is closed'));
    if (!isApprovalGrounded(m.input)) {
      throw invalidField(
        'reviewNote',
        '申请执行人未同意的，须写明法院审查意见（不损害申请执行人利益的理由）',
        'Without the applicant’s consent the court’s review must say why the applicant is not harmed',
      );
    }
    const asset = await requireSealedAsset(tx, c.id, m.input.assetId);
    const today = clock.today();
    const id = randomUUID();
    const [row] = await tx
      .insert(goodFaithMeasures)
      .values({
        id,
        caseId: c.id,
        courtId: c.courtId,
        assetId: asset.assetId,
        kind: m.kind,
        securityKind: m.kind === 'sealSubstitution' ? m.input.security.kind : null,
        securityDescription: m.kind === 'sealSubstitution' ? m.input.security.description : null,
        lender: m.kind === 'sealedFinancing' ? m.input.lender : null,
        amountFen: m.kind === 'sealSubstitution' ? m.input.security.amountFen : m.input.amountFen,
        applicantConsent: m.input.applicantConsent,
        reviewNote: m.input.reviewNote ?? null,
        recordedOn: today,
        recordedBy: actor.userId,
        recordedByName: actor.displayName,
        createdAt: clock.now(),
      })
      .returning();
    if (!row) throw new Error(`good-faith measure ${id} was not written`);
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: `disposal.good-faith.${m.kind === 'sealSubstitution' ? 'seal-substitution' : 'sealed-financing'}`,
      objectType: 'case',
      objectId: c.id,
      detail: {
        measureId: id,
        assetId: asset.assetId,
        amountFen: row.amountFen,
        applicantConsent: row.applicantConsent,
      },
    });
    await recordCaseStep(tx, actor, c.id, {
      note: noteOf(m, asset.description),
      occurredOn: today,
      sourceKey: `disposal.good-faith:${id}`,
    });
    return showMeasure(row);
  });
}
