import type { DbOrTx } from '../../../platform/db.ts';
import type { Actor } from '../../identity/index.ts';
import { loadCaseInScope, loadParties, type PartyRow } from '../case-store.ts';
import { isTeamMember } from '../policy.ts';

export type CaseParty = Pick<
  PartyRow,
  | 'id'
  | 'role'
  | 'kind'
  | 'name'
  | 'idNumber'
  | 'creditCode'
  | 'phone'
  | 'address'
  | 'legalRepresentative'
  | 'liabilityLimitFen'
>;

/**
 * What other modules (inquiry, credit, funds …) may know of a case: its identity, status, claim,
 * team and parties. Loading it applies the data scope (outside it, 404), so a module that starts
 * from a case id gets the same visibility rule as the case page.
 */
export type CaseContext = {
  id: string;
  caseNumber: string;
  caseType: string;
  courtId: string;
  courtCode: string;
  courtPath: string;
  status: string;
  closingType: string | null;
  closedOn: string | null;
  filedOn: string;
  claimAmountFen: number;
  recoveredFen: number;
  basis: { kind: string; documentNumber: string; issuedBy: string; effectiveDate: string };
  team: {
    judgeId: string | null;
    assistantId: string | null;
    bailiffId: string | null;
    clerkId: string | null;
  };
  isTeamMember: boolean;
  applicants: CaseParty[];
  respondents: CaseParty[];
};

export async function loadCaseContext(
  db: DbOrTx,
  actor: Actor,
  caseId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CaseContext> {
  const c = await loadCaseInScope(db, actor, caseId, opts);
  const parties = (await loadParties(db, c.id)).map((p) => ({
    id: p.id,
    role: p.role,
    kind: p.kind,
    name: p.name,
    idNumber: p.idNumber,
    creditCode: p.creditCode,
    phone: p.phone,
    address: p.address,
    legalRepresentative: p.legalRepresentative,
    liabilityLimitFen: p.liabilityLimitFen,
  }));
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    caseType: c.caseType,
    courtId: c.courtId,
    courtCode: c.courtCode,
    courtPath: c.courtPath,
    status: c.status,
    closingType: c.closingType,
    closedOn: c.closedOn,
    filedOn: c.filedOn,
    claimAmountFen: c.claimAmountFen,
    recoveredFen: c.recoveredFen,
    basis: {
      kind: c.basisKind,
      documentNumber: c.basisDocumentNumber,
      issuedBy: c.basisIssuedBy,
      effectiveDate: c.basisEffectiveDate,
    },
    team: { judgeId: c.judgeId, assistantId: c.assistantId, bailiffId: c.bailiffId, clerkId: c.clerkId },
    isTeamMember: isTeamMember(actor, c),
    applicants: parties.filter((p) => p.role === 'applicant'),
    respondents: parties.filter((p) => p.role === 'respondent'),
  };
}
