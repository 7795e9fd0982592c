/**
 * Changing and adding respondents (变更追加规定, 法释〔2016〕21号, 2020 amendment; DOMAIN.md §11):
 * the grounds and which of them answer only within a limit, the 60 days for the ruling, the
 * hearing a ruling to add needs, and the objection each ruling opens — review (复议) within 10
 * days, or an enforcement objection suit within 15 for rulings under arts. 14(2) and 17–21. Pure.
 */
import {
  addCalendarDays,
  type Bilingual,
  compareIsoDates,
  type RuleResult,
  refuse,
  succeed,
} from '../../../../kernel/index.ts';

export const additionGrounds = [
  'heir',
  'soleProprietor',
  'partner',
  'unpaidCapital',
  'withdrawnCapital',
  'transferBeforePaying',
  'onePersonCompany',
  'deregisteredWithoutLiquidation',
  'freeReceipt',
] as const;
export type AdditionGround = (typeof additionGrounds)[number];

/** How a ruling is challenged: review by the higher court (art. 30) or a suit at the same court (art. 32). */
export type ObjectionKind = 'review' | 'suit';

export type GroundRule = {
  readonly article: string;
  readonly label: Bilingual;
  /** Answers only within a limit (the estate, the unpaid or withdrawn capital, what was received). */
  readonly isLimited: boolean;
  readonly objection: ObjectionKind;
};

export const groundRules: Readonly<Record<AdditionGround, GroundRule>> = {
  // art. 10: a deceased natural person's heirs answer within the estate
  heir: {
    article: '变更追加规定第十条',
    label: { zh: '继承人（在遗产范围内）', en: 'Heir, within the estate' },
    isLimited: true,
    objection: 'review',
  },
  // art. 13: the investor of a sole proprietorship answers for it
  soleProprietor: {
    article: '变更追加规定第十三条',
    label: { zh: '个人独资企业出资人', en: 'Investor of a sole proprietorship' },
    isLimited: false,
    objection: 'review',
  },
  // art. 14(1): the general partners of a partnership that cannot pay (14(2), a limited partner's unpaid capital, is `unpaidCapital`)
  partner: {
    article: '变更追加规定第十四条第一款',
    label: { zh: '普通合伙人', en: 'General partner of a partnership' },
    isLimited: false,
    objection: 'review',
  },
  // art. 17: a shareholder who has not paid in, within the unpaid amount
  unpaidCapital: {
    article: '变更追加规定第十七条',
    label: {
      zh: '未缴纳或未足额缴纳出资的股东（在未缴出资范围内）',
      en: 'Shareholder who has not paid in, within the unpaid capital',
    },
    isLimited: true,
    objection: 'suit',
  },
  // art. 18: a shareholder who withdrew capital, within the amount withdrawn
  withdrawnCapital: {
    article: '变更追加规定第十八条',
    label: {
      zh: '抽逃出资的股东（在抽逃出资范围内）',
      en: 'Shareholder who withdrew capital, within the amount withdrawn',
    },
    isLimited: true,
    objection: 'suit',
  },
  // art. 19: a shareholder who transferred shares before paying in (and the transferee who knew), within the unpaid amount
  transferBeforePaying: {
    article: '变更追加规定第十九条',
    label: {
      zh: '未依法出资即转让股权的股东（在未依法出资范围内）',
      en: 'Shareholder who transferred shares before paying in, within the unpaid capital',
    },
    isLimited: true,
    objection: 'suit',
  },
  // art. 20: the shareholder of a one-person company who cannot prove the company's property independent, jointly
  onePersonCompany: {
    article: '变更追加规定第二十条',
    label: { zh: '一人有限责任公司股东（连带责任）', en: 'Shareholder of a one-person company, jointly' },
    isLimited: false,
    objection: 'suit',
  },
  // art. 21: shareholders, directors and controllers of a company deregistered without liquidation, jointly
  deregisteredWithoutLiquidation: {
    article: '变更追加规定第二十一条',
    label: {
      zh: '未经清算即注销的公司的股东、董事、控股股东（连带责任）',
      en: 'Shareholder, director or controller of a company deregistered without liquidation, jointly',
    },
    isLimited: false,
    objection: 'suit',
  },
  // art. 22: whoever received property for free after deregistration or revocation, within what was received
  freeReceipt: {
    article: '变更追加规定第二十二条',
    label: {
      zh: '无偿接受财产的第三人（在所受财产范围内）',
      en: 'Who received property for free, within what was received',
    },
    isLimited: true,
    objection: 'review',
  },
};

