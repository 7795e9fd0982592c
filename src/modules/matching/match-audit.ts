/**
 * Audit of match calls (who asked, how many, how many hits), written behind the answers in
 * batches: a call is queued before it is answered and committed within `flushMs` in one record
 * per unit listing every call of that interval — one transaction and one row per unit, not one
 * per call, which is what lets one process answer thousands of calls a second. If the audit cannot keep up or the
 * database refuses it, new calls are refused (503) until it recovers: no call goes unaudited
 * beyond the queue's bound. A crash loses at most the last interval's records
 * (docs/decisions/0008-matching-index.md). Subjects that did not hit are kept only as keyed
 * digests (SHA-256 with a pepper kept in the database, 12 base64url characters = 72 bits each),
 * never in clear. The units' usage counts for quotas are added up in memory and written with the
 * records.
 */
import { hash, randomBytes } from 'node:crypto';
import { sql as dsql, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { secrets } from './tables.ts';
import { addUnitUsage, type UnitUsage } from './use-cases/add-unit-usage.ts';

export type MatchAuditEntry = {
  unitId: string;
  /** When the call was answered (ISO instant). */
  at: string;
  unitName: string;
  day: string;
  subjects: number;
  hits: number;
  /** The numbers of the punishments that hit. */
  hitPunishments: number[];
  nonHitDigests: string[];
};

export type MatchAuditor = {
  ready(): Promise<void>;
  /** Throws 503 while the audit is behind or failing: the call must not be answered. */
  admit(): void;
  /** Queues a call's record; it is committed within the flush interval. */
  record(entry: MatchAuditEntry): void;
  digest(canonical: string): string;
  /** Commits everything queued (tests, shutdown). */
  flush(): Promise<void>;
  stop(): Promise<void>;
};

const pepperName = 'match-digest-pepper';

async function loadPepper(db: Db): Promise<string> {
  const fresh = randomBytes(32).toString('base64url');
  await db.insert(secrets).values({ name: pepperName, value: fresh }).onConflictDoNothing();
  const [row] = await db.select({ value: secrets.value }).from(secrets).where(eq(secrets.name, pepperName));
  return row?.value ?? fresh;
}

// Queued subjects beyond which calls are refused (about 60 MB of digests at most).
const maxQueuedSubjects = 5_000_000;

export function createMatchAuditor(db: Db, opts: { flushMs?: number } = {}): MatchAuditor {
  const flushMs = opts.flushMs ?? 20;
  let pepper: string | null = null;
  let pepperLoading: Promise<void> | null = null;
  // Loaded once; a failed load is retried by the next call that waits for it (`ready`).
  const loadPepperOnce = (): Promise<void> => {
    pepperLoading ??= loadPepper(db).then(
      (p) => {
        pepper = p;
      },
      (err: unknown) => {
        pepperLoading = null;
        throw err;
      },
    );
    return pepperLoading;
  };
  // Started with the process; its failure reaches the calls through `ready`, not as an unhandled rejection.
  loadPepperOnce().catch(() => {});
  let queue: MatchAuditEntry[] = [];
  let queuedSubjects = 0;
  let failingSince: number | null = null;
  let flushing: Promise<void> | null = null;

  async function write(batch: MatchAuditEntry[]): Promise<void> {
    // One record per unit and interval, listing every call of that unit in it.
    const byUnit = new Map<string, MatchAuditEntry[]>();
    for (const e of batch) byUnit.set(e.unitId, [...(byUnit.get(e.unitId) ?? []), e]);
    const usage = [...byUnit.values()].flatMap((calls) => {
      const days = new Map<string, UnitUsage>();
      for (const e of calls) {
        const u = days.get(e.day) ?? { unitId: e.unitId, day: e.day, calls: 0, subjects: 0, hits: 0 };
        u.calls += 1;
        u.subjects += e.subjects;
        u.hits += e.hits;
        days.set(e.day, u);
      }
      return [...days.values()];
    });
    await db.transaction(async (tx) => {
      // Written to disk by the WAL writer a fraction of a second later, not one fsync per batch.
      await tx.execute(dsql`set local synchronous_commit = off`);
      await appendAudit(
        tx,
        ...[...byUnit.entries()].map(([unitId, calls]) => ({
          actor: null,
          // The action, object type and detail keys that match calls have always been audited
          // under (audit records are kept as written): `hitMeasures` lists punishment numbers.
          action: 'credit.match',
          objectType: 'apiClient',
          objectId: unitId,
          purpose: '联合惩戒自动比对 / joint-punishment matching',
          detail: {
            unit: calls[0]?.unitName ?? '',
            calls: calls.length,
            subjects: calls.reduce((n, e) => n + e.subjects, 0),
            hits: calls.reduce((n, e) => n + e.hits, 0),
            // Per call: when, how many, how many hits, the punishment numbers that hit (ZX references
            // without the prefix) and the fixed-width digests of the subjects that did not.
            perCall: calls.map((e) => ({
              at: e.at,
              subjects: e.subjects,
              hits: e.hits,
              hitMeasures: e.hitPunishments.join(','),
              nonHitDigests: e.nonHitDigests.join(''),
            })),
          },
        })),
      );
      await addUnitUsage(tx, usage);
    });
  }

  async function flushOnce(): Promise<void> {
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    try {
      await write(batch);
      queuedSubjects -= batch.reduce((n, e) => n + e.subjects, 0);
      failingSince = null;
    } catch (err) {
      // Kept for the next attempt, in order.
      queue = [...batch, ...queue];
      failingSince ??= Date.now();
      throw err;
    }
  }

  function flush(): Promise<void> {
    flushing ??= (async () => {
      try {
        while (queue.length > 0) await flushOnce();
      } finally {
        flushing = null;
      }
    })();
    return flushing;
  }

  const timer = setInterval(() => {
    if (queue.length > 0 && !flushing) flush().catch(() => {});
  }, flushMs);
  timer.unref();

  return {
    ready: loadPepperOnce,
    admit() {
      if (queuedSubjects > maxQueuedSubjects || (failingSince !== null && Date.now() - failingSince > 5000)) {
        throw new AppError(
          ErrorCode.unavailable,
          bi('审计记录暂时无法写入，比对服务暂停', 'The match audit cannot be written; matching is paused'),
        );
      }
    },
    record(entry) {
      queue.push(entry);
      queuedSubjects += entry.subjects;
    },
    digest(canonical) {
      // The pepper is loaded before the first call is answered (the route awaits `ready`).
      return hash('sha256', `${pepper ?? ''}|${canonical}`, 'base64url').slice(0, 12);
    },
    flush,
    async stop() {
      clearInterval(timer);
      // The pepper's queries end before the caller closes the database.
      await pepperLoading?.catch(() => {});
      await flush();
    },
  };
}
