import { asc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, notFound } from '../../../platform/errors.ts';
import { assertCallableUrl } from '../../../platform/net/outbound-guard.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { TRegisterInstitution, TUpdateInstitution } from '../contracts.ts';
import { forgetSigningKey, type InstitutionRow } from '../engine/institution-store.ts';
import { assertCanAdminister } from '../policy.ts';
import { circuitPolicy } from '../rules/retry-policy.ts';
import { institutions, settings } from '../tables.ts';

function circuitOf(row: InstitutionRow, now: Date): 'closed' | 'open' | 'halfOpen' {
  if (row.circuitOpenUntil && row.circuitOpenUntil > now) return 'open';
  return row.consecutiveFailures >= circuitPolicy.failureThreshold ? 'halfOpen' : 'closed';
}

/** The registry as administrators see it; keys are write-only and never returned. */
export async function listInstitutions(db: Db, actor: Actor) {
  assertCanAdminister(actor);
  const rows = await db
    .select()
    .from(institutions)
    .orderBy(asc(institutions.channel), asc(institutions.code));
  const open = await db.execute<{ institution: string; n: number }>(sql`select institution, count(*)::int as n
    from inquiry.requests where state in ('pending', 'sending', 'accepted') group by institution`);
  const openBy = new Map(open.map((o) => [o.institution, o.n]));
  const now = new Date();
  return {
    items: rows.map((r) => ({
      code: r.code,
      name: r.name,
      kind: r.kind,
      channel: r.channel,
      baseUrl: r.baseUrl,
      assetTypes: r.assetTypes,
      operations: r.operations,
      concurrency: r.concurrency,
      ratePerSecond: r.ratePerSecond,
      isEnabled: r.isEnabled,
      maxAttempts: r.maxAttempts,
      retryBaseSeconds: r.retryBaseSeconds,
      pollAfterSeconds: r.pollAfterSeconds,
      answerTimeoutSeconds: r.answerTimeoutSeconds,
      circuit: circuitOf(r, now),
      pausedUntil: r.pausedUntil && r.pausedUntil > now ? r.pausedUntil.toISOString() : null,
      openRequests: openBy.get(r.code) ?? 0,
    })),
  };
}

/** Registers an institution (idempotent on its code when called by the demo start-up). */
export async function insertInstitution(tx: DbOrTx, input: TRegisterInstitution): Promise<boolean> {
  const rows = await tx
    .insert(institutions)
    .values({ ...input })
    .onConflictDoNothing()
    .returning({ code: institutions.code });
  return rows.length > 0;
}

export async function registerInstitution(db: Db, actor: Actor, input: TRegisterInstitution) {
  assertCanAdminister(actor);
  // Requests carrying parties' names and ID numbers go to this URL: only to the outside world.
  await assertCallableUrl(input.baseUrl, 'baseUrl');
  return db.transaction(async (tx) => {
    if (!(await insertInstitution(tx, input))) {
      throw new AppError(ErrorCode.conflict, bi('机构代码已存在', 'An institution with this code exists'), [
        { path: 'code', message: bi('已存在', 'Already registered') },
      ]);
    }
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'inquiry.institution.register',
      objectType: 'institution',
      objectId: input.code,
      detail: { name: input.name, baseUrl: input.baseUrl, channel: input.channel },
    });
    return { code: input.code };
  });
}

export async function updateInstitution(db: Db, actor: Actor, code: string, input: TUpdateInstitution) {
  assertCanAdminister(actor);
  if (input.baseUrl !== undefined) await assertCallableUrl(input.baseUrl, 'baseUrl');
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(institutions).where(eq(institutions.code, code)).for('update');
    if (!row) throw notFound('机构', 'Institution');
    // Re-enabling (or a new key) starts with a closed circuit.
    const reset =
      input.isEnabled === true || input.signingKey
        ? { consecutiveFailures: 0, circuitOpenUntil: null, pausedUntil: null }
        : {};
    await tx
      .update(institutions)
      .set({ ...input, ...reset, updatedAt: new Date() })
      .where(eq(institutions.code, code));
    const { signingKey, ...shown } = input;
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: 'inquiry.institution.update',
      objectType: 'institution',
      objectId: code,
      detail: { ...shown, isKeyChanged: signingKey !== undefined },
    });
    forgetSigningKey(code);
    return { code };
  });
}

/** Where institutions deliver callbacks: the API writes the URL it listens on (or ZHIXING_PUBLIC_URL) at start-up. */
export async function saveCallbackBase(db: DbOrTx, url: string): Promise<void> {
  const value = url.replace(/\/+$/, '');
  await db
    .insert(settings)
    .values({ key: 'callbackBaseUrl', value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}
