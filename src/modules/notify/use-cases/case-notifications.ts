import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import { loadCaseContext } from '../../cases/index.ts';
import type { Actor } from '../../identity/index.ts';
import { maskPhone } from '../rules/phone.ts';
import { deliveries, messages } from '../tables.ts';

// A case's log is read whole; past this many messages, the newest.
const maxMessages = 500;

/**
 * What was sent about a case, by SMS and in-app, with every delivery attempt. Outside the data
 * scope the case does not exist (404). Phone numbers are whole for the case team, masked for
 * everyone else; the team's read of them is audited with its purpose.
 */
export async function listCaseNotifications(db: Db, actor: Actor, caseId: string, purpose: string) {
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId);
    const rows = await tx
      .select()
      .from(messages)
      .where(eq(messages.caseId, c.id))
      .orderBy(desc(messages.seq))
      .limit(maxMessages);
    const attempts = rows.length
      ? await tx
          .select()
          .from(deliveries)
          .where(
            inArray(
              deliveries.messageId,
              rows.map((m) => m.id),
            ),
          )
          .orderBy(asc(deliveries.id))
      : [];
    const hasPhones = rows.some((m) => m.channel === 'sms' && m.recipient !== '');
    if (c.isTeamMember && hasPhones) {
      await appendAudit(tx, {
        actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
        action: 'notify.case.personal-data.read',
        objectType: 'case',
        objectId: c.id,
        purpose,
      });
    }
    const shown = (m: (typeof rows)[number]) =>
      m.channel === 'sms' && !c.isTeamMember ? maskPhone(m.recipient) : m.recipient;
    return {
      items: rows.map((m) => ({
        id: m.id,
        channel: m.channel,
        kind: m.kind,
        to: shown(m),
        title: m.title,
        body: m.body,
        state: m.state,
        attempts: m.attempts,
        lastError: m.lastError,
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
        readAt: m.readAt?.toISOString() ?? null,
        deliveries: attempts
          .filter((d) => d.messageId === m.id)
          .map((d) => ({
            attempt: d.attempt,
            attemptedAt: d.attemptedAt.toISOString(),
            outcome: d.outcome,
            httpStatus: d.httpStatus,
          })),
      })),
    };
  });
}
