import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { chinaDateOf } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TServeDocument } from '../contracts.ts';
import { assertCaseTeam } from '../policy.ts';
import { services } from '../tables.ts';
import { loadDocument } from './read-documents.ts';

/**
 * Records the service (送达) of a sealed document on a party of its case: electronic service puts it
 * in the party's portal, where opening it records the time of receipt; postal service records the
 * tracking number and, from the return receipt, the day it was received.
 */
export async function serveDocument(db: DbOrTx, actor: Actor, documentId: string, input: TServeDocument) {
  const { doc, c } = await loadDocument(db, actor, documentId);
  assertCaseTeam(c);
  if (doc.sealedAt === null) {
    throw new AppError(
      ErrorCode.conflict,
      bi('文书加盖院印后才能送达', 'A document is served only once sealed'),
    );
  }
  const party = [...c.applicants, ...c.respondents].find((p) => p.id === input.partyId);
  if (!party) throw invalidField('partyId', '不是本案当事人', 'Not a party of this case');
  if (input.method === 'postal' && input.trackingNumber === undefined) {
    throw invalidField(
      'trackingNumber',
      '邮寄送达须填写邮件号',
      'A postal service needs its tracking number',
    );
  }
  if (
    input.method === 'electronic' &&
    (input.trackingNumber !== undefined || input.receivedOn !== undefined)
  ) {
    throw invalidField(
      input.trackingNumber !== undefined ? 'trackingNumber' : 'receivedOn',
      '电子送达的签收时间由当事人查阅时记录',
      'An electronic service is received when the party opens it',
    );
  }
  const now = clock.now();
  const receivedOn = input.receivedOn ?? null;
  const receivedAt = receivedOn === null ? null : new Date(`${receivedOn}T12:00:00+08:00`);
  if (receivedOn !== null && (receivedOn > chinaDateOf(now) || receivedOn < doc.issuedOn)) {
    throw invalidField(
      'receivedOn',
      '签收日期应在文书日期之后、今天之前',
      'The day of receipt must lie between the document’s date and today',
    );
  }
  return db.transaction((tx) =>
    recordService(tx, actor, doc, party, {
      method: input.method,
      servedAt: now,
      receivedAt,
      trackingNumber: input.trackingNumber ?? null,
      note: input.note ?? '',
    }),
  );
}

/**
 * Records a service of a sealed document on a party in the caller's transaction, with its audit
 * record: once per document, party and method (a second is refused).
 */
export async function recordService(
  tx: DbOrTx,
  actor: Actor,
  doc: { id: string; caseId: string; sha256: string },
  party: { id: string; name: string },
  input: {
    method: TServeDocument['method'];
    servedAt: Date;
    receivedAt: Date | null;
    trackingNumber: string | null;
    note: string;
  },
): Promise<{ id: string }> {
  const [existing] = await tx
    .select({ id: services.id })
    .from(services)
    .where(
      and(eq(services.documentId, doc.id), eq(services.partyId, party.id), eq(services.method, input.method)),
    );
  if (existing)
    throw new AppError(
      ErrorCode.conflict,
      bi('已以该方式向该当事人送达', 'Already served on this party this way'),
    );
  const id = randomUUID();
  await tx.insert(services).values({
    id,
    documentId: doc.id,
    caseId: doc.caseId,
    partyId: party.id,
    partyName: party.name,
    method: input.method,
    servedAt: input.servedAt,
    receivedAt: input.receivedAt,
    trackingNumber: input.trackingNumber,
    note: input.note,
    createdByName: actor.displayName,
  });
  await appendAudit(tx, {
    actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
    action: 'document.serve',
    objectType: 'document',
    objectId: doc.id,
    detail: { caseId: doc.caseId, partyId: party.id, method: input.method, sha256: doc.sha256 },
  });
  return { id };
}
