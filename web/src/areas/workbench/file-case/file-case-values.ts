import type { Dayjs } from 'dayjs';
import { type CaseType, yuanToFen } from '../../../../../src/kernel/index.ts';
import type {
  TAgent,
  TAgentKind,
  TBasisKind,
  TCaseFlag,
  TFileCase,
  TPartyInput,
  TPartyKind,
  TTriage,
} from '../../../../../src/modules/cases/contracts.ts';
import { toDateString } from '../../../lib/dates.ts';

/** What the filing form holds: the API body, except the date (a Dayjs) and the claim (yuan, as typed). */
/** The two party lists of the filing form. */
export type PartyListName = 'applicants' | 'respondents';

export type AgentValues = {
  name?: string;
  kind?: TAgentKind;
  lawFirm?: string;
  licenseNumber?: string;
  phone?: string;
};

export type PartyValues = {
  kind: TPartyKind;
  name?: string;
  idNumber?: string;
  creditCode?: string;
  phone?: string;
  address?: string;
  legalRepresentative?: string;
  agents?: AgentValues[];
};

export type FileCaseValues = {
  caseType: CaseType;
  basis: { kind: TBasisKind; documentNumber?: string; issuedBy?: string; effectiveDate?: Dayjs };
  applicants: PartyValues[];
  respondents: PartyValues[];
  claimAmountYuan?: string;
  triage?: TTriage | '';
  flags?: TCaseFlag[];
  teamId?: string;
};

/** Server paths that name a different form field. */
export const fieldAliases: Record<string, string> = { claimAmountFen: 'claimAmountYuan' };

export const emptyParty: PartyValues = { kind: 'natural' };

export const initialFileCaseValues: FileCaseValues = {
  caseType: '执',
  basis: { kind: 'judgment' },
  applicants: [emptyParty],
  respondents: [emptyParty],
  triage: '',
};

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function toAgent(values: AgentValues): TAgent {
  const agent: TAgent = { name: clean(values.name) ?? '', kind: values.kind ?? 'lawyer' };
  const lawFirm = clean(values.lawFirm);
  const licenseNumber = clean(values.licenseNumber);
  const phone = clean(values.phone);
  if (lawFirm && agent.kind === 'lawyer') agent.lawFirm = lawFirm;
  if (licenseNumber && agent.kind === 'lawyer') agent.licenseNumber = licenseNumber;
  if (phone) agent.phone = phone;
  return agent;
}

/** Only the identifiers that fit the party's kind travel; a field hidden after a kind change is dropped. */
function toParty(values: PartyValues): TPartyInput {
  const party: TPartyInput = { kind: values.kind, name: clean(values.name) ?? '' };
  const idNumber = clean(values.idNumber);
  const creditCode = clean(values.creditCode);
  const phone = clean(values.phone);
  const address = clean(values.address);
  const legalRepresentative = clean(values.legalRepresentative);
  if (values.kind === 'natural' && idNumber) party.idNumber = idNumber.toUpperCase();
  if (values.kind !== 'natural' && creditCode) party.creditCode = creditCode.toUpperCase();
  if (values.kind === 'legal' && legalRepresentative) party.legalRepresentative = legalRepresentative;
  if (phone) party.phone = phone;
  if (address) party.address = address;
  const agents = (values.agents ?? []).filter((agent) => clean(agent.name)).map(toAgent);
  if (agents.length > 0) party.agents = agents;
  return party;
}

export function toFileCaseBody(values: FileCaseValues): TFileCase {
  const body: TFileCase = {
    caseType: values.caseType,
    basis: {
      kind: values.basis.kind,
      documentNumber: clean(values.basis.documentNumber) ?? '',
      issuedBy: clean(values.basis.issuedBy) ?? '',
      effectiveDate: values.basis.effectiveDate ? toDateString(values.basis.effectiveDate) : '',
    },
    applicants: values.applicants.map(toParty),
    respondents: values.respondents.map(toParty),
    claimAmountFen: yuanToFen(values.claimAmountYuan) ?? 0,
  };
  if (values.triage) body.triage = values.triage;
  if (values.flags && values.flags.length > 0) body.flags = values.flags;
  if (values.teamId) body.teamId = values.teamId;
  return body;
}
