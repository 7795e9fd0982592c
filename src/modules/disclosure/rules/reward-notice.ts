/**
 * Reward notices (悬赏公告; 财产调查规定 (2020) arts. 21–24, DOMAIN §9): when the team decides,
 * who may not be rewarded, and how much may be paid. Pure.
 */
import type { Bilingual } from '../../../kernel/index.ts';
import { answerDueOn } from './requests.ts';

/** 财产调查规定 (2020) art. 21 (DOMAIN §9): decided within 10 days of the written application (rules/requests.ts). */
export function rewardDecisionDueOn(receivedOn: string): string {
  return answerDueOn('rewardNotice', receivedOn);
}

export type Person = { name: string; idNumber: string | null };

/** Who may not take the reward: the applicant's agents, and those obliged to report the debtor's property. */
export type ExcludedPeople = {
  /** The agents (lawyers and others) of the applicant parties, as the case records them. */
  agents: readonly Person[];
  /** The respondents (a person by name and ID number) and, for an organisation, its legal representative. */
  obliged: readonly Person[];
};

export type Exclusion = { reason: 'agent' | 'obliged'; message: Bilingual };

function sameName(a: string, b: string): boolean {
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}

function sameId(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.trim().toUpperCase() === b.trim().toUpperCase();
}

function matches(informant: Person, p: Person): boolean {
  return sameId(informant.idNumber, p.idNumber) || sameName(informant.name, p.name);
}

/**
 * 财产调查规定 (2020) art. 24: the applicant's agent and a respondent obliged to report its property
 * take no reward. An informant matches by ID number, or by name (an agent's ID number is not on file).
 */
export function rewardExclusionOf(informant: Person, excluded: ExcludedPeople): Exclusion | null {
  if (excluded.agents.some((a) => matches(informant, a))) {
    return {
      reason: 'agent',
      message: {
        zh: '线索提供人是申请执行人的代理人，不得领取悬赏金',
        en: 'The informant is an agent of the applicant and may not take the reward',
      },
    };
  }
  if (excluded.obliged.some((o) => matches(informant, o))) {
    return {
      reason: 'obliged',
      message: {
        zh: '线索提供人负有报告财产义务，不得领取悬赏金',
        en: 'The informant is obliged to report the property and may not take the reward',
      },
    };
  }
  return null;
}

export type RewardLedger = {
  /** The reward the notice announced. */
  announcedFen: number;
  /** Rewards already granted on this notice. */
  grantedOnNoticeFen: number;
  /** What the case has recovered so far (已执行到位). */
  recoveredFen: number;
  /** Rewards already granted on every notice of the case. */
  grantedOnCaseFen: number;
};

/**
 * 财产调查规定 (2020) art. 24: the reward is deducted from what the applicant recovers, so all the
 * rewards of a case never exceed its recovery; nor does a notice pay more than it announced.
 */
export function rewardAmountProblem(rewardFen: number, ledger: RewardLedger): Bilingual | null {
  if (!Number.isSafeInteger(rewardFen) || rewardFen < 0) {
    return { zh: '悬赏金应为非负整数（分）', en: 'The reward is a non-negative whole number of fen' };
  }
  if (rewardFen === 0) return null;
  const leftOnNotice = ledger.announcedFen - ledger.grantedOnNoticeFen;
  if (rewardFen > leftOnNotice) {
    return {
      zh: `悬赏金超过公告金额，尚可发放${Math.max(leftOnNotice, 0)}分`,
      en: `The reward exceeds the amount announced; ${Math.max(leftOnNotice, 0)} fen remain`,
    };
  }
  const leftOfRecovery = ledger.recoveredFen - ledger.grantedOnCaseFen;
  if (rewardFen > leftOfRecovery) {
    return {
      zh: `悬赏金从申请执行人应得的执行款中扣减，不能超过已执行到位金额，尚可发放${Math.max(leftOfRecovery, 0)}分`,
      en: `The reward is paid from the applicant's recovery and cannot exceed it; ${Math.max(leftOfRecovery, 0)} fen remain`,
    };
  }
  return null;
}
