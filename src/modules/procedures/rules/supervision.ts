/**
 * Procuratorial supervision of enforcement (检察监督; CPL art. 246; 最高人民法院、最高人民检察院
 * 关于民事执行活动法律监督若干问题的规定, 2016 — "监督规定" below): which procuratorate may
 * supervise a case, what it is called, when the court's written reply to a procuratorial
 * recommendation (检察建议) is due and where a recommendation stands. Pure.
 */
import { addMonths, type Bilingual, compareIsoDates } from '../../../kernel/index.ts';

// 监督规定 art. 13 (the reply period is art. 13, not art. 21): the court replies in writing within 3 months
// of receiving a recommendation; the president may extend it by 1 month (not offered here yet)
export const replyMonths = 3;

/** The last day of the court's written reply to a recommendation received on `receivedOn`. */
export function replyDueOn(receivedOn: string): string {
  return addMonths(receivedOn, replyMonths);
}

export const recommendationStatusValues = ['awaitingReply', 'overdue', 'replied', 'repliedLate'] as const;
export type RecommendationStatus = (typeof recommendationStatusValues)[number];

export const recommendationStatusLabels: Readonly<Record<RecommendationStatus, Bilingual>> = {
  awaitingReply: { zh: '待回复', en: 'Awaiting the court’s reply' },
  overdue: { zh: '逾期未回复', en: 'Reply overdue' },
  replied: { zh: '已回复', en: 'Replied' },
  repliedLate: { zh: '逾期后回复', en: 'Replied after the period' },
};

/** Where a recommendation stands on `today`: answered (in time or late), or still waiting (overdue or not). */
export function recommendationStatusOn(
  r: { replyDueOn: string; repliedOn: string | null },
  today: string,
): RecommendationStatus {
  if (r.repliedOn !== null)
    return compareIsoDates(r.repliedOn, r.replyDueOn) <= 0 ? 'replied' : 'repliedLate';
  return compareIsoDates(today, r.replyDueOn) <= 0 ? 'awaitingReply' : 'overdue';
}

/**
 * 监督规定 art. 4: a case is supervised by the procuratorate at the level of the enforcing court,
 * and a higher procuratorate may take it over. A procuratorate is paired with the court of its
 * level, so it may supervise the cases of that court and of the courts below it (court paths run
 * from the root: "/spc/high/intermediate/basic/").
 */
export function isProcuratorateCompetent(procuratorateCourtPath: string, caseCourtPath: string): boolean {
  return procuratorateCourtPath !== '' && caseCourtPath.startsWith(procuratorateCourtPath);
}

/**
 * The procuratorate paired with a court: 最高人民法院 → 最高人民检察院, 浙江省高级人民法院 → 浙江省人民
 * 检察院, 杭州市中级人民法院 → 杭州市人民检察院, 杭州市西湖区人民法院 → 杭州市西湖区人民检察院 (a
 * detached tribunal has none of its own: its court's).
 */
export function procuratorateNameOf(courtName: string): string {
  const at = courtName.indexOf('人民法院');
  if (at < 0) return `${courtName}（检察院）`;
  const place = courtName.slice(0, at);
  if (place === '最高') return '最高人民检察院';
  return `${place.replace(/[高中]级$/, '')}人民检察院`;
}
