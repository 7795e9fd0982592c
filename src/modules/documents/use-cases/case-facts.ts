import { chinaDateOf } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import type { CaseContext, CaseParty } from '../../cases/index.ts';
import { openCaseAccount, settlementBankName } from '../../funds/index.ts';
import { courtNamesByIds } from '../../identity/index.ts';
import { partyInquirySummary } from '../../inquiry/index.ts';
import type { DocumentFacts, DocumentParty } from '../rules/templates.ts';

function partyOf(p: CaseParty): DocumentParty {
  return {
    name: p.name,
    kind: p.kind,
    idNumber: p.idNumber,
    creditCode: p.creditCode,
    address: p.address,
    legalRepresentative: p.legalRepresentative,
  };
}

export async function courtNameOf(db: DbOrTx, courtId: string): Promise<string> {
  return (await courtNamesByIds(db, [courtId])).get(courtId) ?? '人民法院';
}

/** What a document of the case is filled from: the case, its court, its account and its measures. */
export async function caseFacts(db: Db, c: CaseContext): Promise<DocumentFacts> {
  const [courtName, account, inquiry] = await Promise.all([
    courtNameOf(db, c.courtId),
    // Opened at filing; a notice drafted before that subscriber ran opens it (funds keeps it idempotent).
    db.transaction((tx) => openCaseAccount(tx, c)),
    partyInquirySummary(db, c.id),
  ]);
  return {
    courtName,
    caseNumber: c.caseNumber,
    filedOn: c.filedOn,
    issuedOn: chinaDateOf(clock.now()),
    basis: c.basis,
    applicants: c.applicants.map(partyOf),
    respondents: c.respondents.map(partyOf),
    claimFen: c.claimAmountFen,
    recoveredFen: c.recoveredFen,
    caseAccount: account ? { number: account.accountNumber, bankName: settlementBankName } : null,
    measures: inquiry.measures.map((m) => ({ kind: m.kind, count: m.count, amountFen: m.amountFen })),
    inquiryRounds: inquiry.inquiry.rounds,
    lastInquiryOn: inquiry.inquiry.lastOn,
    dishonestGround: null,
  };
}
