import { asc, eq, inArray } from 'drizzle-orm';
import { type Bilingual, maskIdNumber } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import {
  custodyOn,
  detentionSequenceLabel,
  isReviewDecisionLate,
  maxDetentionDays,
  maxPersonFineFen,
  maxUnitFineFen,
  minUnitFineFen,
  referralReplyDays,
  referralStanding,
  reviewApplicationDays,
  reviewDecisionDays,
  sanctionKindLabels,
} from '../rules/sanctions.ts';
import type { TSanction } from '../sanction-contracts.ts';
import {
  finePayments,
  policeRequests,
  type SanctionStatus,
  sanctionReviews,
  sanctions,
} from '../sanction-tables.ts';
import type { SanctionRow } from './sanction-store.ts';

const statusLabels: Readonly<Record<SanctionStatus, Bilingual>> = {
  proposed: { zh: '待院长批准', en: 'Awaiting approval' },
  decided: { zh: '已决定', en: 'Decided' },
  rejected: { zh: '未批准', en: 'Not approved' },
  revoked: { zh: '复议撤销', en: 'Revoked on review' },
};

const fineNote: Bilingual = {
  zh: '罚款缴入法院非税收入账户并上缴国库，不经案款账户',
  en: "Paid into the court's non-tax revenue account for the treasury, not through the case account",
};

type PaymentRow = typeof finePayments.$inferSelect;
type ReviewRow = typeof sanctionReviews.$inferSelect;
type RequestRow = typeof policeRequests.$inferSelect;

function detentionOf(s: SanctionRow, requests: RequestRow[], today: string): TSanction['detention'] {
  if (s.kind !== 'detention') return null;
  const order = requests.find((r) => r.kind === 'detention');
  const release = requests.find((r) => r.kind === 'release');
  const isAdmitted = s.custodyStartOn !== null && s.custodyEndOn !== null;
  return {
    sequence: s.sequence,
    sequenceLabel: s.sequence === null ? null : detentionSequenceLabel(s.sequence),
    order: order ? { state: order.state, attempts: order.attempts, lastError: order.lastError } : null,
    custody: s.custodyState,
    standing:
      isAdmitted &&
      s.custodyEndOn !== null &&
      (s.custodyState === 'admitted' || s.custodyState === 'released')
        ? custodyOn({ endOn: s.custodyEndOn, releasedOn: s.releasedOn }, today)
        : null,
    place: s.custodyPlace,
    startDate: s.custodyStartOn,
    endDate: s.custodyEndOn,
    refusalReason: s.custodyRefusal,
    release:
      s.releaseDecidedAt === null
        ? null
        : {
            decidedAt: s.releaseDecidedAt.toISOString(),
            decidedBy: s.releaseDecidedByName ?? '',
            note: s.releaseNote ?? '',
            state: release?.state ?? null,
            releasedOn: s.releasedOn,
            refusalReason: s.releaseRefusal,
          },
  };
}

function fineOf(s: SanctionRow, payments: PaymentRow[]): TSanction['fine'] {
  if (s.kind !== 'fine' || s.amountFen === null) return null;
  const paidFen = payments.reduce((total, p) => total + p.amountFen, 0);
  return {
    amountFen: s.amountFen,
    paidFen,
    outstandingFen: s.amountFen - paidFen,
    isPaid: paidFen >= s.amountFen,
    payments: payments.map((p) => ({
      id: p.id,
      paidOn: p.paidOn,
      amountFen: p.amountFen,
      note: p.note,
      recordedAt: p.recordedAt.toISOString(),
      recordedBy: p.recordedByName,
    })),
    note: fineNote,
  };
}

function reviewOf(r: ReviewRow | undefined, today: string): TSanction['review'] {
  if (!r) return null;
  return {
    receivedOn: r.receivedOn,
    appliedOn: r.appliedOn,
    decideBy: r.decideBy,
    isDecisionLate: isReviewDecisionLate(r.appliedOn, r.decidedOn ?? today),
    note: r.applicationNote,
    appliedBy: r.appliedByName,
    outcome: r.outcome,
    decidedOn: r.decidedOn,
    decidedBy: r.decidedByName === null ? null : `${r.decidedByCourt ?? ''} ${r.decidedByName}`.trim(),
    decisionNote: r.decisionNote,
  };
}

