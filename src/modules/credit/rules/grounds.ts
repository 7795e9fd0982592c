/**
 * The grounds for listing a debtor as dishonest (失信规定 art. 1) and the cases where listing is
 * excluded (arts. 3–4), checked against what the case knows.
 */
import { ageOn, type Bilingual, validateIdNumber } from '../../../kernel/index.ts';

// 失信规定 art. 1: six grounds, numbered (1)–(6)
export const listingGrounds = {
  1: {
    zh: '有履行能力而拒不履行生效法律文书确定义务',
    en: 'Able to perform the obligation in the effective legal document but refuses to',
  },
  2: {
    zh: '以伪造证据、暴力、威胁等方法妨碍、抗拒执行',
    en: 'Obstructs or resists enforcement by forged evidence, violence, threats or similar means',
  },
  3: {
    zh: '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行',
    en: 'Evades enforcement by sham litigation or arbitration, or by hiding or transferring assets',
  },
  4: { zh: '违反财产报告制度', en: 'Breaches the duty to report property' },
  5: { zh: '违反限制消费令', en: 'Breaches a consumption restriction order' },
  6: {
    zh: '无正当理由拒不履行执行和解协议',
    en: 'Refuses without good reason to perform an enforcement settlement',
  },
} as const satisfies Record<number, Bilingual>;
export type ListingGround = keyof typeof listingGrounds;
export const listingGroundNumbers: readonly ListingGround[] = [1, 2, 3, 4, 5, 6];

export function isListingGround(n: unknown): n is ListingGround {
  return typeof n === 'number' && listingGroundNumbers.some((g) => g === n);
}

/** The ground as cited in a decision letter: `《失信规定》第一条第（一）项`. */
export function groundClause(ground: ListingGround): Bilingual {
  const zhNumerals = ['一', '二', '三', '四', '五', '六'];
  return {
    zh: `《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条第（${zhNumerals[ground - 1]}）项`,
    en: `art. 1(${ground}) of the SPC provisions on publishing the list of dishonest debtors`,
  };
}

// 失信规定 art. 4: a minor (under 18) may never be listed
export const ageOfMajority = 18;

export type RespondentKind = 'natural' | 'legal' | 'other';
export type RefusalReason = Bilingual & { readonly code: string; readonly path: string };

/** What the case and the credit records know when a listing is decided. Amounts in fen. */
export type ListingFacts = {
  readonly claimAmountFen: number;
  readonly recoveredFen: number;
  readonly caseStatus: string;
  readonly hasSettlement: boolean;
  /** Adequate security given (declared by the judge, or a restriction lifted on security). */
  readonly hasAdequateSecurity: boolean;
  /** Value of property already sealed, seized or frozen in this case. */
  readonly controlledPropertyFen: number;
  /** False while the debtor is not yet due in the order of performance (e.g. a guarantor). */
  readonly isDueInOrderOfPerformance: boolean;
};

export type EligibilityInput = {
  readonly ground: ListingGround;
  readonly respondent: { readonly kind: RespondentKind; readonly idNumber: string | null };
  readonly decisionDate: string;
  readonly facts: ListingFacts;
};

function reason(code: string, path: string, zh: string, en: string): RefusalReason {
  return { code, path, zh, en };
}

function minorReasons(idNumber: string | null, decisionDate: string): RefusalReason[] {
  if (!idNumber) {
    return [
      reason(
        'ID_NUMBER_REQUIRED',
        'respondentId',
        '自然人被执行人须有身份证号，以核实其已成年',
        'A natural-person debtor needs an ID number to confirm that they are of age',
      ),
    ];
  }
  const checked = validateIdNumber(idNumber, decisionDate);
  if (!checked.ok) return [reason('ID_NUMBER_INVALID', 'respondentId', checked.reason.zh, checked.reason.en)];
  // 失信规定 art. 4: age on the day of the decision, from the birth date in the ID number
  const age = ageOn(checked.value, decisionDate);
  if (age >= ageOfMajority) return [];
  return [
    reason(
      'MINOR',
      'respondentId',
      `被执行人为未成年人（${age}周岁），不得纳入失信名单`,
      `The debtor is a minor (aged ${age}) and may not be listed as dishonest`,
    ),
  ];
}

/**
 * Whether a debtor may be listed as dishonest on `ground`, with every reason against it.
 * Art. 1 presupposes non-performance; art. 3 excludes ground (1) in three situations; art. 4
 * excludes minors; ground (6) presupposes a settlement.
 */
export function checkListingEligibility(input: EligibilityInput): { ok: boolean; reasons: RefusalReason[] } {
  const { ground, respondent, decisionDate, facts } = input;
  const reasons: RefusalReason[] = [];
  const outstandingFen = facts.claimAmountFen - facts.recoveredFen;
  if (facts.caseStatus === 'closed') {
    reasons.push(reason('CASE_CLOSED', 'caseId', '案件已结案，不能纳入失信名单', 'The case is closed'));
  }
  // 失信规定 art. 1: only a debtor who has not performed
  if (outstandingFen <= 0) {
    reasons.push(
      reason('FULLY_PERFORMED', 'respondentId', '被执行人已履行全部义务', 'The debtor has performed in full'),
    );
  }
  if (ground === 1) {
    // 失信规定 art. 3(1): adequate security provided
    if (facts.hasAdequateSecurity) {
      reasons.push(
        reason(
          'ADEQUATE_SECURITY',
          'exclusions.hasAdequateSecurity',
          '已提供充分有效担保',
          'Adequate security has been provided',
        ),
      );
    }
    // 失信规定 art. 3(2): property already sealed, seized or frozen suffices to pay the claim
    if (outstandingFen > 0 && facts.controlledPropertyFen >= outstandingFen) {
      reasons.push(
        reason(
          'PROPERTY_CONTROLLED_SUFFICES',
          'exclusions.controlledPropertyFen',
          '已查封、扣押、冻结的财产足以清偿生效法律文书确定的债务',
          'Property already sealed, seized or frozen suffices to pay the claim',
        ),
      );
    }
    // 失信规定 art. 3(3): not yet due in the order of performance
    if (!facts.isDueInOrderOfPerformance) {
      reasons.push(
        reason(
          'NOT_YET_DUE_IN_ORDER',
          'exclusions.isDueInOrderOfPerformance',
          '被执行人依法尚未到履行顺序',
          'The debtor is not yet due in the order of performance',
        ),
      );
    }
  }
  // 失信规定 art. 1(6): refusing to perform a settlement presupposes one
  if (ground === 6 && !facts.hasSettlement) {
    reasons.push(
      reason(
        'NO_SETTLEMENT',
        'ground',
        '本案未记录执行和解，不适用第（六）项',
        'No enforcement settlement is recorded in this case',
      ),
    );
  }
  if (respondent.kind === 'natural') reasons.push(...minorReasons(respondent.idNumber, decisionDate));
  return { ok: reasons.length === 0, reasons };
}
