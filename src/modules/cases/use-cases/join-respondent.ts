import { randomUUID } from 'node:crypto';
import { and, eq, max } from 'drizzle-orm';
import { formatYuan, searchTextOf, tokensOf } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { publishEvent } from '../../../platform/events.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import { loadCaseInScope, loadParties, refreshNextDeadline } from '../case-store.ts';
import { caseNodeRecorded } from '../events.ts';
import { NodeKind } from '../rules/deadlines.ts';
import { cases, nodes, parties } from '../tables.ts';
import { type NewPartyInput, validateNewParty } from '../validate-parties.ts';

export type JoinRespondentInput = {
  caseId: string;
  party: NewPartyInput;
  /** The limit of the new respondent's liability in fen; null when it answers without one (jointly). */
  liabilityLimitFen: number | null;
  actor: Actor;
  /** What the timeline says of it (the ruling that added it). */
  note?: string;
  /** The key of what caused it (`procedures.respondent-addition:<id>`), kept on the node. */
  sourceKey?: string;
  /** Where refusals about the party point in the caller's request; `party` by default. */
  path?: string;
};

function conflict(zh: string, en: string): AppError {
  return new AppError(ErrorCode.conflict, bi(zh, en));
}

/**
 * 变更、追加被执行人 (变更追加规定 art. 28): a respondent joins the case on a ruling to add it, inside
 * the ruling's transaction — checked as filing checks parties, placed after the respondents there
 * are, with the limit of its liability (the estate, the unpaid or withdrawn capital, what was
 * received: arts. 10, 17–19, 22) that every later measure respects. The timeline gets "追加被执行人",
 * the case's search finds the new name, and the audit and `case.node-recorded` go with it. One
 * already a respondent, or a closed case, refuses (409); nothing is written on any refusal.
 */
export async function joinRespondent(tx: DbOrTx, input: JoinRespondentInput): Promise<{ partyId: string }> {
  const { actor } = input;
  const path = input.path ?? 'party';
  const today = clock.today();
  const limit = input.liabilityLimitFen;
  if (limit !== null && (!Number.isSafeInteger(limit) || limit < 1))
    throw invalidField(
      'liabilityLimitFen',
      '责任限额须为正整数（分）',
      'The limit must be a positive whole fen',
    );
  const party = validateNewParty(path, input.party, today);
  const c = await loadCaseInScope(tx, actor, input.caseId, { forUpdate: true });
  if (c.status === 'closed') throw conflict('案件已结案', 'The case is closed');
  const caseParties = await loadParties(tx, c.id);
  const key = party.idNumber ?? party.creditCode;
  const isAlready = caseParties.some(
    (p) => p.role === 'respondent' && key !== null && (p.idNumber ?? p.creditCode) === key,
  );
  if (isAlready) throw conflict('该主体已是本案被执行人', 'Already a respondent of this case');
  const [last] = await tx
    .select({ position: max(parties.position) })
    .from(parties)
    .where(and(eq(parties.caseId, c.id), eq(parties.role, 'respondent')));
  const partyId = randomUUID();
  await tx.insert(parties).values({
    id: partyId,
    caseId: c.id,
    role: 'respondent',
    position: (last?.position ?? -1) + 1,
    ...party,
    liabilityLimitFen: limit,
  });
  const scope = limit === null ? '承担连带责任' : `在${formatYuan(limit)}元范围内承担责任`;
  const nodeId = randomUUID();
  await tx.insert(nodes).values({
    id: nodeId,
    caseId: c.id,
    kind: NodeKind.respondentAdded,
    occurredOn: today,
    actorId: actor.userId,
    actorName: actor.displayName,
    note: `追加${party.name}为被执行人，${scope}${input.note ? `。${input.note}` : ''}`,
    recordedAt: clock.now(),
    sourceKey: input.sourceKey ?? null,
  });
  const names = [...caseParties.map((p) => p.name), party.name];
  const status = c.status === 'filed' ? 'inProgress' : c.status;
  await tx
    .update(cases)
    .set({
      status,
      searchTokens: tokensOf([c.caseNumber, ...names]),
      searchText: searchTextOf([c.caseNumber, ...names]),
    })
    .where(eq(cases.id, c.id));
  await refreshNextDeadline(tx, { ...c, status }, today);
  await appendAudit(tx, {
    actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
    action: 'case.respondent.join',
    objectType: 'case',
    objectId: c.id,
    detail: { partyId, kind: party.kind, liabilityLimitFen: limit, sourceKey: input.sourceKey ?? null },
  });
  await publishEvent(
    tx,
    caseNodeRecorded,
    { caseId: c.id, kind: NodeKind.respondentAdded, occurredOn: today, nodeId },
    { aggregateId: c.id },
  );
  return { partyId };
}
