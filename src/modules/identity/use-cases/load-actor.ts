import { and, eq, gt, isNull, sql } from 'drizzle-orm';
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

// `last_seen_at` is written when it is older than this, not on every request: the idle deadline
// slides with use at the cost of at most this much precision.
const lastSeenGranularity = sql`interval '1 minute'`;

/**
 * The actor behind a session or API token, or null if unknown, expired, revoked, disabled, or
 * unused for longer than `idleMinutes` — such a session is revoked on the spot (ASVS 3.3.2). Both
 * deadlines are machine time (the database's clock), never the demo clock (decisions/0011).
 */
export async function loadActorByToken(
  db: DbOrTx,
  token: string,
  opts: { idleMinutes: number },
): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      ...actorColumns,
      isIdle: sql<boolean>`${sessions.lastSeenAt} <= now() - make_interval(mins => ${opts.idleMinutes})`,
      isSeenLongAgo: sql<boolean>`${sessions.lastSeenAt} <= now() - ${lastSeenGranularity}`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(courts, eq(courts.id, users.courtId))
    .where(
      and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date()), isNull(sessions.revokedAt)),
    )
    .limit(1);
  if (!row || row.isDisabled) return null;
  if (row.isIdle) {
    await db
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
    return null;
  }
  if (row.isSeenLongAgo) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          isNull(sessions.revokedAt),
          sql`${sessions.lastSeenAt} <= now() - ${lastSeenGranularity}`,
        ),
      );
  }
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
