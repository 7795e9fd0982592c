import { and, eq, gt, isNull } from 'drizzle-orm';
import type { CourtLevel } from '../../../kernel/index.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import type { Actor, Role } from '../actor.ts';
import { hashToken } from '../session-token.ts';
import { courts, sessions, users } from '../tables.ts';

const actorColumns = {
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  roles: users.roles,
  isDisabled: users.isDisabled,
  courtId: courts.id,
  courtName: courts.name,
  courtCode: courts.courtCode,
  courtLevel: courts.level,
  courtPath: courts.path,
};

type ActorRow = {
  userId: string;
  username: string;
  displayName: string;
  roles: string[];
  courtId: string;
  courtName: string;
  courtCode: string;
  courtLevel: string;
  courtPath: string;
};

function toActor(row: ActorRow): Actor {
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles as Role[],
    court: {
      id: row.courtId,
      name: row.courtName,
      courtCode: row.courtCode,
      level: row.courtLevel as CourtLevel,
      path: row.courtPath,
    },
  };
}

/** The actor behind a session or API token, or null if unknown, expired, revoked or disabled. */
export async function loadActorByToken(db: DbOrTx, token: string): Promise<Actor | null> {
  const [row] = await db
    .select(actorColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(courts, eq(courts.id, users.courtId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        gt(sessions.expiresAt, new Date()),
        isNull(sessions.revokedAt),
      ),
    )
    .limit(1);
  if (!row || row.isDisabled) return null;
  return toActor(row);
}

export async function loadActorByUserId(db: DbOrTx, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select(actorColumns)
    .from(users)
    .innerJoin(courts, eq(courts.id, users.courtId))
    .where(eq(users.id, userId))
    .limit(1);
  return row ? toActor(row) : null;
}

export async function loadActorByUsername(db: DbOrTx, username: string): Promise<Actor | null> {
  const [row] = await db
    .select(actorColumns)
    .from(users)
    .innerJoin(courts, eq(courts.id, users.courtId))
    .where(eq(users.username, username))
    .limit(1);
  return row ? toActor(row) : null;
}
