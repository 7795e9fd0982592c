import { formatChinaDateTime, formatYuan } from '../../kernel/index.ts';
import type { Tx } from '../../platform/db.ts';
import { on } from '../../platform/events.ts';
import { loadCaseContext } from '../cases/index.ts';
import { systemActorFor } from '../identity/index.ts';
import { queueInApp, queueSms } from '../notify/index.ts';
import { lotAnnounced, lotClosed } from './auction-events.ts';

/**
 * The parties learn of the auction (网拍规定 2016 art. 11; DOMAIN.md §7): an SMS to every applicant
 * and respondent when a round is announced — the announcement itself stays on the platform, which
 * counts as notice to those who cannot be reached — and when bidding ends, with the result; the
 * case team gets an in-app message. Once per lot and party (the notify module's dedupe keys).
 */
async function caseOf(tx: Tx, caseId: string, courtId: string) {
  const actor = await systemActorFor(tx, courtId);
  if (!actor) throw new Error(`court ${courtId} not found`);
  const c = await loadCaseContext(tx, actor, caseId);
  const team = [c.team.judgeId, c.team.assistantId, c.team.clerkId].filter((id): id is string => id !== null);
  return { c, team, parties: [...c.applicants, ...c.respondents] };
}

const roundName = { first: '第一次', second: '第二次' } as const;

export const tellOfAnnouncement = on(lotAnnounced, async (tx, e) => {
  const { c, team, parties } = await caseOf(tx, e.caseId, e.courtId);
  const text =
    `【执行】${c.caseNumber}案查封财产${roundName[e.round]}网络司法拍卖已公告，起拍价${formatYuan(e.startingPriceFen)}元，` +
    `${formatChinaDateTime(e.biddingStartsAt)}开始竞价，详见法院网络司法拍卖平台。`;
  for (const party of parties)
    await queueSms(tx, {
      dedupeKey: `disposal.lot-announced:${e.lotId}:${party.id}`,
      to: party.phone,
      text,
      kind: 'disposal.lot-announced',
      caseId: c.id,
      courtId: c.courtId,
    });
  await queueInApp(tx, {
    dedupeKey: `disposal.lot-announced:${e.lotId}`,
    userIds: team,
    title: `${roundName[e.round]}拍卖已公告`,
    body: `${c.caseNumber}：起拍价 ¥${formatYuan(e.startingPriceFen)}，${formatChinaDateTime(e.biddingStartsAt)} 开始竞价；已短信告知当事人。`,
    kind: 'disposal.lot-announced',
    caseId: c.id,
    courtId: c.courtId,
  });
});

export const tellOfClose = on(lotClosed, async (tx, e) => {
  const { c, team, parties } = await caseOf(tx, e.caseId, e.courtId);
  const result =
    e.outcome === 'won' && e.priceFen !== null
      ? `以${formatYuan(e.priceFen)}元成交，买受人应于${e.balanceDueOn ?? ''}前付清余款`
      : '流拍';
  for (const party of parties)
    await queueSms(tx, {
      dedupeKey: `disposal.lot-closed:${e.lotId}:${party.id}`,
      to: party.phone,
      text: `【执行】${c.caseNumber}案查封财产${roundName[e.round]}网络司法拍卖已结束：${result}。`,
      kind: 'disposal.lot-closed',
      caseId: c.id,
      courtId: c.courtId,
    });
  await queueInApp(tx, {
    dedupeKey: `disposal.lot-closed:${e.lotId}`,
    userIds: team,
    title: e.outcome === 'won' ? `${roundName[e.round]}拍卖成交` : `${roundName[e.round]}拍卖流拍`,
    body: `${c.caseNumber}：${result}。`,
    kind: 'disposal.lot-closed',
    caseId: c.id,
    courtId: c.courtId,
  });
});
