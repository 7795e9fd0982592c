import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField, notFound } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { type Actor, Role } from '../actor.ts';
import { checkPasswordPolicy, hashPassword } from '../password.ts';
import { dataScopePrefix, isInScope, requireRole } from '../policy.ts';
import { courts, users } from '../tables.ts';

export type UserView = {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  court: { id: string; name: string };
  disabled: boolean;
};

export type NewUser = {
  username: string;
  displayName: string;
  password: string;
  courtId: string;
  roles: Role[];
};

/** Inserts a user without an actor check (first administrator, demo seeding); validates everything. */
export async function insertUser(
  tx: DbOrTx,
  input: NewUser,
  opts: { isDemo: boolean; passwordHash?: string },
): Promise<UserView> {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(username)) {
    throw invalidField(
      'username',
      '用户名只能包含小写字母、数字、点、下划线和短横线（2–64 位）',
      'Username: 2–64 of a-z 0-9 . _ -',
    );
  }
  const policy = checkPasswordPolicy(input.password, opts.isDemo);
  if (policy) throw invalidField('password', policy.zh, policy.en);
  const [court] = await tx.select().from(courts).where(eq(courts.id, input.courtId)).limit(1);
  if (!court) throw invalidField('courtId', '法院不存在', 'Court not found');
  const [clash] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (clash) {
    throw new AppError(ErrorCode.conflict, bi('用户名已存在', 'Username already exists'), [
      { path: 'username', message: bi('用户名已存在', 'Username already exists') },
    ]);
  }
  const id = randomUUID();
  await tx.insert(users).values({
    id,
    username,
    displayName: input.displayName.trim(),
    passwordHash: opts.passwordHash ?? (await hashPassword(input.password)),
    courtId: court.id,
    roles: [...new Set(input.roles)],
  });
  return {
    id,
    username,
    displayName: input.displayName.trim(),
    roles: [...new Set(input.roles)],
    court: { id: court.id, name: court.name },
    disabled: false,
  };
}

function actorRef(actor: Actor) {
  return { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id };
}

async function requireCourtInScope(db: DbOrTx, actor: Actor, courtId: string): Promise<void> {
  const [court] = await db.select({ path: courts.path }).from(courts).where(eq(courts.id, courtId));
  if (!court || !isInScope(actor, court.path)) throw invalidField('courtId', '法院不存在', 'Court not found');
}

export async function createUser(db: Db, actor: Actor, input: NewUser, isDemo: boolean): Promise<UserView> {
  requireRole(actor, Role.admin);
  await requireCourtInScope(db, actor, input.courtId);
  const passwordHash = checkPasswordPolicy(input.password, isDemo)
    ? undefined
    : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const user = await insertUser(tx, input, passwordHash ? { isDemo, passwordHash } : { isDemo });
    await appendAudit(tx, {
      actor: actorRef(actor),
      action: 'user.create',
      objectType: 'user',
      objectId: user.id,
      detail: { username: user.username, roles: user.roles, courtId: user.court.id },
    });
    return user;
  });
}

export async function listUsers(db: DbOrTx, actor: Actor, filter: { courtId?: string }): Promise<UserView[]> {
  const rows = await db
    .select({ u: users, courtName: courts.name })
    .from(users)
    .innerJoin(courts, eq(courts.id, users.courtId))
    .where(
      and(
        // A grid worker works outside the court: whoever works in it is not theirs to list.
        like(courts.path, `${dataScopePrefix(actor)}%`),
        filter.courtId ? eq(users.courtId, filter.courtId) : undefined,
      ),
    )
    .orderBy(asc(courts.path), asc(users.username))
    .limit(2000);
  return rows.map(({ u, courtName }) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles as Role[],
    court: { id: u.courtId, name: courtName },
    disabled: u.isDisabled,
  }));
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  patch: { displayName?: string; roles?: Role[]; disabled?: boolean },
): Promise<UserView> {
  requireRole(actor, Role.admin);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ u: users, path: courts.path })
      .from(users)
      .innerJoin(courts, eq(courts.id, users.courtId))
      .where(eq(users.id, id))
      .for('update');
    if (!row || !isInScope(actor, row.path)) throw notFound('用户', 'User');
    if (row.u.id === actor.userId && (patch.disabled || (patch.roles && !patch.roles.includes(Role.admin)))) {
      throw new AppError(
        ErrorCode.conflict,
        bi('不能停用自己或撤销自己的管理员角色', 'You cannot disable yourself or drop your own admin role'),
      );
    }
    await tx
      .update(users)
      .set({
        ...(patch.displayName !== undefined ? { displayName: patch.displayName.trim() } : {}),
        ...(patch.roles !== undefined ? { roles: [...new Set(patch.roles)] } : {}),
        ...(patch.disabled !== undefined ? { isDisabled: patch.disabled } : {}),
      })
      .where(eq(users.id, id));
    await appendAudit(tx, {
      actor: actorRef(actor),
      action: 'user.update',
      objectType: 'user',
      objectId: id,
      detail: patch,
    });
    const [after] = await listUsersByIds(tx, [id]);
    if (!after) throw notFound('用户', 'User');
    return after;
  });
}

export async function listUsersByIds(db: DbOrTx, ids: string[]): Promise<UserView[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ u: users, courtName: courts.name })
    .from(users)
    .innerJoin(courts, eq(courts.id, users.courtId))
    .where(inArray(users.id, ids));
  return rows.map(({ u, courtName }) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles as Role[],
    court: { id: u.courtId, name: courtName },
    disabled: u.isDisabled,
  }));
}

/** The active users of a court holding `role` (whom a court-wide notice goes to). */
export async function userIdsWithRole(db: DbOrTx, courtId: string, role: Role): Promise<string[]> {
  const rows = await db
    .select({ id: users.id, roles: users.roles, isDisabled: users.isDisabled })
    .from(users)
    .where(eq(users.courtId, courtId));
  return rows.filter((u) => !u.isDisabled && u.roles.includes(role)).map((u) => u.id);
}
