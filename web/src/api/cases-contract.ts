import type { Bilingual } from '../i18n/index.ts';

/** Shapes of the cases API (`/api/v1/cases`), as the server documents them. */
export const caseStatuses = ['filed', 'inProgress', 'suspended', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseTypes = ['执', '执恢', '执保', '执异', '执复', '执监', '执协', '执他'] as const;
export type CaseType = (typeof caseTypes)[number];

export const basisKinds = [
  'judgment',
  'mediation',
  'arbitration',
  'notarizedDebt',
  'paymentOrder',
  'other',
] as const;
export type BasisKind = (typeof basisKinds)[number];

export const partyKinds = ['natural', 'legal', 'other'] as const;
export type PartyKind = (typeof partyKinds)[number];

export const agentKinds = ['lawyer', 'agent'] as const;
export type AgentKind = (typeof agentKinds)[number];

export const triages = ['simple', 'complex'] as const;
export type Triage = (typeof triages)[number];

export const caseFlags = ['stateOrgan', 'military', 'livelihood', 'enterprise'] as const;
export type CaseFlag = (typeof caseFlags)[number];

export const caseSorts = ['deadline', 'filedOn', '-filedOn'] as const;
export type CaseSort = (typeof caseSorts)[number];

export type PersonRef = { id: string; displayName: string };

export type Agent = {
  name: string;
  kind: AgentKind;
  lawFirm?: string;
  licenseNumber?: string;
  phone?: string;
};

export type Party = {
  kind: PartyKind;
  name: string;
  idNumber?: string;
  creditCode?: string;
  phone?: string;
  address?: string;
  legalRepresentative?: string;
  agents?: Agent[];
};

export type Basis = {
  kind: BasisKind;
  documentNumber: string;
  issuedBy: string;
  effectiveDate: string;
};

export type NextDeadline = { kind: string; label: Bilingual; dueOn: string; daysLeft: number };

export type CaseListItem = {
  id: string;
  caseNumber: string;
  caseType: string;
  status: CaseStatus;
  filedOn: string;
  claimAmountFen: number;
  applicantNames: string[];
  respondentNames: string[];
  judge: PersonRef | null;
  courtName: string;
  nextDeadline: NextDeadline | null;
  closingType: string | null;
  triage: Triage | null;
  flags: string[];
};

export type CaseListParams = {
  mine: boolean;
  status?: CaseStatus;
  caseType?: string;
  q?: string;
  sort: CaseSort;
  page: number;
  pageSize: number;
};

export type Page<T> = { items: T[]; total: number; isTotalCapped?: boolean; page: number; pageSize: number };

export type FileCaseBody = {
  caseType: CaseType;
  basis: Basis;
  applicants: Party[];
  respondents: Party[];
  claimAmountFen: number;
  triage?: Triage;
  flags?: CaseFlag[];
  teamId?: string;
};

export type CaseRef = { id: string; caseNumber: string };
export type CaseCreated = CaseRef & { status: CaseStatus };

export type CaseParty = Party & { id: string; isMasked?: boolean };

export type CaseNode = {
  id: string;
  kind: string;
  label: Bilingual;
  occurredOn: string;
  recordedAt: string;
  actor: PersonRef | null;
  note: string;
  documents: { name: string }[];
};

export type DeadlineState = 'open' | 'met' | 'overdue';

export type CaseDeadline = {
  kind: string;
  label: Bilingual;
  startOn: string;
  dueOn: string;
  daysLeft: number;
  state: DeadlineState;
  metOn?: string | null;
};

export type CaseTeam = {
  judge: PersonRef | null;
  assistant: PersonRef | null;
  bailiff: PersonRef | null;
  clerk: PersonRef | null;
};

export type CaseDetail = {
  id: string;
  caseNumber: string;
  caseType: string;
  status: CaseStatus;
  court: { id: string; name: string; courtCode: string };
  filedOn: string;
  basis: Basis;
  claimAmountFen: number;
  recoveredFen: number;
  applicants: CaseParty[];
  respondents: CaseParty[];
  team: CaseTeam;
  isTeamMember: boolean;
  nodes: CaseNode[];
  deadlines: CaseDeadline[];
  closing: { closingType: string; label: Bilingual; reason: string; closedOn: string } | null;
  restoredFrom: CaseRef | null;
  restoredTo: CaseRef | null;
  triage: Triage | null;
  flags: string[];
  terminationChecklist: { item: string; label: Bilingual; satisfied: boolean }[];
  nodeKinds: { kind: string; label: Bilingual }[];
  closingTypes: { closingType: string; label: Bilingual }[];
};

export type RecordNodeBody = {
  kind: string;
  note?: string;
  occurredOn?: string;
  documents?: { name: string }[];
};
export type CloseCaseBody = { closingType: string; reason: string };
export type RestoreCaseBody = { reason: string };
export type AssignTeamBody = { teamId: string };

/** The closing type that can later be restored (终结本次执行程序). */
export const restorableClosingType = 'terminatedThisRound';
