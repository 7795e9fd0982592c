import { createHash, randomInt, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { clock } from '../../../platform/clock.ts';
import type { Db, Tx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { findPartySeat, normalizePartyIdentifier } from '../../cases/index.ts';
import { verifyPassword } from '../../identity/index.ts';
import { queueSms } from '../../notify/index.ts';
import type { TLawyerLogin, TPartyCodeRequest, TPartyLogin } from '../contracts.ts';
import { openPortalSession } from '../portal-auth.ts';
import {
  type CodeState,
  codeExpiry,
  judgeAttempt,
  loginCodeDigits,
  loginCodeValidMinutes,
  maySendCode,
} from '../rules/login.ts';
import { lawyers, loginCodes } from '../tables.ts';

/**
 * Parties sign in with their case number, their ID number (or credit code) and a one-time code
 * sent by SMS to the phone the court recorded for them; lawyers with their licence number and
 * password. Whether a pair exists is never told: asking for a code always gets the same answer.
 */
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function pairHashOf(caseNumber: string, identifier: string): string {
  return sha256(`party|${caseNumber.trim()}|${normalizePartyIdentifier(identifier)}`);
}

const codeHashOf = (pairHash: string, code: string) => sha256(`${pairHash}|${code}`);

async function lockState(tx: Tx, pairHash: string): Promise<CodeState> {
  // One row per pair, created on first use; the row lock orders concurrent attempts.
  await tx.insert(loginCodes).values({ pairHash }).onConflictDoNothing();
  const [row] = await tx.select().from(loginCodes).where(eq(loginCodes.pairHash, pairHash)).for('update');
  if (!row) throw new Error('login code row vanished');
  return row;
}

/** Sends a code if the pair names a party with a phone, at most once a minute; answers nothing either way. */
export async function requestLoginCode(
  db: Db,
  input: TPartyCodeRequest,
): Promise<{ validForSeconds: number }> {
  const seat = await findPartySeat(db, input.caseNumber, input.idNumber);
  if (seat) {
    const pairHash = pairHashOf(input.caseNumber, input.idNumber);
    await db.transaction(async (tx) => {
      const now = clock.now();
      const state = await lockState(tx, pairHash);
      if (!maySendCode(state.sentAt === null && state.lockedUntil === null ? null : state, now)) return;
      const code = String(randomInt(0, 10 ** loginCodeDigits)).padStart(loginCodeDigits, '0');
      await tx
        .update(loginCodes)
        .set({ codeHash: codeHashOf(pairHash, code), expiresAt: codeExpiry(now), sentAt: now, usedAt: null })
        .where(eq(loginCodes.pairHash, pairHash));
      await queueSms(tx, {
        dedupeKey: `disclosure.login:${pairHash.slice(0, 32)}:${now.getTime()}`,
        to: seat.phone,
        text: `【执行】您的执行当事人服务验证码为${code}，${loginCodeValidMinutes}分钟内有效。请勿将验证码告知他人。`,
        kind: 'disclosure.loginCode',
        caseId: seat.caseId,
        courtId: seat.courtId,
        isUrgent: true,
      });
    });
  }
  return { validForSeconds: loginCodeValidMinutes * 60 };
}

function wrongCode(): AppError {
  return new AppError(
    ErrorCode.unauthenticated,
    bi('验证码错误或已过期', 'The code is wrong or has expired'),
    [{ path: 'code', message: bi('验证码错误或已过期', 'The code is wrong or has expired') }],
  );
}

function locked(until: Date): AppError {
  return new AppError(
    ErrorCode.tooManyRequests,
    bi(
      `错误次数过多，请于${until.toISOString()}后重试`,
      `Too many wrong codes; try again after ${until.toISOString()}`,
    ),
  );
}

/** Checks the code; a wrong one is counted (committed) before the 401 is answered. */
export async function signInParty(db: Db, input: TPartyLogin) {
  const pairHash = pairHashOf(input.caseNumber, input.idNumber);
  const outcome = await db.transaction(async (tx) => {
    const now = clock.now();
    const state = await lockState(tx, pairHash);
    const attempt = judgeAttempt(state, codeHashOf(pairHash, input.code), now);
    if (attempt.outcome === 'wrong') {
      await tx.update(loginCodes).set(attempt.next).where(eq(loginCodes.pairHash, pairHash));
      return attempt;
    }
    if (attempt.outcome !== 'ok') return attempt;
    const seat = await findPartySeat(tx, input.caseNumber, input.idNumber);
    if (!seat) return { outcome: 'noCode' as const };
    await tx
      .update(loginCodes)
      .set({ usedAt: now, failures: 0, lockedUntil: null })
      .where(eq(loginCodes.pairHash, pairHash));
    const subjectId = normalizePartyIdentifier(input.idNumber);
    const session = await openPortalSession(tx, { kind: 'party', subjectId, name: seat.name });
    await appendAudit(tx, {
      actor: null,
      action: 'disclosure.party.sign-in',
      objectType: 'case',
      objectId: seat.caseId,
      detail: { partyId: seat.partyId },
    });
    return { outcome: 'ok' as const, session, name: seat.name };
  });
  if (outcome.outcome === 'locked') throw locked(outcome.lockedUntil);
  if (outcome.outcome === 'used') {
    throw new AppError(
      ErrorCode.conflict,
      bi('验证码已使用，请重新获取', 'The code was used already; ask for a new one'),
    );
  }
  if (outcome.outcome !== 'ok' || !('session' in outcome)) throw wrongCode();
  return {
    token: outcome.session.token,
    kind: 'party' as const,
    name: outcome.name,
    expiresAt: outcome.session.expiresAt.toISOString(),
  };
}

function wrongPassword(): AppError {
  return new AppError(
    ErrorCode.unauthenticated,
    bi('执业证号或密码错误', 'Wrong licence number or password'),
  );
}

/** A lawyer's sign-in, throttled like a party's: 5 wrong passwords lock the licence number for 15 minutes. */
export async function signInLawyer(db: Db, input: TLawyerLogin) {
  const pairHash = sha256(`lawyer|${input.licenceNumber.trim()}`);
  const [lawyer] = await db
    .select()
    .from(lawyers)
    .where(eq(lawyers.licenceNumber, input.licenceNumber.trim()));
  // The hash is checked even for an unknown licence, so that the answer takes as long.
  const isRight = await verifyPassword(input.password, lawyer?.passwordHash ?? unknownLawyerHash);
  const outcome = await db.transaction(async (tx) => {
    const now = clock.now();
    const state = await lockState(tx, pairHash);
    const given = isRight && lawyer ? 'right' : randomUUID();
    // The lawyer's "code" is the password's verdict: the same lock-out rule applies.
    const attempt = judgeAttempt(
      { ...state, codeHash: 'right', expiresAt: new Date(now.getTime() + 1) },
      given,
      now,
    );
    if (attempt.outcome === 'wrong') {
      await tx
        .update(loginCodes)
        .set({ failures: attempt.next.failures, lockedUntil: attempt.next.lockedUntil })
        .where(eq(loginCodes.pairHash, pairHash));
      return attempt;
    }
    if (attempt.outcome !== 'ok' || !lawyer) return attempt;
    await tx
      .update(loginCodes)
      .set({ failures: 0, lockedUntil: null })
      .where(eq(loginCodes.pairHash, pairHash));
    const session = await openPortalSession(tx, { kind: 'lawyer', subjectId: lawyer.id, name: lawyer.name });
    await appendAudit(tx, {
      actor: null,
      action: 'disclosure.lawyer.sign-in',
      objectType: 'lawyer',
      objectId: lawyer.id,
      detail: {},
    });
    return { outcome: 'ok' as const, session, name: lawyer.name };
  });
  if (outcome.outcome === 'locked') throw locked(outcome.lockedUntil);
  if (outcome.outcome !== 'ok' || !('session' in outcome)) throw wrongPassword();
  return {
    token: outcome.session.token,
    kind: 'lawyer' as const,
    name: outcome.name,
    expiresAt: outcome.session.expiresAt.toISOString(),
  };
}

// A scrypt hash of a random password nobody knows: an unknown licence number costs the same check.
const unknownLawyerHash =
  'scrypt$131072$8$1$tcAD4x9yVhRQxq2z3RXSBg==$O8dB6V5wrvzRb2Zof0UyrN4WqFcDLeKIEQDgcQ4yRlc=';

/** Removes sessions and idle lock rows past their time (a daily job). */
export async function sweepPortalState(db: Db): Promise<void> {
  const now = clock.now().toISOString();
  await db.execute(sql`delete from disclosure.sessions where expires_at < ${now}::timestamptz`);
  await db.execute(
    sql`delete from disclosure.login_codes
      where coalesce(expires_at, sent_at, ${now}::timestamptz) < ${now}::timestamptz - interval '1 day'
        and (locked_until is null or locked_until < ${now}::timestamptz)`,
  );
}
