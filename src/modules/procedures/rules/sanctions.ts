/**
 * Sanctions for obstructing enforcement (DOMAIN.md §9; CPL 2023 arts. 114–119, CPL-I 2022 arts.
 * 180–185): the limits of a fine (罚款) and of detention (拘留), the one review (复议) and its
 * periods, the rule that one act is not sanctioned twice by the same measure, the count of a
 * person's detentions, and the 60 days public security has to answer a referral for the crime
 * of refusing to perform (拒执罪移送). Pure.
 */
import {
  addCalendarDays,
  type Bilingual,
  compareIsoDates,
  formatYuan,
  type RuleResult,
  refuse,
  rollForwardToWorkingDay,
  succeed,
} from '../../../kernel/index.ts';

export const sanctionKinds = ['fine', 'detention', 'refusalReferral'] as const;
export type SanctionKind = (typeof sanctionKinds)[number];

export const sanctionKindLabels: Readonly<Record<SanctionKind, Bilingual>> = {
  fine: { zh: '罚款', en: 'Fine' },
  detention: { zh: '拘留', en: 'Detention' },
  refusalReferral: { zh: '拒执罪移送', en: 'Referral for refusing to perform' },
};

/** Whom a sanction falls on: a natural person, or a unit (a company, an assisting unit). */
export type SubjectType = 'natural' | 'organisation';

// CPL art. 118: a fine on a natural person is at most ¥100,000
export const maxPersonFineFen = 10_000_000;
// CPL art. 118: a fine on a unit is from ¥50,000 to ¥1,000,000
export const minUnitFineFen = 5_000_000;
export const maxUnitFineFen = 100_000_000;
// CPL art. 118: detention is at most 15 days
export const maxDetentionDays = 15;
// CPL-I art. 185: review is applied for within 3 days of receiving the decision
export const reviewApplicationDays = 3;
// CPL-I art. 185: the higher court decides within 5 days of receiving the application
export const reviewDecisionDays = 5;
// 拒执罪解释 (2024, on Criminal Law art. 313): public security that does not act within 60 days lets the applicant prosecute privately
export const referralReplyDays = 60;

export type LimitCode = 'belowMinimum' | 'aboveMaximum' | 'notANaturalPerson';

/** CPL art. 118: the amount of a fine, by whom it falls on. */
export function checkFineAmount(amountFen: number, subject: SubjectType): RuleResult<number, LimitCode> {
  if (subject === 'natural') {
    if (amountFen > maxPersonFineFen) {
      return refuse(
        'aboveMaximum',
        `对个人的罚款金额不得超过${formatYuan(maxPersonFineFen)}元（民事诉讼法第一百一十八条）`,
        `A fine on a natural person is at most ${formatYuan(maxPersonFineFen)} yuan (CPL art. 118)`,
      );
    }
    return succeed(amountFen);
  }
  if (amountFen < minUnitFineFen || amountFen > maxUnitFineFen) {
    return refuse(
      amountFen < minUnitFineFen ? 'belowMinimum' : 'aboveMaximum',
      `对单位的罚款金额为${formatYuan(minUnitFineFen)}元以上${formatYuan(maxUnitFineFen)}元以下（民事诉讼法第一百一十八条）`,
      `A fine on a unit is from ${formatYuan(minUnitFineFen)} to ${formatYuan(maxUnitFineFen)} yuan (CPL art. 118)`,
    );
  }
  return succeed(amountFen);
}

/** CPL art. 118: detention of a natural person, 1 to 15 days (a unit is fined; its people may be detained). */
export function checkDetention(days: number, subject: SubjectType): RuleResult<number, LimitCode> {
  if (subject !== 'natural') {
    return refuse(
      'notANaturalPerson',
      '只能对自然人拘留；对单位可以罚款，并可以对其主要负责人或者直接责任人员拘留',
      'Only a natural person can be detained; a unit is fined, and its principal or responsible person may be detained',
    );
  }
  if (days > maxDetentionDays) {
    return refuse(
      'aboveMaximum',
      `拘留期限不得超过${maxDetentionDays}日（民事诉讼法第一百一十八条）`,
      `Detention is at most ${maxDetentionDays} days (CPL art. 118)`,
    );
  }
  if (days < 1) return refuse('belowMinimum', '拘留期限至少1日', 'Detention is at least 1 day');
  return succeed(days);
}

/** The last day of detention: the day of admission counts as the first. */
export function detentionEndsOn(startOn: string, days: number): string {
  return addCalendarDays(startOn, days - 1);
}

/** "第N次拘留": the person's detentions are counted, the first being 1. */
export function detentionSequenceLabel(sequence: number): Bilingual {
  const ordinal = sequence === 1 ? '1st' : sequence === 2 ? '2nd' : sequence === 3 ? '3rd' : `${sequence}th`;
  return { zh: `第${sequence}次拘留`, en: `${ordinal} detention` };
}

