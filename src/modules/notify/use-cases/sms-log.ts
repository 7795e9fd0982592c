import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db.ts';
import { normalizeMobile } from '../rules/phone.ts';
import { messages } from '../tables.ts';

/**
 * The SMS sent about a case to the given phones, newest first (a party's delivery log). Sign-in
 * codes are left out: a code is the recipient's secret even after it is used.
 */
export async function smsLogOf(db: DbOrTx, caseId: string, phones: readonly (string | null)[]) {
  const recipients = phones.map((p) => normalizeMobile(p)).filter((p): p is string => p !== null);
  if (recipients.length === 0) return [];
  const rows = await db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.channel, 'sms'),
        eq(messages.caseId, caseId),
        inArray(messages.recipient, recipients),
        ne(messages.kind, 'disclosure.loginCode'),
      ),
    )
    .orderBy(desc(messages.seq))
    .limit(200);
  return rows.map((m) => ({
    id: m.id,
    kind: m.kind,
    text: m.body,
    to: `${m.recipient.slice(0, 3)}****${m.recipient.slice(-4)}`,
    state: m.state,
    createdAt: m.createdAt.toISOString(),
    deliveredAt: m.sentAt?.toISOString() ?? null,
  }));
}
