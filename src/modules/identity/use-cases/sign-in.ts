import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import type { Actor } from '../actor.ts';
import { demoPassword, verifyPassword } from '../password.ts';
import { hashToken, newSessionToken } from '../session-token.ts';
import { sessions, users } from '../tables.ts';
import { loadActorByUserId } from './load-actor.ts';
import { clearAfterSuccess, countAttempt } from './sign-in-throttle.ts';

// A hash of a random password, verified when the user does not exist, so timing does not tell.
const decoyHash = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function signIn(
  db: Db,
  input: { username: string; password: string; address: string; sessionHours: number; isDemo: boolean },
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const username = input.username.trim().toLowerCase();
  const throttle = await countAttempt(db, username, input.address);
  if (!throttle.isAllowed) {
    const minutes = Math.max(1, Math.ceil(throttle.retryAfterSeconds / 60));
    throw new AppError(
      ErrorCode.tooManyRequests,
      bi(
        `登录失败次数过多，请 ${minutes} 分钟后再试`,
        `Too many failed sign-ins; try again in ${minutes} minutes`,
      ),
    );
  }
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const isPasswordRight = await verifyPassword(input.password, user?.passwordHash ?? decoyHash);
  // Outside demo mode the demo password never signs anyone in, even if an account still has it.
  const isRefusedDemo = !input.isDemo && input.password === demoPassword;
  if (!user || !isPasswordRight || isRefusedDemo || user.isDisabled) {
    await db.transaction(async (tx) => {
      await appendAudit(tx, {
        actor: null,
        action: 'auth.sign-in',
        objectType: 'user',
        objectId: user?.id ?? null,
        outcome: 'refused',
        detail: { username, address: input.address },
      });
    });
    throw new AppError(ErrorCode.unauthenticated, bi('用户名或密码错误', 'Wrong username or password'));
  }
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + input.sessionHours * 3600_000);
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({ tokenHash: hashToken(token), userId: user.id, expiresAt });
    await clearAfterSuccess(tx, username, input.address);
    await appendAudit(tx, {
      actor: { userId: user.id, displayName: user.displayName, courtId: user.courtId },
      action: 'auth.sign-in',
      objectType: 'user',
      objectId: user.id,
      detail: { address: input.address },
    });
  });
  const actor = await loadActorByUserId(db, user.id);
  if (!actor) throw new AppError(ErrorCode.unauthenticated);
  return { token, actor, expiresAt };
}

export async function signOut(db: Db, token: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())));
}
