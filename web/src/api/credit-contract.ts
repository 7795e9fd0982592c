import type { Bilingual } from '../i18n/index.ts';

/** Shapes of the credit API (`/api/v1/cases/{id}/credit`, `/api/v1/credit/…`), as the server documents them. */
export const listingGrounds = [1, 2, 3, 4, 5, 6] as const;
export type ListingGround = (typeof listingGrounds)[number];

export const entryStates = ['pendingApproval', 'listed', 'refused', 'deleted', 'revoked'] as const;
export type EntryState = (typeof entryStates)[number];

export const liftGrounds = ['performed', 'security', 'applicantConsent'] as const;
export type LiftGround = (typeof liftGrounds)[number];

export const deletionGrounds = [
  'applicantRequest',
  'fullyPerformed',
  'settlementPerformed',
  'securityProvided',
  'terminatedRoundNoAssets',
  'suspendedRetrialOrBankruptcy',
  'notEnforced',
  'enforcementTerminated',
  'termExpired',
] as const;
export type DeletionGround = (typeof deletionGrounds)[number];

export const correctionGrounds = ['wronglyListed', 'wrongInformation', 'shouldHaveBeenDeleted'] as const;
export type CorrectionGround = (typeof correctionGrounds)[number];

export const boundRoles = [
  'legalRepresentative',
  'principal',
  'responsiblePerson',
  'actualController',
] as const;
export type BoundRole = (typeof boundRoles)[number];

export const behaviours = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export type HistoryItem = {
  action: string;
  fromState: string | null;
  toState: string;
  reason: string;
  actor: string;
  occurredOn: string;
};

export type CorrectionRequest = {
  id: string;
  ground: CorrectionGround;
  statement: string;
  state: string;
  receivedOn: string;
  reviewDueOn: string;
  decidedOn: string | null;
  decisionReason: string | null;
  correctionDueOn: string | null;
  correctedOn: string | null;
  higherReviewRequestDueOn: string | null;
  higherReviewRequestedOn: string | null;
  higherReviewDueOn: string | null;
  higherDecidedOn: string | null;
};

export type CreditEntry = {
  id: string;
  reference: string;
  state: EntryState;
  ground: ListingGround;
  groundLabel: Bilingual;
  facts: string;
  initiatedBy: 'ownMotion' | 'application';
  applicationReceivedOn: string | null;
  decisionDueOn: string | null;
  isDecisionOverdue: boolean;
  extendYears: number;
  graceMonths: number;
  requestedOn: string;
  requestedBy: string;
  decidedOn: string | null;
  approvedBy: string | null;
  publishFrom: string | null;
  expiresOn: string | null;
  isPublished: boolean;
  decisionLetter: string | null;
  refusalReason: string | null;
  deletedOn: string | null;
  deletionGround: DeletionGround | null;
  deletionLabel: Bilingual | null;
  deletionReason: string | null;
  deletionDueOn: string | null;
  deletionLetter: string | null;
  isCreditRepair: boolean;
  revokedOn: string | null;
  revocationReason: string | null;
  history: HistoryItem[];
  corrections: CorrectionRequest[];
};

export type RestrictedPerson = {
  id: string;
  reference: string;
  role: 'debtor' | BoundRole;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  state: 'active' | 'released' | 'lifted';
  restrictedFrom: string;
  releasedOn: string | null;
  releaseReason: string | null;
  permissions: { id: string; behaviours: number[]; validFrom: string; validUntil: string; reason: string }[];
};

export type ConsumptionRestriction = {
  id: string;
  state: 'active' | 'lifted';
  behaviours: number[];
  orderedOn: string;
  orderedBy: string;
  orderText: string;
  liftedOn: string | null;
  liftGround: string | null;
  liftReason: string | null;
  isCreditRepair: boolean;
  subjects: RestrictedPerson[];
};

export type ExitRestriction = {
  id: string;
  state: 'active' | 'lifted';
  name: string;
  idNumber: string | null;
  authority: string;
  orderedOn: string;
  noticeText: string;
  liftedOn: string | null;
  liftReason: string | null;
};

export type RespondentCredit = {
  id: string;
  kind: 'natural' | 'legal' | 'other';
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  entries: CreditEntry[];
  restrictions: ConsumptionRestriction[];
  exitRestrictions: ExitRestriction[];
  noGroundFinding: { reason: string; recordedOn: string } | null;
};

export type CaseCredit = {
  caseId: string;
  caseNumber: string;
  canSign: boolean;
  isTeamMember: boolean;
  respondents: RespondentCredit[];
};

export type ListRespondentBody = {
  respondentId: string;
  ground: ListingGround;
  facts: string;
  extendYears?: number;
  graceMonths?: number;
  initiatedBy?: 'ownMotion' | 'application';
  applicationReceivedOn?: string;
  exclusions?: {
    hasAdequateSecurity?: boolean;
    controlledPropertyFen?: number;
    isDueInOrderOfPerformance?: boolean;
  };
};

export type EntryListItem = {
  id: string;
  reference: string;
  caseId: string;
  caseNumber: string;
  court: string;
  name: string;
  subjectKind: string;
  idNumber: string | null;
  creditCode: string | null;
  ground: ListingGround;
  groundLabel: Bilingual;
  state: EntryState;
  requestedOn: string;
  decidedOn: string | null;
  publishFrom: string | null;
  expiresOn: string | null;
  deletedOn: string | null;
  deletionGround: string | null;
  isCreditRepair: boolean;
  decisionDueOn: string | null;
  obligationFen: number;
  performedFen: number;
};

export type EntryListParams = {
  state?: EntryState | '';
  ground?: number | '';
  q?: string;
  from?: string;
  to?: string;
  overdue?: 'true' | '';
  page: number;
  pageSize: number;
};

export type EntryPage = { items: EntryListItem[]; total: number; page: number; pageSize: number };

export type GridItem = {
  seq: number;
  kind: string;
  measure: string;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  divisionCode: string | null;
  role: string | null;
  court: string;
  caseNumber: string | null;
  since: string | null;
  until: string | null;
  occurredAt: string;
  isUnread: boolean;
};

export type GridInbox = {
  areas: string[];
  items: GridItem[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
};
