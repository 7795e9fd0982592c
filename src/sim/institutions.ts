import { createHmac } from 'node:crypto';
import {
  type AssetType,
  BALANCE_ASSET_TYPES,
  type Channel,
  type Institution,
  type InstitutionKind,
  type Knobs,
  type Operation,
  SEALABLE_ASSET_TYPES,
  SEIZABLE_ASSET_TYPES,
} from './types.ts';

type Entry = readonly [
  code: string,
  name: string,
  kind: InstitutionKind,
  channel: Channel,
  assetTypes: AssetType[],
];

const BANK_ASSETS: AssetType[] = ['deposit', 'wealthProduct'];

/** The outside world's institutions: 总对总 (national) connections and 点对点 (local) ones in Zhejiang. */
const ENTRIES: readonly Entry[] = [
  ['icbc', '中国工商银行', 'bank', 'national', BANK_ASSETS],
  ['abc', '中国农业银行', 'bank', 'national', BANK_ASSETS],
  ['boc', '中国银行', 'bank', 'national', BANK_ASSETS],
  ['ccb', '中国建设银行', 'bank', 'national', BANK_ASSETS],
  ['bocom', '交通银行', 'bank', 'national', BANK_ASSETS],
  ['psbc', '中国邮政储蓄银行', 'bank', 'national', BANK_ASSETS],
  ['cmb', '招商银行', 'bank', 'national', BANK_ASSETS],
  ['citic', '中信银行', 'bank', 'national', BANK_ASSETS],
  ['cib', '兴业银行', 'bank', 'national', BANK_ASSETS],
  ['spdb', '上海浦东发展银行', 'bank', 'national', BANK_ASSETS],
  ['hzbank', '杭州银行', 'bank', 'local', BANK_ASSETS],
  ['nbcb', '宁波银行', 'bank', 'local', BANK_ASSETS],
  ['zjrcu', '浙江农商联合银行', 'bank', 'local', BANK_ASSETS],
  ['mnr', '自然资源部不动产登记中心', 'realEstateRegistry', 'national', ['realEstate']],
  ['hzbdc', '杭州市不动产登记服务中心', 'realEstateRegistry', 'local', ['realEstate']],
  ['nbbdc', '宁波市不动产登记中心', 'realEstateRegistry', 'local', ['realEstate']],
  ['vma', '公安部交通管理局（车管所）', 'vehicleAdministration', 'national', ['vehicle']],
  ['chinaclear', '中国证券登记结算有限责任公司', 'securitiesDepository', 'national', ['securities']],
  ['samr', '国家市场监督管理总局', 'marketRegulation', 'national', ['equity']],
  ['hzgjj', '杭州住房公积金管理中心', 'housingFund', 'local', ['housingFund']],
  ['nbgjj', '宁波市住房公积金管理中心', 'housingFund', 'local', ['housingFund']],
  ['alipay', '支付宝（中国）网络技术有限公司', 'paymentPlatform', 'national', ['onlinePayment']],
  ['tenpay', '财付通支付科技有限公司', 'paymentPlatform', 'national', ['onlinePayment']],
  ['chinalife', '中国人寿保险股份有限公司', 'insurer', 'national', ['insurance']],
  ['pingan', '中国平安人寿保险股份有限公司', 'insurer', 'national', ['insurance']],
  ['msa', '交通运输部海事局', 'maritimeRegistry', 'national', ['ship']],
];

export const INSTITUTIONS: readonly Institution[] = ENTRIES.map(
  ([code, name, kind, channel, assetTypes]) => ({
    code,
    name,
    kind,
    channel,
    assetTypes,
    operations: listOperations(assetTypes),
  }),
);

const byCode = new Map(INSTITUTIONS.map((i) => [i.code, i]));

export function findInstitution(code: string): Institution | undefined {
  return byCode.get(code);
}

function listOperations(assetTypes: readonly AssetType[]): Operation[] {
  const ops = new Set<Operation>(['query']);
  for (const t of assetTypes) {
    if (BALANCE_ASSET_TYPES.includes(t))
      for (const op of ['freeze', 'renew', 'unfreeze', 'deduct'] as const) ops.add(op);
    if (SEALABLE_ASSET_TYPES.includes(t)) for (const op of ['seal', 'renew', 'release'] as const) ops.add(op);
    if (SEIZABLE_ASSET_TYPES.includes(t)) ops.add('seize');
  }
  return [...ops];
}

/** Each institution's HMAC key: hex HMAC-SHA256(secret, code). Zhixing registers the same keys. */
export function institutionKeys(secret: string): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const i of INSTITUTIONS) keys[i.code] = createHmac('sha256', secret).update(i.code).digest('hex');
  return keys;
}

/**
 * Mild defaults: banks answer fastest, registries slowest; no errors, no rate limit; each institution
 * works on at most 32 requests at a time (more are refused with 429 until some are answered).
 */
export function defaultKnobs(kind: InstitutionKind): Knobs {
  const isRegistry =
    kind === 'realEstateRegistry' || kind === 'vehicleAdministration' || kind === 'maritimeRegistry';
  const isBank = kind === 'bank' || kind === 'paymentPlatform';
  return {
    latencyMedianMs: isBank ? 150 : isRegistry ? 300 : 200,
    latencyP99Ms: isBank ? 900 : isRegistry ? 2000 : 1200,
    errorRate: 0,
    timeoutRate: 0,
    rateLimitPerSecond: 0,
    maxConcurrent: 32,
    maintenanceWindows: [],
    isUnderMaintenance: false,
    malformedCallbackRate: 0,
    duplicateCallbackRate: 0,
  };
}
