import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { addCalendarDays, chinaDateOf } from '../../../kernel/index.ts';
import type { Database } from '../../../platform/db.ts';
import { expiryWarningDays } from '../rules/control-periods.ts';
import { notices } from '../tables.ts';
import { teamOf } from './settle.ts';

/**
 * Prompts the team about measures in force that expire within the warning period (CPL-I art. 485
 * periods; renew before expiry). One notice per measure and expiry date, so a renewed measure is
 * warned about again before its new expiry.
 */
export async function warnExpiringMeasures(database: Database, now: Date): Promise<number> {
  const today = chinaDateOf(now);
  const horizon = addCalendarDays(today, expiryWarningDays);
  return database.db.transaction(async (tx) => {
    const due = await tx.execute<{
      id: string;
      case_id: string;
      court_id: string;
      kind: string;
      until: string;
      document_name: string;
    }>(sql`
      select m.id, m.case_id, m.court_id, m.kind, m.until::text as until, m.document_name from inquiry.measures m
      where m.state in ('inForce', 'queued') and m.kind in ('freeze', 'seal', 'seize')
        and m.until between ${today}::date and ${horizon}::date
        and not exists (select 1 from inquiry.notices n where n.dedupe_key = 'expiring:' || m.id || ':' || m.until::text)`);
    const label = { freeze: '冻结', seal: '查封', seize: '扣押' } as const;
    for (const m of due) {
      const what = m.kind === 'freeze' || m.kind === 'seal' || m.kind === 'seize' ? label[m.kind] : m.kind;
      await tx
        .insert(notices)
        .values({
          id: randomUUID(),
          caseId: m.case_id,
          courtId: m.court_id,
          kind: 'expiring',
          measureId: m.id,
          recipientIds: await teamOf(tx, m.court_id, m.case_id),
          title: `${what}措施将于${m.until}到期`,
          body: `${m.document_name}所涉措施将于${m.until}到期，如需继续控制请在到期前续行。 / The measure expires on ${m.until}; renew it before then.`,
          dedupeKey: `expiring:${m.id}:${m.until}`,
        })
        .onConflictDoNothing();
    }
    return due.length;
  });
}