function referralOf(s: SanctionRow, today: string): TSanction['referral'] {
  if (s.kind !== 'refusalReferral' || s.status !== 'decided' || s.decidedOn === null) return null;
  return {
    transferredOn: s.decidedOn,
    ...referralStanding(s.decidedOn, s.referralRepliedOn, today),
    reply: s.referralReply,
    repliedOn: s.referralRepliedOn,
    replyNote: s.referralReplyNote,
  };
}

function viewOf(
  s: SanctionRow,
  related: { payments: PaymentRow[]; review: ReviewRow | undefined; requests: RequestRow[] },
  opts: { today: string; isTeamMember: boolean },
): TSanction {
  return {
    id: s.id,
    caseId: s.caseId,
    kind: s.kind,
    kindLabel: sanctionKindLabels[s.kind],
    status: s.status,
    statusLabel: statusLabels[s.status],
    subject: {
      kind: s.subjectKind,
      partyId: s.partyId,
      name: s.subjectName,
      isOrganisation: s.subjectType === 'organisation',
      idNumber: s.idNumber === null || opts.isTeamMember ? s.idNumber : maskIdNumber(s.idNumber),
      creditCode: s.creditCode,
    },
    act: { description: s.actDescription, occurredOn: s.actOn },
    amountFen: s.amountFen,
    days: s.days,
    place: s.place,
    proposedAt: s.proposedAt.toISOString(),
    proposedBy: s.proposedByName,
    decision:
      s.decidedAt === null || s.decidedOn === null
        ? null
        : {
            decidedAt: s.decidedAt.toISOString(),
            decidedOn: s.decidedOn,
            decidedBy: s.decidedByName ?? '',
            note: s.decisionNote,
            number: s.decisionNumber,
          },
    detention: detentionOf(s, related.requests, opts.today),
    fine: fineOf(s, related.payments),
    review: reviewOf(related.review, opts.today),
    referral: referralOf(s, opts.today),
  };
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(keyOf(r), [...(out.get(keyOf(r)) ?? []), r]);
  return out;
}

/**
 * The sanctions of a case for everyone who sees it (ID numbers masked outside the case team, the
 * read audited with its purpose): each with its decision, the person's detention count and public
 * security's answers, the fine's payments, the review and its days, the referral's 60 days.
 */
export async function listCaseSanctions(db: Db, actor: Actor, caseId: string, purpose: string) {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    const today = clock.today();
    const rows = await tx
      .select()
      .from(sanctions)
      .where(eq(sanctions.caseId, c.id))
      .orderBy(asc(sanctions.proposedAt), asc(sanctions.id));
    const ids = rows.map((r) => r.id);
    const [payments, reviews, requests] =
      ids.length === 0
        ? [[], [], []]
        : await Promise.all([
            tx
              .select()
              .from(finePayments)
              .where(inArray(finePayments.sanctionId, ids))
              .orderBy(asc(finePayments.paidOn), asc(finePayments.recordedAt)),
            tx.select().from(sanctionReviews).where(inArray(sanctionReviews.sanctionId, ids)),
            tx.select().from(policeRequests).where(inArray(policeRequests.sanctionId, ids)),
          ]);
    const paymentsOf = groupBy(payments, (p) => p.sanctionId);
    const requestsOf = groupBy(requests, (r) => r.sanctionId);
    const items = rows.map((s) =>
      viewOf(
        s,
        {
          payments: paymentsOf.get(s.id) ?? [],
          review: reviews.find((r) => r.sanctionId === s.id),
          requests: requestsOf.get(s.id) ?? [],
        },
        { today, isTeamMember: c.isTeamMember },
      ),
    );
    if (rows.length > 0) {
      await appendAudit(tx, {
        actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
        action: 'procedures.sanction.read',
        objectType: 'case',
        objectId: c.id,
        purpose,
        detail: { sanctions: rows.length, isTeamMember: c.isTeamMember },
      });
    }
    return {
      items,
      rules: {
        maxPersonFineFen,
        minUnitFineFen,
        maxUnitFineFen,
        maxDetentionDays,
        reviewApplicationDays,
        reviewDecisionDays,
        referralReplyDays,
      },
    };
  });
}
