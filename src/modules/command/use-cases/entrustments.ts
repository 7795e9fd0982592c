import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { compareIsoDates } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField, notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { type Actor, getCourt, isInScope, Role, userIdsWithRole } from '../../identity/index.ts';
import { queueInApp } from '../../notify/index.ts';
import { entrustmentOfficers, requireAnyRole } from '../policy.ts';
import { type EntrustmentMatter, entrustmentMatterLabels } from '../rules/entrustment.ts';
import { resolveCourt } from './courts.ts';

/**
 * Entrustment (事项委托): a case's team asks another court to do a matter on its ground — serve
 * documents, investigate, seal, seize — with the documents attached. The receiving court accepts it
 * and reports the result with receipts; it sees the matter and its documents, never the rest of the
 * case (its data scope is unchanged). Any other court is told it does not exist.
 */

type EntrustmentRow = {
  id: string;
  case_id: string;
  case_number: string;
  from_court_id: string;
  from_court_path: string;
  to_court_id: string;
  to_court_path: string;
  matter: EntrustmentMatter;
  details: string;
  documents: { name: string }[];
  due_on: string;
  state: 'sent' | 'accepted' | 'completed';
  requested_by_name: string;
  requested_on: string;
  accepted_by_name: string | null;
  accepted_on: string | null;
  completed_by_name: string | null;
  completed_on: string | null;
  result: string | null;
  receipts: { name: string }[];
  from_court_name: string;
  to_court_name: string;
};

const columns = sql`e.id, e.case_id, e.case_number, e.from_court_id, e.from_court_path, e.to_court_id, e.to_court_path,
  e.matter, e.details, e.documents, e.due_on::text, e.state, e.requested_by_name, e.requested_on::text,
  e.accepted_by_name, e.accepted_on::text, e.completed_by_name, e.completed_on::text, e.result, e.receipts,
  e.from_court_name, e.to_court_name`;

function toView(e: EntrustmentRow, today: string) {
  return {
    id: e.id,
    caseId: e.case_id,
    caseNumber: e.case_number,
    fromCourt: { id: e.from_court_id, name: e.from_court_name },
    toCourt: { id: e.to_court_id, name: e.to_court_name },
    matter: e.matter,
    details: e.details,
    documents: e.documents,
    dueDate: e.due_on,
    state: e.state,
    isOverdue: e.state !== 'completed' && compareIsoDates(today, e.due_on) > 0,
    requestedBy: e.requested_by_name,
    requestedOn: e.requested_on,
    acceptedBy: e.accepted_by_name,
    acceptedOn: e.accepted_on,
    completedBy: e.completed_by_name,
    completedOn: e.completed_on,
    result: e.result,
    receipts: e.receipts,
  };
}

function auditActor(actor: Actor) {
  return { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id };
}

export async function requestEntrustment(
  db: Db,
  actor: Actor,
  input: {
    caseId: string;
    toCourt: string;
    matter: EntrustmentMatter;
    details: string;
    dueDate: string;
    documents?: { name: string }[];
  },
) {
  const today = clock.today();
  if (compareIsoDates(input.dueDate, today) < 0)
    throw invalidField('dueDate', '办理期限不能早于今天', 'The due date may not be before today');
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, input.caseId);
    if (!c.isTeamMember)
      throw new AppError(
        ErrorCode.forbidden,
        bi('仅本案执行团队可委托', "Only the case's team may entrust a matter"),
      );
    const to = await resolveCourt(tx, input.toCourt, 'toCourt');
    if (to.id === c.courtId)
      throw invalidField('toCourt', '不能委托本院', 'A court does not entrust a matter to itself');
    const from = await getCourt(tx, c.courtId);
    const id = randomUUID();
    await tx.execute(sql`insert into command.entrustments (id, case_id, case_number, from_court_id, from_court_path,
        from_court_name, to_court_id, to_court_path, to_court_name, matter, details, documents, due_on, state,
        requested_by, requested_by_name, requested_on)
      values (${id}, ${c.id}, ${c.caseNumber}, ${c.courtId}, ${c.courtPath}, ${from?.name ?? ''}, ${to.id}, ${to.path},
        ${to.name}, ${input.matter}, ${input.details}, ${JSON.stringify(input.documents ?? [])}::jsonb, ${input.dueDate},
        'sent', ${actor.userId}, ${actor.displayName}, ${today})`);
    const receivers = await userIdsWithRole(tx, to.id, Role.commandCentre);
    const leaders = await userIdsWithRole(tx, to.id, Role.courtLeader);
    await queueInApp(tx, {
      dedupeKey: `command.entrustment:${id}`,
      userIds: [...receivers, ...leaders],
      title: `委托事项：${c.caseNumber}`,
      body: `${from?.name ?? ''}委托办理${entrustmentMatterLabels[input.matter].zh}，请于${input.dueDate}前完成。`,
      kind: 'command.entrustment',
      courtId: to.id,
    });
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'command.entrustment.request',
      objectType: 'case',
      objectId: c.id,
      detail: { entrustmentId: id, toCourtId: to.id, matter: input.matter },
    });
    return { id, state: 'sent' as const, toCourt: { id: to.id, name: to.name }, dueDate: input.dueDate };
  });
}

async function loadEntrustment(tx: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!isUuid(id)) return null;
  const [row] = await tx.execute<EntrustmentRow>(
    sql`select ${columns} from command.entrustments e where e.id = ${id} ${opts.forUpdate ? sql`for update` : sql``}`,
  );
  return row ?? null;
}

