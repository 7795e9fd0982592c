import { sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db.ts';
import type { Logger } from '../../../platform/logging.ts';
import { transportNow } from '../../../platform/signed-http.ts';
import { pollRequest, submitRequest } from '../protocol/client.ts';
import { type ProtocolOperation, protocolOperations } from '../protocol/envelope.ts';
import { type IncomingAnswer, recordAnswers } from './answers.ts';
import { claimDueRequests, claimPollDue, findNextDue } from './claim.ts';
import { endpointOf, type InstitutionRow } from './institution-store.ts';
import { expireOverdue, failOpenRequestsOf, recordSendResults, type SendResult } from './outcomes.ts';
import { slotVersion, waitForSlot } from './slot-signal.ts';

/**
 * One institution's driver: sends its due requests within its concurrency limit, polls accepted
 * ones whose callback is late, expires the overdue, and sleeps until a slot frees (NOTIFY) or
 * something falls due. It runs for a bounded time (a job must finish before its expiry) and
 * reports when it next has work, so the job can be enqueued again. Another institution's driver is
 * a separate job: a slow or failing institution never holds up the others.
 */
export type DriveOptions = {
  logger: Logger;
  now: () => Date;
  budgetMs: number;
  signal?: AbortSignal;
  submitTimeoutMs?: number;
  pollBatch?: number;
};

export type DriveReport = { sent: number; polled: number; nextAt: Date | null; isOpen: boolean };

const disabledReason = '机构已停用 / the institution is disabled';

function asOperation(s: string): ProtocolOperation | null {
  return protocolOperations.find((o) => o === s) ?? null;
}

export async function driveInstitution(
  database: Database,
  code: string,
  opts: DriveOptions,
): Promise<DriveReport> {
  const { db } = database;
  const startedAt = Date.now();
  const isOver = () => opts.signal?.aborted === true || Date.now() - startedAt >= opts.budgetMs;
  const timeoutMs = opts.submitTimeoutMs ?? 10_000;
  let sent = 0;
  let polled = 0;
  let lastHousekeeping = 0;
  while (!isOver()) {
    const version = slotVersion(database, code);
    const { institution, claimed, allowance } = await claimDueRequests(db, code, opts.now());
    if (!institution) return { sent, polled, nextAt: null, isOpen: false };
    const endpoint = endpointOf(institution);
    if (claimed.length > 0) {
      // Outcomes are recorded as they come (in small groups), not after the whole round: a fast
      // institution's callback must find its request already marked accepted.
      const recorder = createResultRecorder((results) =>
        recordSendResults(db, institution, results, opts.now()),
      );
      await Promise.all(
        claimed.map(async (c) => {
          const operation = asOperation(c.operation);
          const outcome = operation
            ? await submitRequest(endpoint, {
                operation,
                body: JSON.stringify(c.body),
                idempotencyKey: c.id,
                timeoutMs,
                now: transportNow(),
              })
            : { kind: 'permanent' as const, reason: `unknown operation ${c.operation}` };
          recorder.add({ id: c.id, attempts: c.attempts, outcome });
        }),
      );
      await recorder.close();
      sent += claimed.length;
    }
    // Polls, expiry and a disabled institution's leftovers: about once a second, not on every round.
    let polledNow = 0;
    if (Date.now() - lastHousekeeping >= 1000) {
      lastHousekeeping = Date.now();
      if (!institution.isEnabled) await failOpenRequestsOf(db, code, disabledReason);
      await expireOverdue(db, institution);
      polledNow = await pollDue(database, institution, opts.pollBatch ?? 32, timeoutMs);
      polled += polledNow;
    }
    if (claimed.length > 0 || polledNow > 0) continue;
    const left = opts.budgetMs - (Date.now() - startedAt);
    const blockedUntil = Math.max(
      institution.circuitOpenUntil?.getTime() ?? 0,
      institution.pausedUntil?.getTime() ?? 0,
    );
    let waitMs: number;
    if (blockedUntil > opts.now().getTime()) {
      waitMs = blockedUntil - opts.now().getTime();
    } else if (allowance === 0) {
      // Every slot is taken: sleep until an answer frees one (NOTIFY), checking at least each second.
      waitMs = 1000;
    } else {
      const next = await findNextDue(db, code);
      if (!next.isOpen) return { sent, polled, nextAt: null, isOpen: false };
      waitMs = Math.max(20, (next.nextAt?.getTime() ?? 0) - opts.now().getTime());
    }
    if (waitMs > left) break;
    await waitForSlot(database, code, Math.min(waitMs, 1000), version, opts.signal);
  }
  const next = await findNextDue(db, code);
  return { sent, polled, ...next };
}

/** Collects send results and records them in groups, one write at a time, at most a few ms after they arrive. */
function createResultRecorder(write: (results: SendResult[]) => Promise<void>) {
  let buffer: SendResult[] = [];
  let writing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    const group = buffer;
    buffer = [];
    if (group.length > 0) writing = writing.then(() => write(group));
  };
  return {
    add(result: SendResult) {
      buffer.push(result);
      timer ??= setTimeout(flush, 2);
    },
    async close() {
      if (timer) clearTimeout(timer);
      flush();
      await writing;
    },
  };
}

/** Polls accepted requests whose callback is late; records what has been answered meanwhile. */
async function pollDue(
  database: Database,
  institution: InstitutionRow,
  limit: number,
  timeoutMs: number,
): Promise<number> {
  const polls = await claimPollDue(database.db, institution, limit);
  if (polls.length === 0) return 0;
  const endpoint = endpointOf(institution);
  const answers: IncomingAnswer[] = [];
  const lost: string[] = [];
  await Promise.all(
    polls.map(async (p) => {
      const outcome = await pollRequest(endpoint, {
        remoteRequestId: p.remote_request_id,
        timeoutMs,
        now: transportNow(),
      });
      if (outcome.kind === 'answered')
        answers.push({ institution: institution.code, envelope: outcome.envelope });
      if (outcome.kind === 'unknown') lost.push(p.id);
    }),
  );
  await recordAnswers(database.db, answers, new Date());
  if (lost.length > 0) await resubmitLost(database, lost);
  return polls.length;
}

/** The institution no longer knows a request (its store was lost): send it again with the same key. */
async function resubmitLost(database: Database, ids: string[]): Promise<void> {
  await database.db.execute(sql`update inquiry.requests set state = 'pending', remote_request_id = null,
      next_attempt_at = now(), poll_at = null, last_error = '机构未找到该请求，重新发送 / unknown to the institution, sent again',
      updated_at = now()
    where id = any(${sql.param(ids)}::uuid[]) and state = 'accepted'`);
}