// 变更追加规定 art. 28: the ruling within 60 days of the application
export const rulingDays = 60;
// 变更追加规定 art. 30: review (复议) by the higher court within 10 days of service of the ruling
export const reviewObjectionDays = 10;
// 变更追加规定 art. 32: an enforcement objection suit within 15 days of service, for rulings under arts. 14(2), 17–21
export const suitObjectionDays = 15;

export type LimitProblem = 'limitRequired' | 'limitNotAllowed';

/**
 * Arts. 10, 17–19, 22: the grounds that answer within a limit need it; arts. 13, 14(1), 20, 21 make
 * the added respondent answer without one (jointly), so a limit there is refused.
 */
export function checkLimit(
  ground: AdditionGround,
  limitFen: number | null | undefined,
): RuleResult<number | null, LimitProblem> {
  const rule = groundRules[ground];
  const hasLimit = limitFen !== null && limitFen !== undefined;
  if (rule.isLimited && !hasLimit) {
    return refuse(
      'limitRequired',
      `依${rule.article}，被追加人在限额内承担责任，请填写责任限额`,
      `Under ${rule.article} the added respondent answers within a limit: state it`,
    );
  }
  if (!rule.isLimited && hasLimit) {
    return refuse(
      'limitNotAllowed',
      `依${rule.article}，被追加人承担连带责任，不设责任限额`,
      `Under ${rule.article} the added respondent answers jointly, without a limit`,
    );
  }
  return succeed(hasLimit ? limitFen : null);
}

/** Art. 28: the ruling is due 60 calendar days after the application, plus the days the president extended it by. */
export function rulingDueOn(appliedOn: string, extendedDays = 0): string {
  return addCalendarDays(appliedOn, rulingDays + extendedDays);
}

/** A ruling made after its due date is recorded as late (art. 28); it still stands. */
export function isRulingLate(dueOn: string, ruledOn: string): boolean {
  return compareIsoDates(ruledOn, dueOn) > 0;
}

export type Objection = {
  readonly kind: ObjectionKind;
  readonly days: number;
  readonly dueOn: string;
  readonly label: Bilingual;
};

/**
 * Arts. 30 and 32: how the ruling (to add, or to reject) is challenged and by when, counted from
 * service — the ruling is served on the day it is made (practice: handed over with the ruling).
 */
export function objectionOf(ground: AdditionGround, servedOn: string): Objection {
  if (groundRules[ground].objection === 'suit') {
    return {
      kind: 'suit',
      days: suitObjectionDays,
      dueOn: addCalendarDays(servedOn, suitObjectionDays),
      label: {
        zh: `自裁定书送达之日起${suitObjectionDays}日内向执行法院提起执行异议之诉（变更追加规定第三十二条）`,
        en: `An enforcement objection suit at the enforcing court within ${suitObjectionDays} days of service (art. 32)`,
      },
    };
  }
  return {
    kind: 'review',
    days: reviewObjectionDays,
    dueOn: addCalendarDays(servedOn, reviewObjectionDays),
    label: {
      zh: `自裁定书送达之日起${reviewObjectionDays}日内向上一级人民法院申请复议（变更追加规定第三十条）`,
      en: `Review by the higher court within ${reviewObjectionDays} days of service (art. 30)`,
    },
  };
}

export type HearingFacts = { readonly heldOn: string; readonly isWaived: boolean } | null;

/**
 * Art. 28: a collegial panel reviews with a public hearing, unless the facts are clear and
 * undisputed. A ruling to add made with no hearing on file is the panel's finding that the facts
 * are clear and undisputed: the waiver is recorded with the ruling, on the ruling's day, and says so.
 */
export function hearingAtRuling(
  hearing: HearingFacts,
  today: string,
): { heldOn: string; isWaived: boolean; isRecordedAtRuling: boolean } {
  if (hearing !== null) return { ...hearing, isRecordedAtRuling: false };
  return { heldOn: today, isWaived: true, isRecordedAtRuling: true };
}

/** The record a waiver found at the ruling carries (art. 28). */
export const waiverAtRulingRecord =
  '未经听证：合议庭审查认为事实清楚、权利义务关系明确、争议不大（变更追加规定第二十八条），于裁定时记载';

/** The hearing is held after the application and not in the future. */
export function checkHearingDate(
  heldOn: string,
  appliedOn: string,
  today: string,
): RuleResult<string, 'beforeApplication' | 'future'> {
  if (compareIsoDates(heldOn, today) > 0)
    return refuse('future', '听证日期不能晚于今天', 'The hearing cannot be in the future');
  if (compareIsoDates(heldOn, appliedOn) < 0)
    return refuse(
      'beforeApplication',
      '听证日期不能早于申请日期',
      'The hearing cannot precede the application',
    );
  return succeed(heldOn);
}
