import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { compareIsoDates } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import type { OutsideEndpoint } from '../../../platform/outside-world.ts';
import { appendAudit } from '../../audit/index.ts';
import { postPoliceOrder } from '../police/client.ts';
import {
  type DetentionOrderBody,
  policePaths,
  type ReleaseOrderBody,
  type TPoliceVerdict,
} from '../police/protocol.ts';
import { type PoliceRequestKind, policeRequests, sanctions } from '../sanction-tables.ts';

export type PoliceRequestRow = typeof policeRequests.$inferSelect;

export const noEndpointReason = '未配置公安机关接口 / no public-security endpoint is configured';
export const awaitingReason = '已送达，等待公安机关答复 / delivered, awaiting public security’s answer';

/**
 * Writes an order to public security (the outbox row) inside the caller's transaction: it exists
 * if and only if the change that caused it commits, and its id is the request id it is sent under
 * every time. The caller enqueues its send job (queue-police-request.ts); a row whose job is lost
 * is found by the resume sweep.
 */
export async function insertPoliceRequest(
  tx: DbOrTx,
  input:
    | { sanctionId: string; kind: 'detention'; body: Omit<DetentionOrderBody, 'requestId'> }
    | { sanctionId: string; kind: 'release'; body: Omit<ReleaseOrderBody, 'requestId'> },
): Promise<string> {
  const id = randomUUID();
  await tx.insert(policeRequests).values({
    id,
    sanctionId: input.sanctionId,
    kind: input.kind,
    body: JSON.stringify({ requestId: id, ...input.body }),
    createdAt: clock.now(),
  });
  return id;
}

export type PoliceAttempt =
  /** Nothing to do: answered or failed already, or no such request. */
  | { kind: 'settled' }
  /** Public security answered; `followUps` are orders that answer called for (a release). */
  | { kind: 'answered'; followUps: string[] }
  | { kind: 'failed'; reason: string }
  /** Not answered yet (pending, unavailable, no endpoint): to be sent again with the same id. */
  | { kind: 'retry'; reason: string };

type Start =
  | { kind: 'settled' }
  | { kind: 'noEndpoint' }
  | { kind: 'call'; row: PoliceRequestRow; endpoint: OutsideEndpoint };

/**
 * One attempt to deliver an order and learn its answer (docs/protocols/public-security.md §4). The
 * attempt is recorded and committed before the call (`sending`, attempts + 1), so a process that
 * dies during the call leaves a trace; the order goes with its own id as idempotency key, so the
 * rerun that follows is the same order. After the call: an answer is recorded on the sanction and
 * ends the request (`answered`); a 4xx ends it `failed` (the sanction shows why); pending, a 5xx, a
 * timeout or no connection leave it `queued` for the next attempt — there is no last attempt: an
 * order to public security is never dropped.
 */
export async function attemptPoliceRequest(
  db: Db,
  requestId: string,
  endpoint: OutsideEndpoint | undefined,
  opts: { signal?: AbortSignal } = {},
): Promise<PoliceAttempt> {
  const start = await db.transaction(async (tx): Promise<Start> => {
    const [row] = await tx
      .select()
      .from(policeRequests)
      .where(eq(policeRequests.id, requestId))
      .for('update');
    if (!row || row.state === 'answered' || row.state === 'failed') return { kind: 'settled' };
    if (!endpoint) {
      await tx
        .update(policeRequests)
        .set({ lastError: noEndpointReason, updatedAt: sql`now()` })
        .where(eq(policeRequests.id, row.id));
      return { kind: 'noEndpoint' };
    }
    await tx
      .update(policeRequests)
      .set({ state: 'sending', attempts: row.attempts + 1, updatedAt: sql`now()` })
      .where(eq(policeRequests.id, row.id));
    return { kind: 'call', row, endpoint };
  });
  if (start.kind === 'settled') return start;
  if (start.kind === 'noEndpoint') return { kind: 'retry', reason: noEndpointReason };

  const { row } = start;
  const outcome = await postPoliceOrder(
    start.endpoint,
    { requestId: row.id, path: policePaths[row.kind], body: row.body },
    opts.signal ? { signal: opts.signal } : {},
  );
  return db.transaction(async (tx): Promise<PoliceAttempt> => {
    const [now] = await tx.select().from(policeRequests).where(eq(policeRequests.id, row.id)).for('update');
    // A run beside this one recorded the answer already.
    if (!now || now.state === 'answered' || now.state === 'failed') return { kind: 'settled' };
    const keepWaiting = async (reason: string, status: number | null): Promise<PoliceAttempt> => {
      await tx
        .update(policeRequests)
        .set({ state: 'queued', lastStatus: status, lastError: reason, updatedAt: sql`now()` })
        .where(eq(policeRequests.id, row.id));
      return { kind: 'retry', reason };
    };
    if (outcome.verdict === 'pending') return keepWaiting(awaitingReason, outcome.httpStatus);
    if (outcome.verdict === 'unavailable') return keepWaiting(outcome.detail, outcome.httpStatus);
    if (outcome.verdict === 'answered' && !isAnswerOf(row.kind, outcome.answer)) {
      return keepWaiting('应答与通知不符 / the answer does not fit the order', outcome.httpStatus);
    }
    if (outcome.verdict === 'rejected') {
      await tx
        .update(policeRequests)
        .set({
          state: 'failed',
          lastStatus: outcome.httpStatus,
          lastError: outcome.detail,
          updatedAt: sql`now()`,
        })
        .where(eq(policeRequests.id, row.id));
      await recordFailure(tx, row, outcome.detail);
      return { kind: 'failed', reason: outcome.detail };
    }
    await tx
      .update(policeRequests)
      .set({
        state: 'answered',
        answer: outcome.answer,
        lastStatus: outcome.httpStatus,
        lastError: null,
        answeredAt: clock.now(),
        updatedAt: sql`now()`,
      })
      .where(eq(policeRequests.id, row.id));
    const followUps = await recordVerdict(tx, row, outcome.answer);
    return { kind: 'answered', followUps };
  });
}

