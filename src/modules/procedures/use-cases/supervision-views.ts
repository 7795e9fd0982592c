import { asc, desc, eq, like, type SQL, sql } from 'drizzle-orm';
import { maskIdNumber } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { type CaseParty, loadCaseContext, loadCaseNodes } from '../../cases/index.ts';
import { listCaseDocuments } from '../../documents/index.ts';
import {
  type Actor,
  dataScopePrefix,
  hasRole,
  Role,
  requireRole,
  systemActorFor,
} from '../../identity/index.ts';
import { listControlledAssets, readAssetPositions } from '../../inquiry/index.ts';
import type { TSupervisedCase, TSupervision } from '../supervision-contracts.ts';
import { supervisions } from '../supervision-tables.ts';
import { auditActorOf } from './settlement-store.ts';
import { loadProcuratorateSupervision, supervisionViewsOf } from './supervision-store.ts';

// The supervisions a list shows, those with a reply outstanding first, then the newest.
const listLimit = 500;

/** Supervisions with a recommendation unanswered (past its due day first), then the newest. */
function outstandingFirst(today: string): SQL[] {
  const unanswered = (overdue: SQL) => sql`exists (select 1 from procedures.recommendations r
    where r.supervision_id = ${supervisions.id} and r.replied_at is null ${overdue})`;
  return [
    desc(unanswered(sql`and r.reply_due_on < ${today}::date`)),
    desc(unanswered(sql``)),
    desc(supervisions.placedAt),
  ];
}

/** The purpose of a procurator's read when the request states none. */
export const defaultSupervisionPurpose = '检察监督调阅 / procuratorial supervision';

function overdueFirst(items: TSupervision[]): TSupervision[] {
  return [...items].sort(
    (a, b) => b.overdueReplies - a.overdueReplies || b.awaitingReplies - a.awaitingReplies,
  );
}

/**
 * The supervisions a user may see: a procurator, those of their procuratorate (each list read is
 * audited with its purpose); court staff, those of the cases in their data scope; anyone else,
 * none. Overdue replies first.
 */
export async function listSupervisions(db: Db, actor: Actor, purpose: string): Promise<TSupervision[]> {
  const today = clock.today();
  if (hasRole(actor, Role.procurator)) {
    return db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(supervisions)
        .where(eq(supervisions.procuratorateCourtId, actor.court.id))
        .orderBy(...outstandingFirst(today))
        .limit(listLimit);
      await appendAudit(tx, {
        actor: auditActorOf(actor),
        action: 'procedures.supervision.list',
        objectType: 'procuratorate',
        objectId: actor.court.id,
        purpose,
        detail: { count: rows.length },
      });
      return overdueFirst(await supervisionViewsOf(tx, rows, today));
    });
  }
  const rows = await db
    .select()
    .from(supervisions)
    .where(like(supervisions.courtPath, `${dataScopePrefix(actor)}%`))
    .orderBy(...outstandingFirst(today))
    .limit(listLimit);
  return overdueFirst(await supervisionViewsOf(db, rows, today));
}

/** The supervisions of one case, for the court users who see the case (404 outside the scope). */
export async function listCaseSupervisions(db: Db, actor: Actor, caseId: string): Promise<TSupervision[]> {
  const c = await loadCaseContext(db, actor, caseId);
  const rows = await db
    .select()
    .from(supervisions)
    .where(eq(supervisions.caseId, c.id))
    .orderBy(asc(supervisions.placedAt));
  return supervisionViewsOf(db, rows, clock.today());
}

function partyView(p: CaseParty) {
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    idNumber: p.idNumber === null ? null : maskIdNumber(p.idNumber),
    creditCode: p.creditCode,
  };
}

/** An account or registration number with all but its last 4 characters hidden. */
function maskIdentifier(identifier: string): string {
  const chars = Array.from(identifier);
  const shown = chars.length > 4 ? 4 : 0;
  return '*'.repeat(chars.length - shown) + chars.slice(chars.length - shown).join('');
}

/**
 * 监督规定 (2016): the procuratorate may inspect (调阅) the enforcement file. The procurator reads a
 * case under their procuratorate's supervision — summary, timeline, documents, control measures —
 * read-only and with personal data masked, and every read is audited with its purpose. A case not
 * under their supervision does not exist for them (404). The case is read as its own court (the
 * procurator is outside every court's data scope) only once the supervision is found.
 */
export async function readSupervisedCase(
  db: Db,
  actor: Actor,
  caseId: string,
  purpose: string,
): Promise<TSupervisedCase> {
  requireRole(actor, Role.procurator);
  return db.transaction(async (tx) => {
    const s = await loadProcuratorateSupervision(tx, caseId, actor.court.id);
    const court = await systemActorFor(tx, s.courtId);
    if (!court) throw new Error(`the court of supervised case ${s.caseId} is missing`);
    const c = await loadCaseContext(tx, court, s.caseId);
    const [nodes, documents, controlled, positions, [supervision]] = await Promise.all([
      loadCaseNodes(tx, c.id),
      listCaseDocuments(tx, c.id),
      listControlledAssets(tx, c.id),
      readAssetPositions(tx, { caseId: c.id, caseNumber: c.caseNumber }),
      supervisionViewsOf(tx, [s], clock.today()),
    ]);
    if (!supervision) throw new Error('no view of the supervision');
    const now = clock.now();
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: 'procedures.supervision.read',
      objectType: 'case',
      objectId: c.id,
      purpose,
      detail: { supervisionId: s.id },
    });
    return {
      supervision,
      case: {
        id: c.id,
        caseNumber: c.caseNumber,
        caseType: c.caseType,
        status: c.status,
        courtId: c.courtId,
        filedOn: c.filedOn,
        closedOn: c.closedOn,
        closingType: c.closingType,
        claimAmountFen: c.claimAmountFen,
        recoveredFen: c.recoveredFen,
        basis: c.basis,
        applicants: c.applicants.map(partyView),
        respondents: c.respondents.map(partyView),
      },
      nodes: nodes.map((n) => ({
        id: n.id,
        kind: n.kind,
        occurredOn: n.occurredOn,
        note: n.note,
        actorName: n.actorName,
        documents: n.documents.map((d) => ({ name: d.name })),
      })),
      documents: documents.items.map((d) => ({
        id: d.id,
        template: d.template,
        label: d.label,
        title: d.title,
        number: d.number,
        issuedOn: d.issuedOn,
        sealed: d.sealed,
        served: d.services.length,
      })),
      measures: {
        controlled: controlled.flatMap((a) =>
          a.measureKind === null || a.controlledOn === null
            ? []
            : [
                {
                  assetType: a.assetType,
                  description: a.description,
                  identifier: maskIdentifier(a.identifier),
                  respondentName: a.respondentName,
                  measureKind: a.measureKind,
                  controlledOn: a.controlledOn,
                  valueFen: a.valueFen,
                },
              ],
        ),
        frozenFen: [...positions.values()].reduce((sum, p) => sum + p.frozenHereFen, 0),
      },
      readAt: now.toISOString(),
      purpose,
    };
  });
}
