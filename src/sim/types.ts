/** Shared vocabulary of the simulated outside world. */

export const AssetType = {
  deposit: 'deposit',
  wealthProduct: 'wealthProduct',
  realEstate: 'realEstate',
  vehicle: 'vehicle',
  securities: 'securities',
  equity: 'equity',
  housingFund: 'housingFund',
  onlinePayment: 'onlinePayment',
  insurance: 'insurance',
  ship: 'ship',
} as const;
export type AssetType = (typeof AssetType)[keyof typeof AssetType];
export const ASSET_TYPES = Object.values(AssetType);

export const Operation = {
  query: 'query',
  freeze: 'freeze',
  renew: 'renew',
  unfreeze: 'unfreeze',
  seal: 'seal',
  seize: 'seize',
  release: 'release',
  deduct: 'deduct',
} as const;
export type Operation = (typeof Operation)[keyof typeof Operation];
export const OPERATIONS = Object.values(Operation);

/** Balances are frozen and deducted; things are sealed or seized (and queue behind earlier seals). */
export const BALANCE_ASSET_TYPES: readonly AssetType[] = [
  'deposit',
  'wealthProduct',
  'securities',
  'housingFund',
  'onlinePayment',
  'insurance',
];
export const SEALABLE_ASSET_TYPES: readonly AssetType[] = ['realEstate', 'vehicle', 'equity', 'ship'];
/** Movables can also be physically seized (扣押). */
export const SEIZABLE_ASSET_TYPES: readonly AssetType[] = ['vehicle', 'ship'];

export type Channel = 'national' | 'local';

export type InstitutionKind =
  | 'bank'
  | 'realEstateRegistry'
  | 'vehicleAdministration'
  | 'securitiesDepository'
  | 'marketRegulation'
  | 'housingFund'
  | 'paymentPlatform'
  | 'insurer'
  | 'maritimeRegistry';

/** A daily window in China time, `HH:MM`–`HH:MM` (may wrap past midnight). */
export type MaintenanceWindow = { from: string; to: string };

/** How realistic (slow, flaky, busy) an institution is. */
export type Knobs = {
  /** Answer latency is lognormal with this median and 99th percentile (ms). */
  latencyMedianMs: number;
  latencyP99Ms: number;
  /** Share of submissions answered with 500 (nothing recorded). */
  errorRate: number;
  /** Share of accepted requests that are never answered (only polling shows them, still `accepted`). */
  timeoutRate: number;
  /** Submissions per second before 429; 0 = unlimited. */
  rateLimitPerSecond: number;
  /** Requests in process (accepted, not yet answered) before 429; 0 = unlimited. */
  maxConcurrent: number;
  maintenanceWindows: MaintenanceWindow[];
  /** Forces maintenance now (503), whatever the windows say. */
  isUnderMaintenance: boolean;
  /** Share of callbacks whose first delivery carries a truncated (unparseable) body. */
  malformedCallbackRate: number;
  /** Share of callbacks delivered twice (same callback id, same body). */
  duplicateCallbackRate: number;
};

export type Institution = {
  code: string;
  name: string;
  kind: InstitutionKind;
  channel: Channel;
  assetTypes: AssetType[];
  operations: Operation[];
};

export type Encumbrance = {
  court: string;
  caseNumber: string;
  kind: 'freeze' | 'seal' | 'seize';
  amountFen?: number;
  until?: string;
  queuePosition?: number;
};

export type FreezeRecord = {
  freezeId: string;
  institution: string;
  identifier: string;
  caseNumber: string;
  court: string;
  requestedFen: number | null;
  isWholeAccount: boolean;
  originalFen: number;
  /** Still frozen (original minus deducted, 0 once released or lapsed). */
  amountFen: number;
  deductedFen: number;
  until: string;
  expiresAt: number;
  createdAt: number;
  status: 'active' | 'released' | 'lapsed' | 'exhausted';
};

export type SealRecord = {
  sealId: string;
  institution: string;
  identifier: string;
  kind: 'seal' | 'seize';
  caseNumber: string;
  court: string;
  until: string;
  expiresAt: number;
  createdAt: number;
  status: 'active' | 'released' | 'lapsed';
  /** The request that created it (for the promotion notice); empty for pre-existing seals. */
  requestId: string;
};

export type Asset = {
  assetType: AssetType;
  /** Unique in the whole world. */
  identifier: string;
  /** Institutions that hold the record and answer for it. */
  holders: string[];
  ownerKey: string;
  ownerName: string;
  description: string;
  valueFen: number;
  /** For balance-type assets: the balance (valueFen follows it). */
  balanceFen?: number;
  extra: Record<string, unknown>;
  freezes: FreezeRecord[];
  seals: SealRecord[];
};

/** A related party as a registry shows it (market regulation, real-estate registry). */
export type Relation = {
  kind: 'legalRepresentative' | 'shareholder' | 'investment' | 'spouse';
  name: string;
  idNumber?: string;
  creditCode?: string;
  sharePct?: number;
};

export type SubjectKind = 'person' | 'company';
export type Subject = { kind: SubjectKind; key: string; name: string };
