import type {
  TInstitution,
  TMeasureKind,
  TRequestState,
} from '../../../../../../src/modules/inquiry/contracts.ts';
import type { MessageKey } from '../../../../i18n/index.ts';

/** Message keys of the inquiry vocabulary, looked up from the codes the server sends. */
const assetTypeKeys: Record<string, MessageKey> = {
  deposit: 'assetType.deposit',
  wealthProduct: 'assetType.wealthProduct',
  realEstate: 'assetType.realEstate',
  vehicle: 'assetType.vehicle',
  securities: 'assetType.securities',
  equity: 'assetType.equity',
  housingFund: 'assetType.housingFund',
  onlinePayment: 'assetType.onlinePayment',
  insurance: 'assetType.insurance',
  ship: 'assetType.ship',
};

const measureStateKeys: Record<string, MessageKey> = {
  requested: 'inquiry.state.requested',
  inForce: 'inquiry.state.inForce',
  queued: 'inquiry.state.queued',
  done: 'inquiry.state.done',
  rejected: 'inquiry.state.rejected',
  failed: 'inquiry.state.failed',
  released: 'inquiry.state.released',
  exhausted: 'inquiry.state.exhausted',
};

export function assetTypeKey(type: string): MessageKey | null {
  return assetTypeKeys[type] ?? null;
}

export function measureStateKey(state: string): MessageKey | null {
  return measureStateKeys[state] ?? null;
}

export const measureKindKey = (kind: TMeasureKind): MessageKey => `inquiry.kind.${kind}`;
const operationKeys: Record<string, MessageKey> = {
  query: 'inquiry.kind.query',
  freeze: 'inquiry.kind.freeze',
  renew: 'inquiry.kind.renew',
  unfreeze: 'inquiry.kind.unfreeze',
  seal: 'inquiry.kind.seal',
  seize: 'inquiry.kind.seize',
  release: 'inquiry.kind.release',
  deduct: 'inquiry.kind.deduct',
};

/** What an institution can do for the courts (查询, 冻结 …), by the protocol's operation codes. */
export function operationKey(operation: TInstitution['operations'][number]): MessageKey | null {
  return operationKeys[operation] ?? null;
}
export const requestStateKey = (state: TRequestState): MessageKey => `inquiry.request.${state}`;

export const measureStateColor: Record<string, string> = {
  requested: 'processing',
  inForce: 'success',
  queued: 'gold',
  done: 'default',
  rejected: 'error',
  failed: 'error',
  released: 'default',
  exhausted: 'default',
};

const balanceTypes = ['deposit', 'wealthProduct', 'securities', 'housingFund', 'onlinePayment', 'insurance'];

/** The measures that can start on an asset (the server decides; this only offers the buttons). */
export function startableKinds(assetType: string): TMeasureKind[] {
  if (balanceTypes.includes(assetType)) return ['freeze'];
  if (assetType === 'vehicle' || assetType === 'ship') return ['seal', 'seize'];
  if (assetType === 'realEstate' || assetType === 'equity') return ['seal'];
  return [];
}

export function isBalanceType(assetType: string): boolean {
  return balanceTypes.includes(assetType);
}
