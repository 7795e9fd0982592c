/**
 * How long the case team has to answer what a party or lawyer sends through the portal: each kind
 * with its rule. Calendar days unless the period says working days. Pure.
 */
import { addCalendarDays, addWorkingDays, type Bilingual } from '../../../kernel/index.ts';
import type { TRequestKind } from '../contracts.ts';

export type AnswerPeriod = { days: number; isWorkingDays: boolean; rule: string };

export const answerPeriods: Readonly<Record<TRequestKind, AnswerPeriod>> = {
  // 财产调查规定 (2020) art. 2: a lead the applicant gives is verified within 7 days (3 if urgent)
  clue: { days: 7, isWorkingDays: false, rule: '财产调查规定第2条 / Property investigation rules art. 2' },
  // (practice) a message to the judge is answered within 3 working days
  message: { days: 3, isWorkingDays: true, rule: '实践做法 / Court practice' },
  // 失信规定 art. 5: an application to list is decided within 15 days
  dishonestListing: { days: 15, isWorkingDays: false, rule: '失信规定第5条 / Dishonest-list rules art. 5' },
  // (practice) an application to restrict consumption is decided within 15 days, as a listing
  consumptionRestriction: { days: 15, isWorkingDays: false, rule: '实践做法 / Court practice' },
  // 财产调查规定 (2020) arts. 17, 21: an audit or a reward notice is decided within 10 days
  rewardNotice: {
    days: 10,
    isWorkingDays: false,
    rule: '财产调查规定第21条 / Property investigation rules art. 21',
  },
  audit: {
    days: 10,
    isWorkingDays: false,
    rule: '财产调查规定第17条 / Property investigation rules art. 17',
  },
  // (practice) a lawyer's investigation order is decided within 3 days
  investigationOrder: { days: 3, isWorkingDays: false, rule: '实践做法 / Court practice' },
  // 立案规定: an application (here to restore enforcement) is decided within 7 days
  restoration: { days: 7, isWorkingDays: false, rule: '执行期限规定第1条 / Time-limit rules art. 1' },
  // CPL art. 236: an objection to enforcement is decided within 15 days
  objection: { days: 15, isWorkingDays: false, rule: '民事诉讼法第236条 / CPL art. 236' },
  // 失信规定 art. 12: a correction request is reviewed within 15 days
  correction: { days: 15, isWorkingDays: false, rule: '失信规定第12条 / Dishonest-list rules art. 12' },
};

/** 财产调查规定 (2020) art. 2: an urgent lead is verified within 3 days. */
export const urgentClueDays = 3;

export const requestKindLabels: Readonly<Record<TRequestKind, Bilingual>> = {
  clue: { zh: '财产线索', en: 'Asset clue' },
  message: { zh: '留言', en: 'Message to the judge' },
  dishonestListing: { zh: '申请纳入失信名单', en: 'Application to list as dishonest' },
  consumptionRestriction: { zh: '申请限制消费', en: 'Application to restrict consumption' },
  rewardNotice: { zh: '申请悬赏公告', en: 'Application for a reward notice' },
  audit: { zh: '申请审计', en: 'Application for an audit' },
  investigationOrder: { zh: '申请律师调查令', en: 'Application for an investigation order' },
  restoration: { zh: '申请恢复执行', en: 'Application to restore enforcement' },
  objection: { zh: '执行异议', en: 'Objection to enforcement' },
  correction: { zh: '申请纠正', en: 'Request for correction' },
};

/** The day the team must answer by, counted from the day the request arrived. */
export function answerDueOn(
  kind: TRequestKind,
  receivedOn: string,
  opts: { isUrgent?: boolean } = {},
): string {
  if (kind === 'clue' && opts.isUrgent) return addCalendarDays(receivedOn, urgentClueDays);
  const period = answerPeriods[kind];
  return period.isWorkingDays
    ? addWorkingDays(receivedOn, period.days)
    : addCalendarDays(receivedOn, period.days);
}
