import { and, asc, eq } from 'drizzle-orm';
import { hasRole, Role } from '../identity/index.ts';
import { endOfChinaDate, type InboxSource } from '../inbox/index.ts';
import { entries } from './tables.ts';

/**
 * A court leader's to-do: the listings of their court waiting to be signed (签发). An entry
 * applied for by the applicant has its decision date (失信规定 art. 5: within 15 days), which orders it.
 */
export const creditInbox: InboxSource = async (db, actor, { limit }) => {
  if (!hasRole(actor, Role.courtLeader)) return [];
  const rows = await db
    .select({
      id: entries.id,
      caseId: entries.caseId,
      caseNumber: entries.caseNumber,
      name: entries.name,
      decisionDueOn: entries.decisionDueOn,
      createdAt: entries.createdAt,
    })
    .from(entries)
    .where(and(eq(entries.courtPath, actor.court.path), eq(entries.state, 'pendingApproval')))
    .orderBy(asc(entries.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: `creditApproval:${r.id}`,
    kind: 'creditApproval' as const,
    title: `失信名单待签发：${r.name}（${r.caseNumber}）`,
    titleEn: `Dishonest listing to sign: ${r.name} (${r.caseNumber})`,
    link: `/cases/${r.caseId}?tab=credit`,
    ...(r.decisionDueOn ? { dueAt: endOfChinaDate(r.decisionDueOn) } : {}),
    createdAt: r.createdAt.toISOString(),
  }));
};