function isAnswerOf(kind: PoliceRequestKind, answer: TPoliceVerdict): boolean {
  // Admitted from one day to another: the last cannot come before the first.
  if (answer.status === 'admitted')
    return kind === 'detention' && compareIsoDates(answer.endDate, answer.startDate) >= 0;
  if (answer.status === 'released') return kind === 'release';
  return answer.kind === kind;
}

async function recordFailure(tx: DbOrTx, row: PoliceRequestRow, detail: string): Promise<void> {
  const reason = `公安机关拒收通知 / public security refused the order: ${detail}`.slice(0, 500);
  if (row.kind === 'detention') {
    await tx
      .update(sanctions)
      .set({ custodyState: 'failed', custodyRefusal: reason })
      .where(and(eq(sanctions.id, row.sanctionId), eq(sanctions.custodyState, 'awaiting')));
  } else {
    await tx.update(sanctions).set({ releaseRefusal: reason }).where(eq(sanctions.id, row.sanctionId));
  }
  const [s] = await tx
    .select({ caseId: sanctions.caseId })
    .from(sanctions)
    .where(eq(sanctions.id, row.sanctionId));
  await appendAudit(tx, {
    actor: null,
    action: 'procedures.sanction.police-failed',
    objectType: 'case',
    objectId: s?.caseId ?? null,
    outcome: 'failed',
    detail: { sanctionId: row.sanctionId, requestId: row.id, kind: row.kind, reason },
  });
}

/**
 * Public security's answer, on the sanction: admitted (place and dates) or refused; released early
 * or the release refused. A detention admitted after the sanction was revoked on review calls for
 * its release at once: the follow-up order is returned for its sender to enqueue.
 */
async function recordVerdict(tx: DbOrTx, row: PoliceRequestRow, answer: TPoliceVerdict): Promise<string[]> {
  const [s] = await tx.select().from(sanctions).where(eq(sanctions.id, row.sanctionId)).for('update');
  if (!s) return [];
  const followUps: string[] = [];
  if (answer.status === 'admitted') {
    await tx
      .update(sanctions)
      .set({
        custodyState: 'admitted',
        custodyPlace: answer.place,
        custodyStartOn: answer.startDate,
        custodyEndOn: answer.endDate,
      })
      .where(eq(sanctions.id, s.id));
    if (s.status === 'revoked' && s.releaseDecidedAt === null) {
      const today = clock.today();
      await tx
        .update(sanctions)
        .set({
          releaseDecidedAt: clock.now(),
          releaseDecidedByName: '系统 / System',
          releaseNote: '复议撤销拘留决定',
        })
        .where(eq(sanctions.id, s.id));
      followUps.push(
        await insertPoliceRequest(tx, {
          sanctionId: s.id,
          kind: 'release',
          body: {
            detentionRequestId: row.id,
            court: courtOf(row),
            reason: '上级法院复议撤销拘留决定',
            decidedOn: today,
          },
        }),
      );
    }
  } else if (answer.status === 'released') {
    await tx
      .update(sanctions)
      .set({ custodyState: 'released', releasedOn: answer.releasedOn, releaseRefusal: null })
      .where(eq(sanctions.id, s.id));
  } else if (row.kind === 'detention') {
    await tx
      .update(sanctions)
      .set({ custodyState: 'refused', custodyRefusal: answer.reason })
      .where(eq(sanctions.id, s.id));
  } else {
    await tx.update(sanctions).set({ releaseRefusal: answer.reason }).where(eq(sanctions.id, s.id));
  }
  await appendAudit(tx, {
    actor: null,
    action: 'procedures.sanction.police-answer',
    objectType: 'case',
    objectId: s.caseId,
    detail: { sanctionId: s.id, requestId: row.id, kind: row.kind, status: answer.status },
  });
  return followUps;
}

/** The court named in an order, as it was sent. */
function courtOf(row: PoliceRequestRow): string {
  try {
    const body: unknown = JSON.parse(row.body);
    const court = typeof body === 'object' && body !== null ? Reflect.get(body, 'court') : undefined;
    if (typeof court === 'string') return court;
  } catch {}
  return '人民法院';
}

/** Orders not answered that no attempt has touched for a while: their send job was lost. */
export async function staleRequests(db: DbOrTx, olderThan: string, limit: number) {
  return db
    .select({ id: policeRequests.id, updatedAt: policeRequests.updatedAt })
    .from(policeRequests)
    .where(
      and(
        inArray(policeRequests.state, ['queued', 'sending']),
        sql`${policeRequests.updatedAt} < now() - ${olderThan}::interval`,
      ),
    )
    .orderBy(policeRequests.updatedAt)
    .limit(limit);
}

export async function touchRequest(db: DbOrTx, id: string): Promise<void> {
  await db.update(policeRequests).set({ updatedAt: sql`now()` }).where(eq(policeRequests.id, id));
}
