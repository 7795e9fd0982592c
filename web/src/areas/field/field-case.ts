import type { TCaseDetail, TCaseListItem, TCaseStatus } from '../../../../src/modules/cases/contracts.ts';

/**
 * Of a case, what an officer on site needs, and no more: this is what the device keeps for offline
 * use (no ID numbers, phones or applicants — a lost phone gives away as little as it can).
 */
export type FieldCaseCard = {
  id: string;
  caseNumber: string;
  status: TCaseStatus;
  respondentNames: string[];
  nextDeadline: TCaseListItem['nextDeadline'];
};

export type FieldRespondent = { id: string; name: string; address: string | null };
export type FieldOfficer = { id: string; name: string; seat: 'judge' | 'assistant' | 'bailiff' | 'clerk' };

export type FieldCase = {
  id: string;
  caseNumber: string;
  status: TCaseStatus;
  respondents: FieldRespondent[];
  team: FieldOfficer[];
  isTeamMember: boolean;
};

export function toFieldCaseCard(item: TCaseListItem): FieldCaseCard {
  return {
    id: item.id,
    caseNumber: item.caseNumber,
    status: item.status,
    respondentNames: item.respondentNames,
    nextDeadline: item.nextDeadline,
  };
}

const seats = ['judge', 'assistant', 'bailiff', 'clerk'] as const;

export function toFieldCase(detail: TCaseDetail): FieldCase {
  const team: FieldOfficer[] = [];
  for (const seat of seats) {
    const member = detail.team[seat];
    // One person may sit in two seats: listed once, in the first.
    if (member && !team.some((o) => o.id === member.id))
      team.push({ id: member.id, name: member.displayName, seat });
  }
  return {
    id: detail.id,
    caseNumber: detail.caseNumber,
    status: detail.status,
    respondents: detail.respondents.map((p) => ({ id: p.id, name: p.name, address: p.address })),
    team,
    isTeamMember: detail.isTeamMember,
  };
}

/** The respondent's address the record starts from: the first respondent who has one. */
export function firstAddress(c: FieldCase): string {
  return c.respondents.find((p) => p.address)?.address ?? '';
}
