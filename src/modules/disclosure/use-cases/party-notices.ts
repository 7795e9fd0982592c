import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx, Tx } from '../../../platform/db.ts';
import { loadCaseContext } from '../../cases/index.ts';
import { systemActorFor } from '../../identity/index.ts';
import { queueSms, smsLogOf } from '../../notify/index.ts';
import type { TDeliveryList, TPartyNoticeList, TPreferences } from '../contracts.ts';
import type { PortalUser } from '../portal-auth.ts';
import { notices, preferences } from '../tables.ts';
import type { CaseAccess } from './party-access.ts';

/**
 * Telling the parties of a case's key nodes (seed 003 item 43): an in-app notice in their portal
 * and an SMS, each as the party chose (both unless they said otherwise), once per node. The SMS
 * goes through `notify` to the phone the court recorded; the portal shows the delivery log.
 */
type Subject = { kind: 'party' | 'lawyer'; id: string };

function subjectOf(user: PortalUser): Subject {
  return user.kind === 'party'
    ? { kind: 'party', id: user.identifier }
    : { kind: 'lawyer', id: user.lawyerId };
}

export async function preferencesOf(db: DbOrTx, subject: Subject): Promise<TPreferences> {
  const [row] = await db
    .select()
    .from(preferences)
    .where(and(eq(preferences.subjectKind, subject.kind), eq(preferences.subjectId, subject.id)));
  return row ? { sms: row.sms, inApp: row.inApp } : { sms: true, inApp: true };
}

export async function readPreferences(db: Db, user: PortalUser): Promise<TPreferences> {
  return preferencesOf(db, subjectOf(user));
}

export async function savePreferences(db: Db, user: PortalUser, input: TPreferences): Promise<TPreferences> {
  const s = subjectOf(user);
  await db
    .insert(preferences)
    .values({ subjectKind: s.kind, subjectId: s.id, sms: input.sms, inApp: input.inApp })
    .onConflictDoUpdate({
      target: [preferences.subjectKind, preferences.subjectId],
      set: { sms: input.sms, inApp: input.inApp },
    });
  return input;
}

export type PartyNotice = {
  /** Once per notice and party: `node:<nodeId>`. */
  key: string;
  caseId: string;
  courtId: string;
  kind: string;
  text: string;
  /** The SMS is sent elsewhere (money: by funds) or not at all. */
  isInAppOnly?: boolean;
};

/** Notifies the applicants of a case (the parties who follow its progress), each by their choice. */
export async function notifyApplicants(tx: Tx, notice: PartyNotice): Promise<void> {
  const actor = await systemActorFor(tx, notice.courtId);
  if (!actor) return;
  const c = await loadCaseContext(tx, actor, notice.caseId);
  for (const party of c.applicants) {
    const identifier = party.idNumber ?? party.creditCode;
    if (!identifier) continue;
    const prefs = await preferencesOf(tx, { kind: 'party', id: identifier });
    if (prefs.inApp) {
      await tx
        .insert(notices)
        .values({
          id: randomUUID(),
          dedupeKey: `${notice.key}:${party.id}`,
          subjectKind: 'party',
          subjectId: identifier,
          caseId: c.id,
          caseNumber: c.caseNumber,
          kind: notice.kind,
          text: notice.text,
          createdAt: clock.now(),
        })
        .onConflictDoNothing({ target: notices.dedupeKey });
    }
    if (prefs.sms && !notice.isInAppOnly) {
      await queueSms(tx, {
        dedupeKey: `disclosure.${notice.key}:${party.id}`,
        to: party.phone,
        text: `【执行】${c.caseNumber}：${notice.text}`,
        kind: `disclosure.${notice.kind}`,
        caseId: c.id,
        courtId: c.courtId,
      });
    }
  }
}

export async function listNotices(db: Db, user: PortalUser): Promise<TPartyNoticeList> {
  const s = subjectOf(user);
  const mine = and(eq(notices.subjectKind, s.kind), eq(notices.subjectId, s.id));
  const [rows, [unread]] = await Promise.all([
    db.select().from(notices).where(mine).orderBy(desc(notices.seq)).limit(100),
    db
      .select({ n: count() })
      .from(notices)
      .where(and(mine, isNull(notices.readAt))),
  ]);
  return {
    items: rows.map((n) => ({
      id: n.id,
      caseId: n.caseId,
      caseNumber: n.caseNumber,
      kind: n.kind,
      text: n.text,
      createdAt: n.createdAt.toISOString(),
      isRead: n.readAt !== null,
    })),
    unread: unread?.n ?? 0,
  };
}

export async function markNoticesRead(db: Db, user: PortalUser): Promise<void> {
  const s = subjectOf(user);
  await db
    .update(notices)
    .set({ readAt: clock.now() })
    .where(and(eq(notices.subjectKind, s.kind), eq(notices.subjectId, s.id), isNull(notices.readAt)));
}

/** The delivery log of a case: the SMS to the user's phones and the in-app notices. */
export async function listDeliveries(db: Db, user: PortalUser, access: CaseAccess): Promise<TDeliveryList> {
  const s = subjectOf(user);
  const [sms, inApp] = await Promise.all([
    smsLogOf(db, access.caseId, access.role === 'lawyer' ? [] : access.seats.map((seat) => seat.phone)),
    db
      .select()
      .from(notices)
      .where(
        and(eq(notices.subjectKind, s.kind), eq(notices.subjectId, s.id), eq(notices.caseId, access.caseId)),
      )
      .orderBy(desc(notices.seq))
      .limit(200),
  ]);
  const items = [
    ...sms.map((m) => ({ ...m, channel: 'sms' as const })),
    ...inApp.map((n) => ({
      id: n.id,
      channel: 'inApp' as const,
      kind: n.kind,
      text: n.text,
      to: n.subjectKind === 'party' ? '门户 / portal' : '律师门户 / lawyer portal',
      state: n.readAt ? 'read' : 'delivered',
      createdAt: n.createdAt.toISOString(),
      deliveredAt: n.createdAt.toISOString(),
    })),
  ].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { items };
}
