import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { partyCaseProgress } from '../../cases/index.ts';
import { partyMoneyOf } from '../../funds/index.ts';
import { partyInquirySummary } from '../../inquiry/index.ts';
import type { TPartyCase, TPartyCaseSummary } from '../contracts.ts';
import type { PortalUser } from '../portal-auth.ts';
import { accessibleCases, type CaseAccess, loadCaseAccess } from './party-access.ts';

/**
 * The portal's cases: a party's own, a lawyer's those of the parties they represent, with the
 * progress a party is entitled to see (nodes without the team's notes, deadlines, measures and
 * money in summary). The court's 12368 litigation service line is the team's public channel.
 */
const serviceLine = '12368 诉讼服务热线 / 12368 court service line';

function summaryOf(
  access: CaseAccess,
  p: Awaited<ReturnType<typeof partyCaseProgress>>[number],
): TPartyCaseSummary {
  return {
    id: p.id,
    caseNumber: p.caseNumber,
    status: p.status,
    statusLabel: p.statusLabel,
    court: p.court,
    filedOn: p.filedOn,
    role: access.role,
    claimFen: p.claimFen,
    nodes: p.nodes,
  };
}

export async function listPartyCases(db: Db, user: PortalUser): Promise<TPartyCaseSummary[]> {
  const accesses = await accessibleCases(db, user);
  const progress = await partyCaseProgress(
    db,
    accesses.map((a) => a.caseId),
  );
  const byId = new Map(progress.map((p) => [p.id, p]));
  return accesses.flatMap((a) => {
    const p = byId.get(a.caseId);
    return p ? [summaryOf(a, p)] : [];
  });
}

export async function getPartyCase(db: Db, user: PortalUser, caseId: string): Promise<TPartyCase> {
  const access = await loadCaseAccess(db, user, caseId);
  const [[p], money, inquiry] = await Promise.all([
    partyCaseProgress(db, [caseId]),
    partyMoneyOf(db, caseId),
    partyInquirySummary(db, caseId),
  ]);
  if (!p) throw new Error(`case ${caseId} has a seat but no row`);
  await appendAudit(db, {
    actor: null,
    action: 'disclosure.case.read',
    objectType: 'case',
    objectId: caseId,
    detail: { by: access.submitter.kind, id: access.submitter.id.slice(0, 6) },
  });
  return {
    ...summaryOf(access, p),
    basis: p.basis,
    parties: p.parties,
    deadlines: p.deadlines,
    measures: inquiry.measures,
    inquiry: inquiry.inquiry,
    funds: money,
    documents: [],
    team: { ...p.team, contact: serviceLine },
  };
}