/** The entrustment as the sending court (its case's scope) or the receiving court sees it; 404 to any other. */
export async function getEntrustment(db: Db, actor: Actor, id: string) {
  const e = await loadEntrustment(db, id);
  if (!e || !(isInScope(actor, e.from_court_path) || isInScope(actor, e.to_court_path)))
    throw notFound('委托事项', 'Entrustment');
  return toView(e, clock.today());
}

async function actAsReceiver(
  db: Db,
  actor: Actor,
  id: string,
  act: (tx: DbOrTx, e: EntrustmentRow, today: string) => Promise<void>,
  action: string,
) {
  return db.transaction(async (tx) => {
    requireAnyRole(actor, entrustmentOfficers);
    const e = await loadEntrustment(tx, id, { forUpdate: true });
    if (!e || !isInScope(actor, e.to_court_path)) throw notFound('委托事项', 'Entrustment');
    const today = clock.today();
    await act(tx, e, today);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action,
      objectType: 'entrustment',
      objectId: e.id,
      detail: { caseId: e.case_id },
    });
    const after = await loadEntrustment(tx, id);
    if (!after) throw notFound('委托事项', 'Entrustment');
    return toView(after, today);
  });
}

export async function acceptEntrustment(db: Db, actor: Actor, id: string) {
  return actAsReceiver(
    db,
    actor,
    id,
    async (tx, e, today) => {
      if (e.state !== 'sent')
        throw new AppError(
          ErrorCode.conflict,
          bi('该委托已受理', 'The entrustment has already been accepted'),
        );
      await tx.execute(sql`update command.entrustments set state = 'accepted', accepted_by = ${actor.userId},
        accepted_by_name = ${actor.displayName}, accepted_on = ${today} where id = ${e.id}`);
    },
    'command.entrustment.accept',
  );
}

export async function completeEntrustment(
  db: Db,
  actor: Actor,
  id: string,
  input: { result: string; receipts?: { name: string }[] },
) {
  return actAsReceiver(
    db,
    actor,
    id,
    async (tx, e, today) => {
      if (e.state !== 'accepted')
        throw new AppError(
          ErrorCode.conflict,
          e.state === 'sent'
            ? bi('请先受理该委托', 'Accept the entrustment first')
            : bi('该委托已办结', 'The entrustment is already completed'),
        );
      await tx.execute(sql`update command.entrustments set state = 'completed', completed_by = ${actor.userId},
        completed_by_name = ${actor.displayName}, completed_on = ${today}, result = ${input.result},
        receipts = ${JSON.stringify(input.receipts ?? [])}::jsonb where id = ${e.id}`);
      const requester = await tx.execute<{ requested_by: string }>(
        sql`select requested_by from command.entrustments where id = ${e.id}`,
      );
      await queueInApp(tx, {
        dedupeKey: `command.entrustment-completed:${e.id}`,
        userIds: requester.map((r) => r.requested_by),
        title: `委托事项已办结：${e.case_number}`,
        body: `${e.to_court_name}：${input.result}`,
        kind: 'command.entrustment-completed',
        caseId: e.case_id,
        courtId: e.from_court_id,
      });
    },
    'command.entrustment.complete',
  );
}

/** Entrustments a court sent (from its cases and those below it) and received. */
export async function listEntrustments(db: DbOrTx, scope: { path: string } | { caseId: string }) {
  const where =
    'caseId' in scope
      ? sql`e.case_id = ${scope.caseId}`
      : sql`e.from_court_path like ${`${scope.path}%`} or e.to_court_path like ${`${scope.path}%`}`;
  const path = 'path' in scope ? scope.path : null;
  const rows = await db.execute<EntrustmentRow>(sql`select ${columns} from command.entrustments e
    where ${where}
    order by e.state = 'completed', e.due_on, e.id limit 500`);
  const today = clock.today();
  return rows.map((r) => ({
    ...toView(r, today),
    direction:
      path !== null && r.to_court_path.startsWith(path) ? ('incoming' as const) : ('outgoing' as const),
  }));
}

/** Entrusted matters past their date and not completed: the receiving court's leaders and the sender are told, once each. */
export async function warnOverdueEntrustments(db: Db): Promise<number> {
  const today = clock.today();
  return db.transaction(async (tx) => {
    const due = await tx.execute<{
      id: string;
      case_id: string;
      case_number: string;
      to_court_id: string;
      to_court_name: string;
      from_court_id: string;
      requested_by: string;
      due_on: string;
    }>(
      sql`update command.entrustments set overdue_warned_on = ${today}
        where state <> 'completed' and overdue_warned_on is null and due_on < ${today}
        returning id, case_id, case_number, to_court_id, to_court_name, from_court_id, requested_by, due_on::text`,
    );
    for (const e of due) {
      await queueInApp(tx, {
        dedupeKey: `command.entrustment-overdue:${e.id}`,
        userIds: [...(await userIdsWithRole(tx, e.to_court_id, Role.courtLeader)), e.requested_by],
        title: `委托事项逾期：${e.case_number}`,
        body: `委托${e.to_court_name}办理的事项应于${e.due_on}前办结，至今未办结。`,
        kind: 'command.entrustment-overdue',
        caseId: e.case_id,
        courtId: e.to_court_id,
      });
    }
    return due.length;
  });
}
