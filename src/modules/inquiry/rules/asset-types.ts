/** Asset types as institutions report them, and what the court may do with each. */
import type { Bilingual } from '../../../kernel/index.ts';

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
export const assetTypeValues = Object.values(AssetType) as [AssetType, ...AssetType[]];

export function isAssetType(s: string): s is AssetType {
  return assetTypeValues.some((t) => t === s);
}

export const assetTypeLabels: Readonly<Record<AssetType, Bilingual>> = {
  deposit: { zh: '存款', en: 'Deposit' },
  wealthProduct: { zh: '理财产品', en: 'Wealth-management product' },
  realEstate: { zh: '不动产', en: 'Real estate' },
  vehicle: { zh: '车辆', en: 'Vehicle' },
  securities: { zh: '证券', en: 'Securities' },
  equity: { zh: '股权', en: 'Equity' },
  housingFund: { zh: '住房公积金', en: 'Housing fund' },
  onlinePayment: { zh: '网络支付账户', en: 'Online payment account' },
  insurance: { zh: '保险', en: 'Insurance' },
  ship: { zh: '船舶', en: 'Ship' },
};

/** Money held in an account: frozen by amount, and frozen money may be deducted (扣划). */
const balanceTypes: readonly AssetType[] = [
  'deposit',
  'wealthProduct',
  'securities',
  'housingFund',
  'onlinePayment',
  'insurance',
];
/** Things registered by identifier: sealed (查封; for equity, 冻结股权), queued behind earlier seals. */
const sealableTypes: readonly AssetType[] = ['realEstate', 'vehicle', 'equity', 'ship'];
/** Movables that can also be taken into the court's custody (扣押). */
const seizableTypes: readonly AssetType[] = ['vehicle', 'ship'];

export const MeasureKind = {
  freeze: 'freeze',
  seal: 'seal',
  seize: 'seize',
  unfreeze: 'unfreeze',
  renew: 'renew',
  deduct: 'deduct',
} as const;
export type MeasureKind = (typeof MeasureKind)[keyof typeof MeasureKind];
export const measureKindValues = Object.values(MeasureKind) as [MeasureKind, ...MeasureKind[]];

export const measureKindLabels: Readonly<Record<MeasureKind, Bilingual>> = {
  freeze: { zh: '冻结', en: 'freeze' },
  seal: { zh: '查封', en: 'seal' },
  seize: { zh: '扣押', en: 'seizure' },
  unfreeze: { zh: '解除', en: 'lift' },
  renew: { zh: '续行', en: 'renewal' },
  deduct: { zh: '扣划', en: 'deduction' },
};

export function isMeasureKind(s: string): s is MeasureKind {
  return measureKindValues.some((k) => k === s);
}

export function isBalanceAsset(t: string): boolean {
  return balanceTypes.some((b) => b === t);
}

/** The measures that can start on an asset of this type (renew, unfreeze and deduct act on one in force). */
export function canStartMeasure(kind: MeasureKind, assetType: string): boolean {
  if (kind === 'freeze') return balanceTypes.some((b) => b === assetType);
  if (kind === 'seal') return sealableTypes.some((b) => b === assetType);
  if (kind === 'seize') return seizableTypes.some((b) => b === assetType);
  return false;
}

/** The protocol operation that carries out a measure (lifting a seal is `release`). */
export function operationOf(kind: MeasureKind, target: 'freeze' | 'seal' | 'seize' | null): string {
  if (kind === 'unfreeze') return target === 'freeze' ? 'unfreeze' : 'release';
  return kind;
}
