import { sql } from 'drizzle-orm';
import { hasRole, Role } from '../identity/index.ts';
import { endOfChinaDate, type InboxEntry, type InboxSource } from '../inbox/index.ts';

/**
 * The front desk's asks of a user: meetings booked with them as the case judge, from today on;
 * deputies' proposals assigned to them and not yet answered; and, for the court's leaders, the
 * proposals registered and not yet assigned.
 */
export const serviceInbox: InboxSource = async (db, actor, { today, limit }) => {
  const meetings = await db.execute<{
    id: string;
    caseId: string;
    caseNumber: string;
    meetingOn: string;
    slot: 'am' | 'pm';
    bookedAt: Date | string;
  }>(sql`select id, case_id as "caseId", case_number as "caseNumber", meeting_on::text as "meetingOn", slot,
      booked_at as "bookedAt"
    from service.meetings where judge_id = ${actor.userId}::uuid and meeting_on >= ${today}::date
    order by meeting_on, slot limit ${limit}`);
  const items: InboxEntry[] = meetings.map((m) => ({
    id: `meeting:${m.id}`,
    kind: 'meeting',
    title: `当事人约见：${m.caseNumber}，${m.meetingOn}${m.slot === 'am' ? '上午' : '下午'}`,
    titleEn: `Meeting with a party: ${m.caseNumber}, ${m.meetingOn} ${m.slot === 'am' ? 'morning' : 'afternoon'}`,
    link: `/cases/${m.caseId}`,
    dueAt: endOfChinaDate(m.meetingOn),
    createdAt: new Date(m.bookedAt).toISOString(),
  }));
  const isLeader = hasRole(actor, Role.courtLeader);
  const proposals = await db.execute<{
    id: string;
    title: string;
    state: string;
    dueOn: string;
    registeredAt: Date | string;
  }>(sql`select id, title, state, due_on::text as "dueOn", registered_at as "registeredAt"
    from service.deputy_proposals
    where (state = 'assigned' and assignee_id = ${actor.userId}::uuid)
      or (${isLeader} and state = 'registered' and court_id = ${actor.court.id}::uuid)
    order by due_on limit ${limit}`);
  for (const p of proposals)
    items.push({
      id: `proposal:${p.id}`,
      kind: 'proposal',
      title: `${p.state === 'registered' ? '代表建议待交办' : '代表建议待答复'}：${p.title}`,
      titleEn: `${p.state === 'registered' ? 'Proposal to assign' : 'Proposal to answer'}: ${p.title}`,
      link: '/service/proposals',
      dueAt: endOfChinaDate(p.dueOn),
      createdAt: new Date(p.registeredAt).toISOString(),
    });
  return items;
};
