import { and, asc, eq, isNotNull, lte, ne, or } from 'drizzle-orm';
import { addWorkingDays } from '../../kernel/index.ts';
import { endOfChinaDate, type InboxSource } from '../inbox/index.ts';
import { deadlineKindLabel } from './rules/deadlines.ts';
import { cases } from './tables.ts';

/**
 * How near a deadline is before it reaches the team's inbox: 3 working days *(practice: the
 * warning the deadline tag turns orange at; overdue ones stay until met)*.
 */
export const deadlineInboxWorkingDays = 3;

/** The team's cases whose next node deadline passes within three working days or has passed. */
export const casesInbox: InboxSource = async (db, actor, { today, limit }) => {
  const horizon = addWorkingDays(today, deadlineInboxWorkingDays);
  const rows = await db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      kind: cases.nextDeadlineKind,
      dueOn: cases.nextDeadlineOn,
      createdAt: cases.createdAt,
    })
    .from(cases)
    .where(
      and(
        or(
          eq(cases.judgeId, actor.userId),
          eq(cases.assistantId, actor.userId),
          eq(cases.bailiffId, actor.userId),
          eq(cases.clerkId, actor.userId),
        ),
        ne(cases.status, 'closed'),
        isNotNull(cases.nextDeadlineKind),
        lte(cases.nextDeadlineOn, horizon),
      ),
    )
    .orderBy(asc(cases.nextDeadlineOn), asc(cases.id))
    .limit(limit);
  return rows.flatMap((r) => {
    if (!r.kind || !r.dueOn) return [];
    const label = deadlineKindLabel(r.kind);
    const isOverdue = r.dueOn < today;
    return [
      {
        // One item per case and deadline: the next deadline makes a new, unread item.
        id: `deadline:${r.id}-${r.kind}-${r.dueOn}`,
        kind: 'deadline' as const,
        title: `${isOverdue ? '已超期' : '期限将至'}：${r.caseNumber} ${label.zh}（${r.dueOn}）`,
        titleEn: `${isOverdue ? 'Overdue' : 'Deadline near'}: ${r.caseNumber} ${label.en} (${r.dueOn})`,
        link: `/cases/${r.id}`,
        dueAt: endOfChinaDate(r.dueOn),
        createdAt: r.createdAt.toISOString(),
      },
    ];
  });
};
