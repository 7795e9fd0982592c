import { eq, inArray } from 'drizzle-orm';
import { maskIdNumber } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { type Actor, getCourt, listUsersByIds } from '../../identity/index.ts';
import { deadlinesOf, loadCaseInScope, loadNodes, loadParties, type PartyRow } from '../case-store.ts';
import { isTeamMember } from '../policy.ts';
import { closingTypeLabel, closingTypeList } from '../rules/closing.ts';
import { nodeKindLabel, recordableNodeKinds } from '../rules/deadlines.ts';
import { cases } from '../tables.ts';
import { type TerminationFactProvider, terminationChecklistFor } from './termination-facts.ts';

export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export function maskAddress(address: string): string {
  return address.length > 6 ? `${address.slice(0, 6)}****` : '****';
}

function partyView(p: PartyRow, isMasked: boolean) {
  return {
    id: p.id,
    kind: p.kind as 'natural' | 'legal' | 'other',
    name: p.name,
    idNumber: p.idNumber && isMasked ? maskIdNumber(p.idNumber) : p.idNumber,
    creditCode: p.creditCode,
    phone: p.phone && isMasked ? maskPhone(p.phone) : p.phone,
    address: p.address && isMasked ? maskAddress(p.address) : p.address,
    legalRepresentative: p.legalRepresentative,
    agents: isMasked ? p.agents.map((a) => ({ ...a, phone: a.phone ? maskPhone(a.phone) : null })) : p.agents,
    isMasked: isMasked && (p.idNumber !== null || p.phone !== null || p.address !== null),
    liabilityLimitFen: p.liabilityLimitFen,
  };
}

/**
 * The case page. Personal data (ID numbers, phones, addresses) is shown whole only to the case
 * team; every such read is audited with its purpose, in the same transaction as the read.
 */
export async function getCase(
  db: Db,
  actor: Actor,
  id: string,
  purpose: string,
  opts: { terminationFacts?: readonly TerminationFactProvider[] } = {},
) {
  return db.transaction(async (tx) => {
    const c = await loadCaseInScope(tx, actor, id);
    const [caseNodes, caseParties, court] = await Promise.all([
      loadNodes(tx, c.id),
      loadParties(tx, c.id),
      getCourt(tx, c.courtId),
    ]);
    const isTeam = isTeamMember(actor, c);
    const today = clock.today();
    const memberIds = [
      c.judgeId,
      c.assistantId,
      c.bailiffId,
      c.clerkId,
      ...caseNodes.map((n) => n.actorId),
    ].filter((v): v is string => v !== null);
    const people = new Map((await listUsersByIds(tx, [...new Set(memberIds)])).map((u) => [u.id, u]));
    const member = (uid: string | null) => {
      const u = uid ? people.get(uid) : undefined;
      return u ? { id: u.id, displayName: u.displayName } : null;
    };
    const linkedIds = [c.restoredFromId, c.restoredToId].filter((v): v is string => v !== null);
    const linked = linkedIds.length
      ? await tx
          .select({ id: cases.id, caseNumber: cases.caseNumber })
          .from(cases)
          .where(inArray(cases.id, linkedIds))
      : [];
    const ref = (rid: string | null) => linked.find((l) => l.id === rid) ?? null;
    if (isTeam && caseParties.some((p) => p.idNumber || p.phone || p.address)) {
      await appendAudit(tx, {
        actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
        action: 'case.personal-data.read',
        objectType: 'case',
        objectId: c.id,
        purpose,
      });
    }
    const checklist = await terminationChecklistFor(tx, {
      c,
      nodes: caseNodes,
      today,
      providers: opts.terminationFacts ?? [],
    });
    return {
      id: c.id,
      caseNumber: c.caseNumber,
      caseType: c.caseType,
      status: c.status as 'filed' | 'inProgress' | 'suspended' | 'closed',
      court: { id: c.courtId, name: court?.name ?? '', courtCode: c.courtCode },
      filedOn: c.filedOn,
      basis: {
        kind: c.basisKind as 'judgment',
        documentNumber: c.basisDocumentNumber,
        issuedBy: c.basisIssuedBy,
        effectiveDate: c.basisEffectiveDate,
      },
      claimAmountFen: c.claimAmountFen,
      recoveredFen: c.recoveredFen,
      applicants: caseParties.filter((p) => p.role === 'applicant').map((p) => partyView(p, !isTeam)),
      respondents: caseParties.filter((p) => p.role === 'respondent').map((p) => partyView(p, !isTeam)),
      team: {
        id: c.teamId,
        judge: member(c.judgeId),
        assistant: member(c.assistantId),
        bailiff: member(c.bailiffId),
        clerk: member(c.clerkId),
      },
      isTeamMember: isTeam,
      nodes: caseNodes.map((n) => ({
        id: n.id,
        kind: n.kind,
        label: nodeKindLabel(n.kind),
        occurredOn: n.occurredOn,
        recordedAt: n.recordedAt.toISOString(),
        actor: n.actorId ? (member(n.actorId) ?? { id: n.actorId, displayName: n.actorName }) : null,
        note: n.note,
        documents: n.documents,
      })),
      deadlines: deadlinesOf(c, caseNodes, today).map((d) => ({ ...d, metOn: d.metOn ?? null })),
      closing: c.closingType
        ? {
            closingType: c.closingType,
            label: closingTypeLabel(c.closingType),
            reason: c.closingReason ?? '',
            closedOn: c.closedOn ?? '',
          }
        : null,
      restoredFrom: ref(c.restoredFromId),
      restoredTo: ref(c.restoredToId),
      triage: c.triage as 'simple' | 'complex' | null,
      flags: c.flags,
      isNonLitigation: c.isNonLitigation,
      terminationChecklist: checklist,
      nodeKinds: isTeam ? recordableNodeKinds().filter((k) => k.kind !== 'officerAssigned') : [],
      closingTypes: closingTypeList(),
    };
  });
}

export async function getCaseNumber(db: Db, id: string): Promise<string | null> {
  const [row] = await db.select({ n: cases.caseNumber }).from(cases).where(eq(cases.id, id));
  return row?.n ?? null;
}
