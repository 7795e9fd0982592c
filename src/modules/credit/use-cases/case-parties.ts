import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { invalidField } from '../../../platform/errors.ts';
import { type CaseContext, type CaseParty, loadCaseNodes, NodeKind } from '../../cases/index.ts';
import type { ListingFacts, RespondentKind } from '../rules/grounds.ts';
import { type DeclaredExclusions, restrictions } from '../tables.ts';

/** A respondent of the case, or a 400 naming `path`. */
export function findRespondent(c: CaseContext, respondentId: string, path = 'respondentId'): CaseParty {
  const found = c.respondents.find((p) => p.id === respondentId);
  if (!found) throw invalidField(path, '不是本案被执行人', 'Not a respondent of this case');
  return found;
}

/** The respondent as the listing rules see it. */
export function eligibilitySubjectOf(p: CaseParty): { kind: RespondentKind; idNumber: string | null } {
  const kind: RespondentKind = p.kind === 'natural' ? 'natural' : p.kind === 'legal' ? 'legal' : 'other';
  return { kind, idNumber: p.idNumber };
}

/** An applicant of the case (the first one by default), or a 400 naming `path`. */
export function findApplicant(
  c: CaseContext,
  applicantId: string | undefined,
  path = 'applicantId',
): CaseParty {
  const found = applicantId === undefined ? c.applicants[0] : c.applicants.find((p) => p.id === applicantId);
  if (!found) throw invalidField(path, '不是本案申请执行人', 'Not an applicant of this case');
  return found;
}

/** The same applicant across cases (a restored case has new party rows): its identifier, else the party. */
export function applicantKeyOf(p: CaseParty): string {
  return p.idNumber ?? p.creditCode ?? `party:${p.id}`;
}

export async function hasSettlementNode(tx: DbOrTx, caseId: string): Promise<boolean> {
  const nodes = await loadCaseNodes(tx, caseId);
  return nodes.some((n) => n.kind === NodeKind.settlementReached);
}

/** What the case and the credit records know for the art. 1 and art. 3 checks. */
export async function gatherListingFacts(
  tx: DbOrTx,
  c: CaseContext,
  respondentId: string,
  declared: DeclaredExclusions,
): Promise<ListingFacts> {
  const securityLift = await tx
    .select({ id: restrictions.id })
    .from(restrictions)
    .where(
      and(
        eq(restrictions.caseId, c.id),
        eq(restrictions.respondentPartyId, respondentId),
        eq(restrictions.liftGround, 'security'),
      ),
    )
    .limit(1);
  return {
    claimAmountFen: c.claimAmountFen,
    recoveredFen: c.recoveredFen,
    caseStatus: c.status,
    hasSettlement: await hasSettlementNode(tx, c.id),
    hasAdequateSecurity: declared.hasAdequateSecurity === true || securityLift.length > 0,
    controlledPropertyFen: declared.controlledPropertyFen ?? 0,
    isDueInOrderOfPerformance: declared.isDueInOrderOfPerformance ?? true,
  };
}
