/**
 * What a rating suggests: the track of the case (繁简分流) and the measures to propose next. Pure;
 * the team decides — each proposal names the rule that the measure itself must still satisfy.
 */
import type { Bilingual } from '../../../kernel/index.ts';

export type Track = 'simple' | 'complex';

export const measureCodes = [
  'onlineInquiry',
  'deductFrozen',
  'freezeDeposits',
  'sealAssets',
  'startValuation',
  'consumptionRestriction',
  'dishonestListing',
  'search',
  'terminationReview',
] as const;
export type MeasureCode = (typeof measureCodes)[number];

export type ProposedMeasure = Bilingual & { code: MeasureCode };

/** What the proposals and the track read of the rating's input (rating.ts `RatingInput`). */
export type ProposalInput = {
  outstandingFen: number;
  isSearched: boolean;
  availableBalanceFen: number;
  frozenHereFen: number;
  thingsFirstFen: number;
  thingsQueuedFen: number;
  thingsUnsealedCount: number;
  thingsSealedHereCount: number;
  voluntaryPaidFen: number;
  isListed: boolean;
  breachCount: number;
  isRestrictedHere: boolean;
  isListedHere: boolean;
  propertyReport: 'reported' | 'late' | 'notReported' | null;
};

const measureTexts: Readonly<Record<MeasureCode, Bilingual>> = {
  onlineInquiry: {
    zh: '发起网络执行查控，查明存款、不动产、车辆、证券、股权等财产',
    en: 'Launch an online inquiry for deposits, real estate, vehicles, securities, equity and other assets',
  },
  deductFrozen: { zh: '扣划本案已冻结的存款', en: 'Deduct the deposits frozen for this case' },
  freezeDeposits: {
    zh: '冻结查控发现的存款等资金（以未履行金额为限）',
    en: 'Freeze the money found, up to the amount outstanding',
  },
  sealAssets: {
    zh: '查封、扣押查控发现的不动产、车辆等登记财产',
    en: 'Seal or seize the registered things found (real estate, vehicles …)',
  },
  startValuation: {
    zh: '对已查封财产启动处置参考价程序（查封后30日内）',
    en: 'Start the reference price of the sealed things (within 30 days of the seal)',
  },
  consumptionRestriction: {
    zh: '发出限制消费令（执行通知指定期间内未履行的）',
    en: 'Order a consumption restriction (not paid within the period of the enforcement notice)',
  },
  dishonestListing: {
    zh: '审查是否符合纳入失信被执行人名单的情形（失信规定第一条）',
    en: 'Consider listing as a dishonest debtor (check the grounds of 失信规定 art. 1)',
  },
  search: {
    zh: '被执行人有隐匿财产迹象的，可依法搜查',
    en: 'The respondent shows signs of hiding assets: consider a search order',
  },
  terminationReview: {
    zh: '未发现可供执行财产：核查终结本次执行程序的条件（终本规定第一条）',
    en: 'No assets found: review the conditions for terminating this round (终本规定 art. 1)',
  },
};

function measure(code: MeasureCode): ProposedMeasure {
  return { code, ...measureTexts[code] };
}

/**
 * 繁简分流: the simple (quick) track when nothing is outstanding, or when money already found —
 * available balances and freezes of this case — covers the outstanding amount and nothing speaks
 * against the respondent's cooperation (no listing, breach or refused report); everything else,
 * which needs valuation and auction, investigation or coercion, goes to the complex track.
 */
export function triage(input: ProposalInput, willingnessPoints: number): { track: Track; reason: Bilingual } {
  if (input.outstandingFen <= 0)
    return { track: 'simple', reason: { zh: '已无未履行金额', en: 'Nothing is outstanding' } };
  if (!input.isSearched)
    return {
      track: 'complex',
      reason: { zh: '财产状况未查明', en: 'The assets are not yet known' },
    };
  const isMoneyEnough = input.availableBalanceFen + input.frozenHereFen >= input.outstandingFen;
  if (isMoneyEnough && willingnessPoints >= 0)
    return {
      track: 'simple',
      reason: {
        zh: '查控到的资金足以清偿，且无不配合执行的记录',
        en: 'The money found covers the amount outstanding and nothing shows the respondent refusing to cooperate',
      },
    };
  if (isMoneyEnough)
    return {
      track: 'complex',
      reason: {
        zh: '资金足以清偿，但有失信或违反义务的记录',
        en: 'The money found would suffice, but the respondent has a record of dishonesty or breaches',
      },
    };
  return {
    track: 'complex',
    reason: {
      zh: '查控到的资金不足以清偿，需处置财产或进一步调查',
      en: 'The money found does not cover the amount outstanding: things must be sold or more investigated',
    },
  };
}

/** The measures the rating proposes, in the order a team would take them. */
export function proposeMeasures(
  input: ProposalInput,
  derived: { attachableFen: number; willingnessPoints: number },
): ProposedMeasure[] {
  if (input.outstandingFen <= 0) return [];
  if (!input.isSearched) {
    const first = [measure('onlineInquiry')];
    return input.isRestrictedHere ? first : [...first, measure('consumptionRestriction')];
  }
  const proposals: ProposedMeasure[] = [];
  const liquid = input.availableBalanceFen + input.frozenHereFen;
  if (input.frozenHereFen > 0) proposals.push(measure('deductFrozen'));
  if (input.availableBalanceFen > 0 && input.frozenHereFen < input.outstandingFen)
    proposals.push(measure('freezeDeposits'));
  if (input.thingsUnsealedCount > 0 && liquid < input.outstandingFen) proposals.push(measure('sealAssets'));
  // DOMAIN §2: start the reference-price process within 30 days of a seizure.
  if (input.thingsSealedHereCount > 0) proposals.push(measure('startValuation'));
  // 限消规定 art. 1: may be ordered when the respondent has not paid within the notice's period.
  if (!input.isRestrictedHere && liquid < input.outstandingFen)
    proposals.push(measure('consumptionRestriction'));
  // 失信规定 art. 1(2)–(6): a refused property report (4), or earlier listings for such conduct to check here.
  if (!input.isListedHere && (input.propertyReport === 'notReported' || input.breachCount > 0))
    proposals.push(measure('dishonestListing'));
  const hasSigns = input.isListed || input.breachCount > 0 || input.propertyReport === 'notReported';
  if (derived.attachableFen < input.outstandingFen && hasSigns) proposals.push(measure('search'));
  const isNothingFound = liquid === 0 && input.thingsFirstFen === 0 && input.thingsQueuedFen === 0;
  if (isNothingFound) proposals.push(measure('terminationReview'));
  return proposals;
}