/** Where a person stands on `today` under an admitted detention. */
export type Custody = 'inCustody' | 'served' | 'releasedEarly';

export function custodyOn(detention: { endOn: string; releasedOn: string | null }, today: string): Custody {
  if (detention.releasedOn !== null) return 'releasedEarly';
  return compareIsoDates(today, detention.endOn) > 0 ? 'served' : 'inCustody';
}

/**
 * CPL art. 85: a period does not count its first day, and one whose last day is a statutory
 * holiday ends on the next working day.
 */
function periodEndsOn(from: string, days: number): string {
  return rollForwardToWorkingDay(addCalendarDays(from, days));
}

/** CPL-I art. 185: the last day to apply for review, from the day the decision was received. */
export function reviewApplyBy(receivedOn: string): string {
  return periodEndsOn(receivedOn, reviewApplicationDays);
}

/** CPL-I art. 185: the last day for the higher court's decision, from the day the application arrived. */
export function reviewDecideBy(appliedOn: string): string {
  return periodEndsOn(appliedOn, reviewDecisionDays);
}

export type ReviewCode = 'receivedBeforeDecision' | 'receivedInFuture' | 'late';

/**
 * CPL art. 119, CPL-I art. 185: the sanctioned may apply once, within 3 days of receiving the
 * decision. `path` names the field a refusal is about.
 */
export function checkReviewApplication(input: {
  decidedOn: string;
  receivedOn: string;
  today: string;
}): RuleResult<{ applyBy: string }, ReviewCode> {
  if (compareIsoDates(input.receivedOn, input.decidedOn) < 0) {
    return refuse(
      'receivedBeforeDecision',
      '收到决定书的日期不能早于决定日期',
      'The decision cannot be received before it was made',
    );
  }
  if (compareIsoDates(input.receivedOn, input.today) > 0) {
    return refuse(
      'receivedInFuture',
      '收到决定书的日期不能晚于今天',
      'The receipt date cannot be in the future',
    );
  }
  const applyBy = reviewApplyBy(input.receivedOn);
  if (compareIsoDates(input.today, applyBy) > 0) {
    return refuse(
      'late',
      `复议申请期限已于${applyBy}届满（收到决定书之日起${reviewApplicationDays}日内）`,
      `The period to apply for review ended on ${applyBy} (${reviewApplicationDays} days from receiving the decision)`,
    );
  }
  return succeed({ applyBy });
}

/** Whether the higher court decided (or, undecided, is) past its 5 days. */
export function isReviewDecisionLate(appliedOn: string, decidedOrToday: string): boolean {
  return compareIsoDates(decidedOrToday, reviewDecideBy(appliedOn)) > 0;
}

/**
 * 拒执罪解释 (2024): the referral's 60 days, public security's answer, and whether its silence
 * lets the applicant bring a private prosecution.
 */
export function referralStanding(
  transferredOn: string,
  repliedOn: string | null,
  today: string,
): { replyDueOn: string; isReplyOverdue: boolean; mayProsecutePrivately: boolean } {
  const replyDueOn = addCalendarDays(transferredOn, referralReplyDays);
  const isReplyOverdue = repliedOn === null && compareIsoDates(today, replyDueOn) > 0;
  return { replyDueOn, isReplyOverdue, mayProsecutePrivately: isReplyOverdue };
}

/**
 * CPL-I art. 184: one act is not fined, nor detained, twice ("不得连续适用"); a new act may be
 * sanctioned anew (CPL-I art. 183: a fine and a detention may be applied together). An act is
 * the same when it falls on the same subject on the same day and is described alike — in the same
 * words, spacing, punctuation and letter case aside.
 */
export function actKeyOf(act: { description: string; occurredOn: string }): string {
  const words = act.description
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, '');
  return `${act.occurredOn}|${words}`;
}

/** Who the sanction falls on, across cases: the ID number or credit code where known. */
export function subjectKeyOf(subject: {
  idNumber: string | null;
  creditCode: string | null;
  partyId: string | null;
  name: string;
}): string {
  if (subject.idNumber) return `id:${subject.idNumber.toUpperCase()}`;
  if (subject.creditCode) return `cc:${subject.creditCode.toUpperCase()}`;
  if (subject.partyId) return `party:${subject.partyId}`;
  return `name:${subject.name.normalize('NFKC').replace(/\s+/gu, '')}`;
}

/** Whether a sanction of `kind` for this act is barred by one already proposed or decided. */
export function isRepeatedSanction(
  earlier: readonly { kind: SanctionKind; actKey: string; status: string }[],
  proposed: { kind: SanctionKind; actKey: string },
): boolean {
  return earlier.some(
    (e) => e.kind === proposed.kind && e.actKey === proposed.actKey && e.status !== 'rejected',
  );
}

/** 司惩: the number of a fine or detention decision, in the form of a case number. */
export function formatDecisionNumber(year: number, courtCode: string, sequence: number): string {
  return `（${year}）${courtCode}司惩${sequence}号`;
}
