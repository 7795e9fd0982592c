import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { searchTextOf, tokensOf } from '../../../kernel/index.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, type ErrorDetail, notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { appendAudit } from '../../audit/index.ts';
import { type Actor, hasRole, Role } from '../../identity/index.ts';
import { loadCaseInScope, loadParties } from '../case-store.ts';
import type { TCorrectedFields, TCorrectParty, TPartyChange } from '../party-correction-contracts.ts';
import { assertCanRecordNode, isTeamMember } from '../policy.ts';
import { hasControlCharacters } from '../rules/free-text.ts';
import { validatePartyName } from '../rules/party-name.ts';
import { cases, parties, partyChanges } from '../tables.ts';
import { phonePattern, throwIfInvalid } from '../validate-parties.ts';

const correctable = ['name', 'phone', 'address', 'legalRepresentative', 'agents'] as const;
type Correctable = (typeof correctable)[number];

/**
 * 当事人信息更正: the case team corrects a party's name, phone, address, legal representative or
 * agents after filing — checked as filing checks them. What it replaces is kept (party_changes)
 * with who, when and why, and audited; a new name is found by the case search at once. The
 * identity (kind, ID number, credit code) is not corrected: a wrong person is a different party.
 * A correction that changes nothing writes nothing (and answers so: a retry is harmless).
 */
export async function correctParty(
  db: Db,
  actor: Actor,
  caseId: string,
  partyId: string,
  input: TCorrectParty,
) {
  return db.transaction(async (tx) => {
    const c = await loadCaseInScope(tx, actor, caseId, { forUpdate: true });
    assertCanRecordNode(actor, c);
    const all = await loadParties(tx, c.id);
    const party = isUuid(partyId) ? all.find((p) => p.id === partyId) : undefined;
    if (!party) throw notFound('当事人', 'Party');
    const details: ErrorDetail[] = [];
    const fail = (path: string, zh: string, en: string) => details.push({ path, message: bi(zh, en) });
    const next: Partial<Record<Correctable, unknown>> = {};
    if (input.name !== undefined) {
      const name = validatePartyName(input.name, party.kind === 'natural' ? 'natural' : 'legal');
      if (name.ok) next.name = name.value;
      else fail('name', name.reason.zh, name.reason.en);
    }
    if (input.phone !== undefined) {
      const phone = input.phone?.trim() || null;
      if (phone && !phonePattern.test(phone))
        fail('phone', '电话号码格式不正确', 'Phone number is malformed');
      next.phone = phone;
    }
    for (const field of ['address', 'legalRepresentative'] as const) {
      if (input[field] === undefined) continue;
      const v = input[field]?.trim() || null;
      if (v && (hasControlCharacters(v) || /[<>]/.test(v)))
        fail(field, '包含不允许的字符', 'Contains characters that are not allowed');
      next[field] = v;
    }
    if (next.legalRepresentative && party.kind === 'natural')
      fail('legalRepresentative', '自然人没有法定代表人', 'A natural person has no legal representative');
    if (input.agents !== undefined) {
      input.agents.forEach((a, j) => {
        const agentName = validatePartyName(a.name, 'natural');
        if (!agentName.ok) fail(`agents.${j}.name`, agentName.reason.zh, agentName.reason.en);
      });
      next.agents = input.agents;
    }
    throwIfInvalid(details);
    const current: Record<Correctable, unknown> = {
      name: party.name,
      phone: party.phone,
      address: party.address,
      legalRepresentative: party.legalRepresentative,
      agents: party.agents,
    };
    const changed = correctable.filter(
      (k) => k in next && JSON.stringify(next[k]) !== JSON.stringify(current[k]),
    );
    // The same correction sent again (a retry) changes nothing and writes nothing.
    if (changed.length === 0) return { id: null, partyId: party.id, fields: [] };
    const before: TCorrectedFields = Object.fromEntries(changed.map((k) => [k, current[k]]));
    const after: TCorrectedFields = Object.fromEntries(changed.map((k) => [k, next[k]]));
    await tx
      .update(parties)
      .set(after)
      .where(and(eq(parties.id, party.id), eq(parties.caseId, c.id)));
    const changeId = randomUUID();
    await tx.insert(partyChanges).values({
      id: changeId,
      caseId: c.id,
      partyId: party.id,
      before,
      after,
      reason: input.reason,
      changedBy: actor.userId,
      changedByName: actor.displayName,
    });
    if (changed.includes('name')) {
      const names = all.map((p) => (p.id === party.id ? String(after.name) : p.name));
      await tx
        .update(cases)
        .set({
          searchTokens: tokensOf([c.caseNumber, ...names]),
          searchText: searchTextOf([c.caseNumber, ...names]),
        })
        .where(eq(cases.id, c.id));
    }
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'case.party.correct',
      objectType: 'case',
      objectId: c.id,
      detail: { partyId: party.id, changeId, fields: changed },
    });
    return { id: changeId, partyId: party.id, fields: [...changed] };
  });
}

/** A party's corrections after filing, oldest first: what each replaced, who, when and why. */
export async function listPartyChanges(db: Db, actor: Actor, caseId: string, partyId: string) {
  const c = await loadCaseInScope(db, actor, caseId);
  // What the parties' details were is for those who see them unmasked: the team and the court's leaders.
  const isLeader = hasRole(actor, Role.courtLeader) && actor.court.id === c.courtId;
  if (!isTeamMember(actor, c) && !isLeader)
    throw new AppError(
      ErrorCode.forbidden,
      bi('只有本案执行团队或院领导可以查看', 'Only the case team or a court leader may see this'),
    );
  if (!isUuid(partyId)) throw notFound('当事人', 'Party');
  const rows = await db
    .select()
    .from(partyChanges)
    .where(and(eq(partyChanges.caseId, c.id), eq(partyChanges.partyId, partyId)))
    .orderBy(asc(partyChanges.changedAt));
  const items: TPartyChange[] = rows.map((r) => ({
    id: r.id,
    before: r.before,
    after: r.after,
    reason: r.reason,
    changedBy: r.changedByName,
    changedAt: r.changedAt.toISOString(),
  }));
  return { items };
}
