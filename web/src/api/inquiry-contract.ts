/** Online inquiry and control (网络执行查控): the server's contract (src/modules/inquiry/contracts.ts). */
export const requestStates = ['pending', 'sending', 'accepted', 'answered', 'failed', 'expired'] as const;
export type RequestState = (typeof requestStates)[number];
export const measureKinds = ['freeze', 'seal', 'seize', 'renew', 'unfreeze', 'deduct'] as const;
export type MeasureKind = (typeof measureKinds)[number];
export type AssetSort = 'answeredAt' | 'valueFen' | 'assetType' | 'institution' | 'respondentName';

export type Launched = {
  batchId: string;
  caseCount: number;
  requestCount: number;
  skipped: { caseId: string; reason: string }[];
};
export type BatchProgress = {
  id: string;
  kind: string;
  purpose: string;
  createdAt: string;
  caseCount: number;
  total: number;
  byState: Record<RequestState, number>;
  done: boolean;
};
export type Encumbrance = {
  court: string;
  caseNumber: string;
  kind: string;
  amountFen?: number;
  until?: string;
  queuePosition?: number;
};
export type AssetItem = {
  id: string;
  assetType: string;
  institution: string;
  institutionName: string;
  channel: string;
  respondentPartyId: string;
  respondentName: string;
  identifier: string;
  description: string;
  valueFen?: number;
  balanceFen?: number;
  frozenFen?: number;
  availableFen?: number;
  encumbrances: Encumbrance[];
  answeredAt: string;
  channelDifference: { zh: string; en: string; institutions: string[] } | null;
  measureKinds: MeasureKind[];
  isMasked: boolean;
};
export type AssetList = { items: AssetItem[]; isMasked: boolean; outstandingClaimFen: number };
export type Measure = {
  id: string;
  assetId: string;
  kind: MeasureKind;
  targetMeasureId: string | null;
  state: string;
  institution: string;
  assetType: string;
  assetDescription: string;
  requestedFen: number | null;
  amountFen: number | null;
  deductedFen: number;
  until: string | null;
  maxRenewalUntil: string | null;
  queuePosition: number | null;
  reason: string | null;
  documentName: string;
  createdAt: string;
  answeredAt: string | null;
  isExpiringSoon: boolean;
  daysLeft: number | null;
};
export type MeasureList = {
  items: Measure[];
  outstandingClaimFen: number;
  limits: { assetType: string; years: number; maxUntil: string }[];
};
export type CreateMeasureBody = { assetId: string; kind: MeasureKind; amountFen?: number; until?: string };
export type GraphNode = {
  id: string;
  kind: 'respondent' | 'asset' | 'person' | 'company';
  label: string;
  assetType?: string;
  valueFen?: number;
  isControlled?: boolean;
};
export type AssetGraph = {
  nodes: GraphNode[];
  links: { source: string; target: string; kind: string; label: string }[];
};
export type CaseInquiries = {
  items: {
    id: string;
    batchId: string;
    kind: string;
    requeryRound: number | null;
    purpose: string;
    createdAt: string;
    doneAt: string | null;
    byState: Record<string, number>;
  }[];
  requests: {
    id: string;
    institution: string;
    operation: string;
    state: RequestState;
    attempts: number;
    lastError: string | null;
    updatedAt: string;
  }[];
};
export type Institution = {
  code: string;
  name: string;
  kind: string;
  channel: string;
  baseUrl: string;
  assetTypes: string[];
  operations: string[];
  concurrency: number;
  ratePerSecond: number;
  isEnabled: boolean;
  maxAttempts: number;
  retryBaseSeconds: number;
  pollAfterSeconds: number;
  answerTimeoutSeconds: number;
  circuit: 'closed' | 'open' | 'halfOpen';
  pausedUntil: string | null;
  openRequests: number;
};
export type InstitutionPatch = Partial<
  Pick<Institution, 'isEnabled' | 'concurrency' | 'ratePerSecond' | 'maxAttempts' | 'pollAfterSeconds'>
>;
export type Notice = {
  id: string;
  caseId: string;
  kind: string;
  title: string;
  body: string;
  measureId: string | null;
  createdAt: string;
  isRead: boolean;
};
