/**
 * Signing in to the party portal with a one-time code sent by SMS (issue: 6 digits, valid for 5
 * minutes; 5 wrong codes lock the pair of case number and ID number for 15 minutes). Pure.
 */
export const loginCodeDigits = 6;
export const loginCodeValidMinutes = 5;
export const maxWrongCodes = 5;
export const lockMinutes = 15;
/** A new code for the same pair at most once a minute: the SMS costs money and annoys. */
export const resendSeconds = 60;

export type CodeState = {
  codeHash: string | null;
  expiresAt: Date | null;
  sentAt: Date | null;
  usedAt?: Date | null;
  failures: number;
  lockedUntil: Date | null;
};

export function isLocked(s: Pick<CodeState, 'lockedUntil'>, now: Date): boolean {
  return s.lockedUntil !== null && s.lockedUntil > now;
}

export function maySendCode(s: CodeState | null, now: Date): boolean {
  if (s === null) return true;
  if (isLocked(s, now)) return false;
  return s.sentAt === null || now.getTime() - s.sentAt.getTime() >= resendSeconds * 1000;
}

export type Attempt =
  | { outcome: 'locked'; lockedUntil: Date }
  | { outcome: 'noCode' }
  | { outcome: 'used' }
  | { outcome: 'wrong'; next: Pick<CodeState, 'failures' | 'lockedUntil' | 'codeHash' | 'expiresAt'> }
  | { outcome: 'ok' };

/** Judges one attempt: the state after it is in `next` for a wrong code (the 5th locks and burns the code). */
export function judgeAttempt(s: CodeState | null, givenHash: string, now: Date): Attempt {
  if (s !== null && isLocked(s, now) && s.lockedUntil)
    return { outcome: 'locked', lockedUntil: s.lockedUntil };
  if (s === null || s.codeHash === null || s.expiresAt === null || s.expiresAt <= now)
    return { outcome: 'noCode' };
  if (s.codeHash === givenHash) return s.usedAt ? { outcome: 'used' } : { outcome: 'ok' };
  const failures = s.failures + 1;
  if (failures >= maxWrongCodes) {
    return {
      outcome: 'wrong',
      next: {
        failures: 0,
        lockedUntil: new Date(now.getTime() + lockMinutes * 60_000),
        codeHash: null,
        expiresAt: null,
      },
    };
  }
  return {
    outcome: 'wrong',
    next: { failures, lockedUntil: null, codeHash: s.codeHash, expiresAt: s.expiresAt },
  };
}

export function codeExpiry(now: Date): Date {
  return new Date(now.getTime() + loginCodeValidMinutes * 60_000);
}
